package io.laminardb.core.type;

/** SQL type families and how each is stored in a column. */
public enum TypeKind {
  BOOLEAN(Storage.LONG, "BOOLEAN"),
  SMALLINT(Storage.LONG, "SMALLINT"),
  INT(Storage.LONG, "INT"),
  BIGINT(Storage.LONG, "BIGINT"),
  FLOAT(Storage.DOUBLE, "FLOAT"),
  DOUBLE(Storage.DOUBLE, "DOUBLE"),
  DECIMAL(Storage.OBJECT, "DECIMAL"),
  VARCHAR(Storage.OBJECT, "VARCHAR"),
  /** Epoch milliseconds (precision 0..3) or microseconds (precision 4..6), no time zone. */
  TIMESTAMP(Storage.LONG, "TIMESTAMP"),
  /** Same storage as TIMESTAMP, an instant in UTC. */
  TIMESTAMP_TZ(Storage.LONG, "TIMESTAMP WITH TIME ZONE"),
  /** Days since 1970-01-01. */
  DATE(Storage.LONG, "DATE"),
  /** Milliseconds since midnight. */
  TIME(Storage.LONG, "TIME"),
  /** Day-time interval in milliseconds. */
  INTERVAL_DAY_TIME(Storage.LONG, "INTERVAL"),
  /** Year-month interval in months. */
  INTERVAL_YEAR_MONTH(Storage.LONG, "INTERVAL YEAR TO MONTH"),
  BINARY(Storage.OBJECT, "BINARY"),
  JSON(Storage.OBJECT, "JSON"),
  /** An ordered list of values of one element type, stored as an unmodifiable {@code List} of stored values. */
  ARRAY(Storage.OBJECT, "ARRAY"),
  /** Untyped NULL literal. */
  NULL(Storage.OBJECT, "NULL");

  /** Physical column layout. */
  public enum Storage {
    LONG,
    DOUBLE,
    OBJECT
  }

  private final Storage storage;
  private final String sqlName;

  TypeKind(Storage storage, String sqlName) {
    this.storage = storage;
    this.sqlName = sqlName;
  }

  public Storage storage() {
    return storage;
  }

  public String sqlName() {
    return sqlName;
  }

  public boolean isNumeric() {
    return this == SMALLINT || this == INT || this == BIGINT || this == FLOAT || this == DOUBLE
        || this == DECIMAL;
  }

  public boolean isTimestamp() {
    return this == TIMESTAMP || this == TIMESTAMP_TZ;
  }
}
