package io.laminardb.sql.codegen;

/**
 * A compiled sub-expression: Java expressions (usually local variable names) for its null flag and its
 * value.
 */
record Value(String isNull, String value, JavaType type) {
  boolean neverNull() {
    return isNull.equals("false");
  }
}
