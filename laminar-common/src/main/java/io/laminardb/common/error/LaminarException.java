package io.laminardb.common.error;

/**
 * Every error LaminarDB reports. The message starts with {@code [LDB-NNNN]}; SQL errors also carry the
 * 1-based line and column of the offending text (0 when unknown).
 */
public class LaminarException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode errorCode;
  private final int line;
  private final int column;

  public LaminarException(ErrorCode errorCode, String message) {
    this(errorCode, message, 0, 0, null);
  }

  public LaminarException(ErrorCode errorCode, String message, Throwable cause) {
    this(errorCode, message, 0, 0, cause);
  }

  public LaminarException(ErrorCode errorCode, String message, int line, int column, Throwable cause) {
    super(format(errorCode, message, line, column), cause);
    this.errorCode = errorCode;
    this.line = line;
    this.column = column;
  }

  private static String format(ErrorCode code, String message, int line, int column) {
    String where = line > 0 ? " at line " + line + ", column " + column : "";
    return "[" + code.code() + "] " + message + where;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  /** The stable code text, for example {@code LDB-0006}. */
  public String code() {
    return errorCode.code();
  }

  /** 1-based line of the SQL text the error refers to, or 0. */
  public int line() {
    return line;
  }

  /** 1-based column of the SQL text the error refers to, or 0. */
  public int column() {
    return column;
  }
}
