package io.laminardb.sql.tree;

/** The EMIT clause of a continuous query. */
public record EmitClause(Mode mode, long intervalMillis) {
  public enum Mode {
    ON_WATERMARK,
    ON_WINDOW_CLOSE,
    ON_UPDATE,
    CHANGES,
    FINAL,
    EVERY_INTERVAL
  }

  public static EmitClause of(Mode mode) {
    return new EmitClause(mode, 0);
  }

  public String sql() {
    return switch (mode) {
      case ON_WATERMARK -> "EMIT ON WATERMARK";
      case ON_WINDOW_CLOSE -> "EMIT ON WINDOW CLOSE";
      case ON_UPDATE -> "EMIT ON UPDATE";
      case CHANGES -> "EMIT CHANGES";
      case FINAL -> "EMIT FINAL";
      case EVERY_INTERVAL -> "EMIT EVERY INTERVAL '" + intervalMillis + "' MILLISECOND";
    };
  }
}
