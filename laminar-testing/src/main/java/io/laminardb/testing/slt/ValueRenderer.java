package io.laminardb.testing.slt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * Renders result values as the text that appears in expected blocks of a {@code .slt} file.
 *
 * <p>Rules (the README repeats them):
 *
 * <ul>
 *   <li>{@code NULL} for SQL NULL, {@code (empty)} for the empty string, other strings verbatim.
 *   <li>Integers ({@code Long}, {@code Integer}, {@code Short}, {@code Byte}, {@code BigInteger}):
 *       decimal digits.
 *   <li>{@code Double}/{@code Float}: rounded half-up to 6 digits after the decimal point, trailing zeros
 *       and a trailing point removed, never an exponent: {@code 1.5}, {@code 150}, {@code 0.333333},
 *       {@code -2}; {@code -0.0} renders {@code 0}; {@code NaN}, {@code Infinity}, {@code -Infinity}.
 *       The value is taken from its shortest decimal representation first, so {@code 0.1 + 0.2} renders
 *       {@code 0.3}.
 *   <li>{@code BigDecimal}: under type letter {@code R} as a double (same rounding); otherwise its plain
 *       text with its scale, for example {@code 10.50}.
 *   <li>{@code Boolean}: {@code true} / {@code false}.
 *   <li>Temporal values, ISO-8601 with a {@code T}: {@code LocalDateTime} {@code 2024-01-01T00:00:01},
 *       {@code Instant} in UTC with a trailing {@code Z}, {@code LocalDate} {@code 2024-01-01},
 *       {@code LocalTime} {@code 09:30:00}. Seconds are always printed; a fraction only when non-zero,
 *       with 3, 6 or 9 digits (the shortest that is exact).
 *   <li>{@code byte[]}: {@code 0x} followed by lower-case hex.
 *   <li>{@code List} (ARRAY): {@code [a, NULL, b]}, elements rendered by these rules.
 *   <li>Anything else: {@code toString()}.
 * </ul>
 *
 * <p>Type letters (one per column) check the Java class of each non-null value: {@code I} integer,
 * {@code R} floating point or decimal, {@code T} string, {@code B} boolean, {@code D} date/time. Any other
 * letter (by convention {@code ?}, or {@code N} for an exact decimal) accepts every class.
 */
public final class ValueRenderer {
  /** Digits kept after the decimal point for floating-point values. */
  public static final int DOUBLE_SCALE = 6;

  /** Rendering of SQL NULL. */
  public static final String NULL = "NULL";

  /** Rendering of the empty string. */
  public static final String EMPTY = "(empty)";

  /** Separator between the columns of one rendered row. */
  public static final String COLUMN_SEPARATOR = " | ";

  private ValueRenderer() {}

  /**
   * Renders one row. Throws {@link TypeLetterMismatch} when {@code types} is not null and a value does
   * not fit its letter; {@code types} must then have one letter per value.
   */
  public static String renderRow(List<?> values, String types) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(COLUMN_SEPARATOR);
      }
      char letter = types == null ? '?' : types.charAt(i);
      sb.append(render(values.get(i), letter, i));
    }
    return sb.toString();
  }

  /** Renders one value under a type letter ({@code '?'} for no check). */
  public static String render(Object value, char letter, int columnIndex) {
    if (value == null) {
      return NULL;
    }
    if (!fits(value, letter)) {
      throw new TypeLetterMismatch(columnIndex, letter, value);
    }
    if (letter == 'R' && value instanceof BigDecimal d) {
      return renderDecimalAsReal(d);
    }
    return render(value);
  }

  /** Renders one value by its class. */
  public static String render(Object value) {
    return switch (value) {
      case null -> NULL;
      case String s -> s.isEmpty() ? EMPTY : s;
      case Double d -> renderDouble(d);
      case Float f -> renderFloat(f);
      case BigDecimal d -> d.toPlainString();
      case Long l -> l.toString();
      case Integer i -> i.toString();
      case Short s -> s.toString();
      case Byte b -> b.toString();
      case BigInteger b -> b.toString();
      case Boolean b -> b.toString();
      case LocalDateTime t -> renderDateTime(t);
      case Instant t -> renderDateTime(LocalDateTime.ofInstant(t, ZoneOffset.UTC)) + "Z";
      case OffsetDateTime t -> render(t.toInstant());
      case ZonedDateTime t -> render(t.toInstant());
      case LocalDate d -> d.toString();
      case LocalTime t -> renderTime(t);
      case byte[] b -> "0x" + HexFormat.of().formatHex(b);
      case java.util.List<?> list -> renderList(list);
      default -> value.toString();
    };
  }

  /** An ARRAY as {@code [a, NULL, b]}, each element rendered by its class. */
  private static String renderList(java.util.List<?> list) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(render(list.get(i)));
    }
    return sb.append(']').toString();
  }

  /** Whether {@code value} (not null) belongs to the class family of {@code letter}. */
  public static boolean fits(Object value, char letter) {
    return switch (letter) {
      case 'I' -> value instanceof Long || value instanceof Integer || value instanceof Short
          || value instanceof Byte || value instanceof BigInteger;
      case 'R' -> value instanceof Double || value instanceof Float || value instanceof BigDecimal;
      case 'T' -> value instanceof String;
      case 'B' -> value instanceof Boolean;
      case 'D' -> value instanceof LocalDateTime || value instanceof Instant || value instanceof LocalDate
          || value instanceof LocalTime || value instanceof OffsetDateTime || value instanceof ZonedDateTime;
      default -> true;
    };
  }

  static String renderDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    return renderDecimalAsReal(BigDecimal.valueOf(d));
  }

  static String renderFloat(float f) {
    if (Float.isNaN(f) || Float.isInfinite(f)) {
      return Float.toString(f);
    }
    return renderDecimalAsReal(new BigDecimal(Float.toString(f)));
  }

  private static String renderDecimalAsReal(BigDecimal d) {
    BigDecimal rounded = d.setScale(DOUBLE_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    if (rounded.signum() == 0) {
      return "0";
    }
    return rounded.toPlainString();
  }

  private static String renderDateTime(LocalDateTime t) {
    return t.toLocalDate() + "T" + renderTime(t.toLocalTime());
  }

  private static String renderTime(LocalTime t) {
    StringBuilder sb = new StringBuilder(18);
    twoDigits(sb, t.getHour()).append(':');
    twoDigits(sb, t.getMinute()).append(':');
    twoDigits(sb, t.getSecond());
    int nanos = t.getNano();
    if (nanos != 0) {
      String nine = String.format("%09d", nanos);
      if (nanos % 1_000_000 == 0) {
        sb.append('.').append(nine, 0, 3);
      } else if (nanos % 1_000 == 0) {
        sb.append('.').append(nine, 0, 6);
      } else {
        sb.append('.').append(nine);
      }
    }
    return sb.toString();
  }

  private static StringBuilder twoDigits(StringBuilder sb, int value) {
    if (value < 10) {
      sb.append('0');
    }
    return sb.append(value);
  }

  /** A value whose Java class does not match the type letter declared for its column. */
  public static final class TypeLetterMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TypeLetterMismatch(int columnIndex, char letter, Object value) {
      super("column " + (columnIndex + 1) + " is declared '" + letter + "' but holds "
          + value.getClass().getSimpleName() + " " + render(value));
    }
  }
}
