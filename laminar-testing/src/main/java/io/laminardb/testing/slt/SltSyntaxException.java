package io.laminardb.testing.slt;

/** A {@code .slt} file that does not follow the dialect; the message starts with {@code file:line:}. */
public final class SltSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SltSyntaxException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
  }

  public SltSyntaxException(String file, int line, String message, Throwable cause) {
    super(file + ":" + line + ": " + message, cause);
  }
}
