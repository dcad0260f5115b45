package io.laminardb;

/** A column of a source, stream or result: its name, SQL type text and nullability. */
public record ColumnInfo(String name, String type, boolean nullable) {
  @Override
  public String toString() {
    return name + " " + type + (nullable ? "" : " NOT NULL");
  }
}
