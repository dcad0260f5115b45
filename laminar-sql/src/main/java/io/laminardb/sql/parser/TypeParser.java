package io.laminardb.sql.parser;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.TypeKind;
import java.util.Locale;

/** Parses column types of DDL statements (the type names and aliases of spec §2.1). */
final class TypeParser {
  private TypeParser() {}

  static DataType parse(TokenCursor c) {
    Token t = c.peek();
    if (t.kind() != Token.Kind.WORD) {
      throw c.error("expected a data type but found " + TokenCursor.describe(t));
    }
    c.next();
    String name = t.text().toUpperCase(Locale.ROOT);
    DataType type = switch (name) {
      case "VARCHAR", "TEXT", "STRING", "CHAR", "CHARACTER" -> {
        c.accept("VARYING");
        skipLength(c);
        yield DataType.of(TypeKind.VARCHAR);
      }
      case "BOOLEAN", "BOOL" -> DataType.of(TypeKind.BOOLEAN);
      case "SMALLINT", "INT2", "TINYINT" -> DataType.of(TypeKind.SMALLINT);
      case "INT", "INTEGER", "INT4" -> DataType.of(TypeKind.INT);
      case "BIGINT", "INT8", "LONG" -> DataType.of(TypeKind.BIGINT);
      case "FLOAT", "REAL", "FLOAT4" -> DataType.of(TypeKind.FLOAT);
      case "DOUBLE", "FLOAT8" -> {
        c.accept("PRECISION");
        yield DataType.of(TypeKind.DOUBLE);
      }
      case "DECIMAL", "NUMERIC", "DEC" -> decimal(c);
      case "TIMESTAMP" -> timestamp(c);
      case "TIMESTAMPTZ" -> DataType.of(TypeKind.TIMESTAMP_TZ);
      case "DATE" -> DataType.of(TypeKind.DATE);
      case "TIME" -> {
        skipLength(c);
        yield DataType.of(TypeKind.TIME);
      }
      case "INTERVAL" -> DataType.of(TypeKind.INTERVAL_DAY_TIME);
      case "BINARY", "VARBINARY", "BYTEA", "BLOB" -> {
        skipLength(c);
        yield DataType.of(TypeKind.BINARY);
      }
      case "JSON", "JSONB" -> DataType.of(TypeKind.JSON);
      case "ARRAY", "MAP", "STRUCT", "ROW" -> throw new LaminarException(ErrorCode.SQL_UNSUPPORTED,
          "column type " + name + " is not supported yet", t.line(), t.column(), null);
      default -> throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "unknown data type '" + t.text()
          + "'", t.line(), t.column(), null);
    };
    if (c.peek().isSymbol("[")) {
      throw c.error("array column types are not supported yet");
    }
    return type;
  }

  private static void skipLength(TokenCursor c) {
    if (c.acceptSymbol("(")) {
      integer(c);
      c.expectSymbol(")");
    }
  }

  private static int integer(TokenCursor c) {
    Token t = c.peek();
    if (t.kind() != Token.Kind.NUMBER) {
      throw c.error("expected a number but found " + TokenCursor.describe(t));
    }
    c.next();
    try {
      return Integer.parseInt(t.text());
    } catch (NumberFormatException e) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "invalid number '" + t.text() + "'", t.line(),
          t.column(), null);
    }
  }

  private static DataType decimal(TokenCursor c) {
    int precision = 38;
    int scale = 10;
    if (c.acceptSymbol("(")) {
      precision = integer(c);
      scale = 0;
      if (c.acceptSymbol(",")) {
        scale = integer(c);
      }
      c.expectSymbol(")");
      if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
        throw c.error("DECIMAL precision must be 1..38 and scale 0..precision");
      }
    }
    return DataType.of(TypeKind.DECIMAL, precision, scale);
  }

  private static DataType timestamp(TokenCursor c) {
    int precision = DataType.DEFAULT_TIMESTAMP_PRECISION;
    if (c.acceptSymbol("(")) {
      precision = integer(c);
      c.expectSymbol(")");
      if (precision < 0 || precision > 3) {
        throw c.error("TIMESTAMP precision must be between 0 and 3 (milliseconds); microsecond"
            + " timestamps are not supported yet");
      }
    }
    if (c.acceptAll("WITH", "TIME", "ZONE") || c.acceptAll("WITH", "LOCAL", "TIME", "ZONE")) {
      return DataType.of(TypeKind.TIMESTAMP_TZ, precision, 0);
    }
    c.acceptAll("WITHOUT", "TIME", "ZONE");
    return DataType.timestamp(precision);
  }
}
