package io.laminardb.testing.slt;

import io.laminardb.ColumnInfo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the text of one {@code push} row into the Java values handed to
 * {@link io.laminardb.UntypedSourceHandle#pushRows(List)}, using the source's column types.
 *
 * <p>A row is a {@code |}-separated list of literals (a {@code |} inside single quotes does not split).
 * Each literal is trimmed, then:
 *
 * <ul>
 *   <li>{@code NULL} (any case) is null.
 *   <li>A single-quoted literal ({@code ''} escapes a quote) is text. For VARCHAR/TEXT/CHAR/STRING/JSON it
 *       is the value; for TIMESTAMP it becomes a {@code LocalDateTime} ({@code '2024-01-01 00:00:01'},
 *       a {@code T} may replace the space, fraction optional); for TIMESTAMP WITH TIME ZONE an
 *       {@code Instant} (UTC unless a {@code Z} or offset is given); DATE a {@code LocalDate}, TIME a
 *       {@code LocalTime}, DECIMAL a {@code BigDecimal}, INTERVAL a {@code Duration} (ISO {@code 'PT1S'}),
 *       BINARY its UTF-8 bytes. For any other type (for example a quoted number into BIGINT) the text is
 *       passed unconverted, so the engine can reject it.
 *   <li>A bare literal is converted by the column type: BIGINT {@code Long}, INT/INTEGER {@code Integer},
 *       SMALLINT {@code Short}, TINYINT {@code Byte}, DOUBLE {@code Double}, FLOAT/REAL {@code Float},
 *       DECIMAL/NUMERIC {@code BigDecimal}, BOOLEAN {@code true}/{@code false}, TIMESTAMP (with or without
 *       time zone) a {@code Long} of epoch milliseconds, INTERVAL a {@code Duration} of milliseconds.
 *       Bare text for a string column is an error in the test file: quote strings.
 *   <li>Values beyond the source's columns (a test of a wrong column count) are converted without a type:
 *       quoted text stays text, {@code true}/{@code false} become booleans, integers {@code Long}, other
 *       numbers {@code Double}.
 * </ul>
 *
 * <p>When {@code lenient} is set (for {@code push error}), a literal that cannot be converted is passed as
 * its raw text instead of failing, so that the engine's own validation is what the test observes.
 */
public final class RowLiterals {
  private RowLiterals() {}

  /** Splits a row line on {@code |} outside single quotes; each part is trimmed. */
  public static List<String> split(String line) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        quoted = !quoted; // '' inside quotes toggles twice: stays quoted
        current.append(c);
      } else if (c == '|' && !quoted) {
        parts.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quote in row: " + line);
    }
    parts.add(current.toString().trim());
    return parts;
  }

  /** Converts one row line for the given source schema. */
  public static Object[] parseRow(String line, List<ColumnInfo> schema, boolean lenient) {
    List<String> literals = split(line);
    Object[] values = new Object[literals.size()];
    for (int i = 0; i < literals.size(); i++) {
      String literal = literals.get(i);
      String type = i < schema.size() ? schema.get(i).type() : null;
      try {
        values[i] = convert(literal, type);
      } catch (RuntimeException e) {
        if (!lenient) {
          String column = i < schema.size() ? schema.get(i).name() + " " + type : "#" + (i + 1);
          throw new IllegalArgumentException("cannot convert literal " + literal + " for column " + column
              + ": " + e.getMessage(), e);
        }
        values[i] = isQuoted(literal) ? unquote(literal) : literal;
      }
    }
    return values;
  }

  /** Converts one literal for a column of SQL type {@code sqlType} (null: untyped). */
  public static Object convert(String literal, String sqlType) {
    if (literal.isEmpty()) {
      throw new IllegalArgumentException("empty literal (write '' for an empty string, NULL for null)");
    }
    if (literal.equalsIgnoreCase("NULL")) {
      return null;
    }
    String type = sqlType == null ? null : sqlType.trim().toUpperCase(Locale.ROOT);
    if (isQuoted(literal)) {
      return convertQuoted(unquote(literal), type);
    }
    return convertBare(literal, type);
  }

  private static Object convertQuoted(String text, String type) {
    if (type == null) {
      return text;
    }
    if (isTimestampWithZone(type)) {
      return parseInstant(text);
    }
    if (type.startsWith("TIMESTAMP")) {
      return parseLocalDateTime(text);
    }
    if (type.equals("DATE")) {
      return LocalDate.parse(text.trim());
    }
    if (type.startsWith("TIME")) {
      return LocalTime.parse(text.trim());
    }
    if (type.startsWith("DECIMAL") || type.startsWith("NUMERIC")) {
      return new BigDecimal(text.trim());
    }
    if (type.startsWith("INTERVAL")) {
      return Duration.parse(text.trim());
    }
    if (type.startsWith("BINARY") || type.startsWith("VARBINARY") || type.startsWith("BYTEA")) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return text;
  }

  private static Object convertBare(String text, String type) {
    if (type == null) {
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(text);
      }
      if (text.matches("[+-]?\\d+")) {
        return Long.parseLong(text);
      }
      return Double.parseDouble(text);
    }
    if (type.equals("BIGINT")) {
      return Long.parseLong(text);
    }
    if (type.equals("INT") || type.equals("INTEGER")) {
      return Integer.parseInt(text);
    }
    if (type.equals("SMALLINT")) {
      return Short.parseShort(text);
    }
    if (type.equals("TINYINT")) {
      return Byte.parseByte(text);
    }
    if (type.startsWith("DOUBLE")) {
      return Double.parseDouble(text);
    }
    if (type.equals("FLOAT") || type.equals("REAL")) {
      return Float.parseFloat(text);
    }
    if (type.startsWith("DECIMAL") || type.startsWith("NUMERIC")) {
      return new BigDecimal(text);
    }
    if (type.startsWith("BOOL")) {
      if (text.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (text.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
      throw new IllegalArgumentException("expected true or false");
    }
    if (type.startsWith("TIMESTAMP")) {
      return Long.parseLong(text);
    }
    if (type.startsWith("INTERVAL")) {
      return Duration.ofMillis(Long.parseLong(text));
    }
    throw new IllegalArgumentException("bare literal for a " + type + " column; quote it");
  }

  /** Parses {@code 2024-01-01 00:00:01[.fff]} or the same with a {@code T}. */
  public static LocalDateTime parseLocalDateTime(String text) {
    return LocalDateTime.parse(text.trim().replaceFirst(" ", "T"));
  }

  /** Like {@link #parseLocalDateTime} with an optional {@code Z} or offset; UTC when none. */
  public static Instant parseInstant(String text) {
    String iso = text.trim().replaceFirst(" ", "T");
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    }
  }

  private static boolean isTimestampWithZone(String type) {
    return type.startsWith("TIMESTAMP") && (type.contains("WITH TIME ZONE") || type.contains("TZ"));
  }

  static boolean isQuoted(String literal) {
    return literal.length() >= 2 && literal.charAt(0) == '\'' && literal.charAt(literal.length() - 1) == '\'';
  }

  static String unquote(String literal) {
    return literal.substring(1, literal.length() - 1).replace("''", "'");
  }
}
