package io.laminardb.sql.parser;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.util.List;

/** Walks a statement's tokens; errors name the offending token's line and column. */
final class TokenCursor {
  private final List<Token> tokens;
  private final String script;
  private int index;

  TokenCursor(List<Token> tokens, String script) {
    this.tokens = tokens;
    this.script = script;
  }

  Token peek() {
    return tokens.get(index);
  }

  Token peek(int ahead) {
    int i = Math.min(index + ahead, tokens.size() - 1);
    return tokens.get(i);
  }

  Token next() {
    Token t = tokens.get(index);
    if (t.kind() != Token.Kind.END) {
      index++;
    }
    return t;
  }

  int position() {
    return index;
  }

  void reset(int position) {
    index = position;
  }

  boolean atEnd() {
    return peek().kind() == Token.Kind.END;
  }

  boolean accept(String keyword) {
    if (peek().is(keyword)) {
      index++;
      return true;
    }
    return false;
  }

  /** Accepts a sequence of keywords only if all of them follow. */
  boolean acceptAll(String... keywords) {
    for (int i = 0; i < keywords.length; i++) {
      if (!peek(i).is(keywords[i])) {
        return false;
      }
    }
    index += keywords.length;
    return true;
  }

  boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      index++;
      return true;
    }
    return false;
  }

  Token expect(String keyword) {
    if (!peek().is(keyword)) {
      throw error("expected " + keyword + " but found " + describe(peek()));
    }
    return next();
  }

  Token expectSymbol(String symbol) {
    if (!peek().isSymbol(symbol)) {
      throw error("expected '" + symbol + "' but found " + describe(peek()));
    }
    return next();
  }

  String identifier(String what) {
    Token t = peek();
    if (!t.isIdentifier()) {
      throw error("expected " + what + " but found " + describe(t));
    }
    index++;
    return t.text();
  }

  String string(String what) {
    Token t = peek();
    if (t.kind() != Token.Kind.STRING) {
      throw error("expected " + what + " (a quoted string) but found " + describe(t));
    }
    index++;
    return t.text();
  }

  LaminarException error(String message) {
    Token t = peek();
    return new LaminarException(ErrorCode.SQL_UNSUPPORTED, message, t.line(), t.column(), null);
  }

  static String describe(Token t) {
    return switch (t.kind()) {
      case END -> "end of statement";
      case STRING -> "'" + t.text() + "'";
      case QUOTED_IDENTIFIER -> "\"" + t.text() + "\"";
      default -> "'" + t.text() + "'";
    };
  }

  /** Script text from the start of token {@code from} to the end of the token before {@code to}. */
  String text(int from, int to) {
    if (to <= from) {
      return "";
    }
    return script.substring(tokens.get(from).start(), tokens.get(to - 1).end());
  }

  Token token(int i) {
    return tokens.get(i);
  }

  int size() {
    return tokens.size();
  }
}
