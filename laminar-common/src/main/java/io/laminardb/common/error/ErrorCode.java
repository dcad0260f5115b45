package io.laminardb.common.error;

/**
 * The one registry of LaminarDB error codes. Codes are stable: never renumber or reuse one.
 *
 * <p>Ranges: 0xxx configuration and API, 1xxx SQL, 2xxx windows and watermarks, 3xxx joins, 4xxx state
 * and serialization, 5xxx connectors, 6xxx checkpoints, 7xxx execution, 8xxx internal.
 */
public enum ErrorCode {
  INVALID_CONFIG(1, "invalid configuration value"),
  MISSING_CONFIG(2, "required configuration missing"),
  UNRESOLVED_CONFIG_VAR(3, "unresolved ${VAR} in SQL"),
  SHUTDOWN(4, "database is shut down"),
  INVALID_OPERATION(5, "invalid operation"),
  SCHEMA_MISMATCH(6, "schema mismatch"),
  BACKPRESSURE_REJECTED(7, "push rejected: source buffer full"),
  TIMEOUT(8, "timed out"),

  SQL_UNSUPPORTED(1001, "SQL syntax error or unsupported construct"),
  SQL_PLANNING_FAILED(1002, "SQL planning failed"),
  SQL_UNKNOWN_FUNCTION(1004, "unknown function"),
  SQL_COLUMN_NOT_FOUND(1100, "column not found"),
  SQL_TABLE_NOT_FOUND(1101, "table, source or stream not found"),
  SQL_TYPE_MISMATCH(1200, "type mismatch"),

  WATERMARK_REQUIRED(2001, "event time / watermark required"),
  WINDOW_INVALID(2002, "invalid window or EMIT clause"),
  WINDOW_SIZE_INVALID(2003, "invalid window size"),
  LATE_DATA_REJECTED(2004, "late data rejected"),

  JOIN_KEY_MISSING(3001, "join equality key missing"),
  JOIN_TIME_BOUND_MISSING(3002, "stream-stream join without time bound"),
  TEMPORAL_JOIN_NO_PK(3003, "table without primary key"),
  JOIN_TYPE_UNSUPPORTED(3004, "join type unsupported"),

  OVER_ORDER_INVALID(3050, "OVER needs ORDER BY the event-time column"),
  OVER_FRAME_UNSUPPORTED(3051, "unsupported OVER window frame"),
  OVER_FUNCTION_UNSUPPORTED(3052, "function not supported with OVER"),
  TOP_N_BOUND_MISSING(3053, "ranking function without an outer rank bound"),
  OVER_ARGUMENT_INVALID(3054, "invalid analytic function argument"),
  OVER_WINDOWS_DIFFER(3055, "OVER clauses of one query must share PARTITION BY and ORDER BY"),

  SERIALIZATION(4001, "serialization failed"),
  DESERIALIZATION(4002, "deserialization failed"),
  JSON_PARSE(4003, "JSON parse error"),
  STATE_CORRUPTION(4006, "state corruption"),
  CATALOG_CORRUPT(4007, "stored catalog unreadable"),

  CONNECTOR_CONNECT(5001, "connector could not connect"),
  CONNECTOR_READ(5003, "connector read failed"),
  CONNECTOR_WRITE(5004, "connector write failed"),
  CONNECTOR_CONFIG(5005, "connector configuration invalid"),
  SOURCE_NOT_FOUND(5010, "source not found"),
  SINK_NOT_FOUND(5011, "sink not found"),
  SOURCE_ALREADY_EXISTS(5012, "source already exists"),
  SINK_ALREADY_EXISTS(5013, "sink already exists"),
  LOOKUP_SCHEMA_MISMATCH(5100, "lookup table columns do not match its source"),

  CHECKPOINT_FAILED(6001, "checkpoint failed"),
  CHECKPOINT_NOT_FOUND(6002, "checkpoint not found"),
  RECOVERY_FAILED(6003, "recovery failed"),
  CHECKPOINT_CORRUPT(6004, "checkpoint corrupt or incomplete"),
  CATALOG_CONFLICT(6005, "definition conflicts with the stored catalog"),
  WAL_WRITE_FAILED(6006, "write-ahead log write failed"),
  WAL_CORRUPT(6007, "write-ahead log damaged"),
  PIPELINE_FAULTED(6008, "pipeline faulted"),
  STORAGE_LOCKED(6009, "storage directory in use"),
  SINK_COMMIT_FAILED(6010, "sink commit failed"),

  QUERY_EXECUTION(7001, "query execution error"),
  ARROW(7002, "Arrow conversion error"),

  INTERNAL(8001, "internal error");

  private final int number;
  private final String summary;

  ErrorCode(int number, String summary) {
    this.number = number;
    this.summary = summary;
  }

  /** The stable code, for example {@code LDB-1100}. */
  public String code() {
    return String.format("LDB-%04d", number);
  }

  public int number() {
    return number;
  }

  public String summary() {
    return summary;
  }

  /** Finds a code by its text form ({@code LDB-1100}); null when unknown. */
  public static ErrorCode byCode(String code) {
    for (ErrorCode c : values()) {
      if (c.code().equalsIgnoreCase(code)) {
        return c;
      }
    }
    return null;
  }
}
