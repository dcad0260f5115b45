package io.laminardb.sql.parser;

/**
 * A lexical token of a statement script.
 *
 * @param text the token text; for quoted identifiers and strings the unquoted, unescaped content
 * @param start offset of the first character in the script
 * @param end offset after the last character
 */
public record Token(Kind kind, String text, int start, int end, int line, int column) {
  public enum Kind {
    WORD,
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    SYMBOL,
    END
  }

  /** True for an unquoted word equal, ignoring case, to {@code keyword}. */
  public boolean is(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  public boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** An identifier: an unquoted word (case kept) or a double-quoted name. */
  public boolean isIdentifier() {
    return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
  }
}
