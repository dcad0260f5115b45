package io.laminardb.core.type;

/** A named, typed column of a schema. */
public record Field(String name, DataType type) {
  public boolean nullable() {
    return type.nullable();
  }
}
