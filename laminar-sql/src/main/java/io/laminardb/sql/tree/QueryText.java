package io.laminardb.sql.tree;

/**
 * A piece of the script handed to Calcite (a SELECT, a predicate), with where it starts so error positions
 * can be reported against the whole script.
 */
public record QueryText(String sql, int line, int column) {
  /** Maps a 1-based (line, column) inside {@link #sql} to the script. */
  public int[] rebase(int innerLine, int innerColumn) {
    if (innerLine <= 0) {
      return new int[] {line, column};
    }
    return innerLine == 1 ? new int[] {line, column + innerColumn - 1}
        : new int[] {line + innerLine - 1, innerColumn};
  }
}
