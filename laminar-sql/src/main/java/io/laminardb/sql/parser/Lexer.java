package io.laminardb.sql.parser;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.util.ArrayList;
import java.util.List;

/** Splits SQL text into tokens with line and column, skipping whitespace and comments. */
public final class Lexer {
  private final String sql;
  private int pos;
  private int line = 1;
  private int lineStart;

  private Lexer(String sql) {
    this.sql = sql;
  }

  public static List<Token> tokenize(String sql) {
    return new Lexer(sql).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (pos >= sql.length()) {
        tokens.add(new Token(Token.Kind.END, "", pos, pos, line, pos - lineStart + 1));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipSpaceAndComments() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '-' && peek(1) == '-') {
        while (pos < sql.length() && sql.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '/' && peek(1) == '*') {
        int startLine = line;
        int startCol = pos - lineStart + 1;
        pos += 2;
        while (pos < sql.length() && !(sql.charAt(pos) == '*' && peek(1) == '/')) {
          advanceChar();
        }
        if (pos >= sql.length()) {
          throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "unterminated /* comment", startLine,
              startCol, null);
        }
        pos += 2;
      } else {
        return;
      }
    }
  }

  private void advanceChar() {
    if (sql.charAt(pos) == '\n') {
      line++;
      lineStart = pos + 1;
    }
    pos++;
  }

  private char peek(int ahead) {
    int p = pos + ahead;
    return p < sql.length() ? sql.charAt(p) : '\0';
  }

  private Token next() {
    int start = pos;
    int tokLine = line;
    int tokCol = pos - lineStart + 1;
    char c = sql.charAt(pos);
    if (Character.isLetter(c) || c == '_') {
      while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_'
          || sql.charAt(pos) == '$')) {
        pos++;
      }
      return new Token(Token.Kind.WORD, sql.substring(start, pos), start, pos, tokLine, tokCol);
    }
    if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
      while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
        pos++;
      }
      return new Token(Token.Kind.NUMBER, sql.substring(start, pos), start, pos, tokLine, tokCol);
    }
    if (c == '\'' || c == '"') {
      StringBuilder text = new StringBuilder();
      pos++;
      while (true) {
        if (pos >= sql.length()) {
          throw new LaminarException(ErrorCode.SQL_UNSUPPORTED,
              "unterminated " + (c == '\'' ? "string literal" : "quoted identifier"), tokLine, tokCol, null);
        }
        char d = sql.charAt(pos);
        if (d == c) {
          if (peek(1) == c) {
            text.append(c);
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        text.append(d);
        advanceChar();
      }
      Token.Kind kind = c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED_IDENTIFIER;
      return new Token(kind, text.toString(), start, pos, tokLine, tokCol);
    }
    String[] multi = {"<>", "<=", ">=", "!=", "||", "::", "->>", "->", "#>>", "#>"};
    for (String m : multi) {
      if (sql.startsWith(m, pos)) {
        pos += m.length();
        return new Token(Token.Kind.SYMBOL, m, start, pos, tokLine, tokCol);
      }
    }
    pos++;
    return new Token(Token.Kind.SYMBOL, String.valueOf(c), start, pos, tokLine, tokCol);
  }
}
