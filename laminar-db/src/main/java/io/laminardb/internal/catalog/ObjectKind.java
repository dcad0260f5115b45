package io.laminardb.internal.catalog;

/** The kinds of named objects in the catalog. */
public enum ObjectKind {
  SOURCE("SOURCE"),
  STREAM("STREAM"),
  MATERIALIZED_VIEW("MATERIALIZED VIEW"),
  SINK("SINK"),
  TABLE("TABLE");

  private final String sql;

  ObjectKind(String sql) {
    this.sql = sql;
  }

  public String sql() {
    return sql;
  }

  public static ObjectKind ofSql(String text) {
    for (ObjectKind k : values()) {
      if (k.sql.equals(text)) {
        return k;
      }
    }
    throw new IllegalArgumentException(text);
  }
}
