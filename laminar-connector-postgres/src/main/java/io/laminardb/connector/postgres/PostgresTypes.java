package io.laminardb.connector.postgres;

import io.laminardb.core.type.DataType;
import io.laminardb.core.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Between PostgreSQL values and LaminarDB's storage form. Temporal values go through java.time with UTC
 * (never the JVM's default zone); TIMESTAMP values are epoch milliseconds, or microseconds for precisions
 * above 3.
 */
final class PostgresTypes {
  private PostgresTypes() {}

  private static final Set<String> TEXT = Set.of("varchar", "text", "bpchar", "name", "uuid", "json", "jsonb",
      "inet", "cidr", "macaddr", "citext");

  /** Whether a PostgreSQL column of type {@code pgType} can fill a column declared as {@code type}. */
  static boolean compatible(String pgType, DataType type) {
    TypeKind k = type.kind();
    return switch (pgType) {
      case "int2", "int4", "int8", "oid" -> k == TypeKind.SMALLINT || k == TypeKind.INT || k == TypeKind.BIGINT
          || k == TypeKind.DECIMAL || k == TypeKind.DOUBLE || k == TypeKind.FLOAT;
      case "float4", "float8" -> k == TypeKind.FLOAT || k == TypeKind.DOUBLE;
      case "numeric" -> k == TypeKind.DECIMAL || k == TypeKind.DOUBLE || k == TypeKind.FLOAT
          || k == TypeKind.BIGINT || k == TypeKind.INT || k == TypeKind.SMALLINT;
      case "bool" -> k == TypeKind.BOOLEAN;
      case "date" -> k == TypeKind.DATE;
      case "timestamp", "timestamptz" -> k == TypeKind.TIMESTAMP || k == TypeKind.TIMESTAMP_TZ;
      case "time" -> k == TypeKind.TIME;
      case "bytea" -> k == TypeKind.BINARY;
      default -> TEXT.contains(pgType) && (k == TypeKind.VARCHAR || k == TypeKind.JSON);
    };
  }

  /** Column {@code index} (1-based) of the current row in storage form for {@code type}. */
  static Object read(ResultSet rs, int index, DataType type, String pgType) throws SQLException {
    Object value = switch (type.kind()) {
      case SMALLINT, INT, BIGINT -> {
        long v = rs.getLong(index);
        yield rs.wasNull() ? null : (Object) v;
      }
      case FLOAT, DOUBLE -> {
        double v = rs.getDouble(index);
        yield rs.wasNull() ? null : (Object) v;
      }
      case BOOLEAN -> {
        boolean v = rs.getBoolean(index);
        yield rs.wasNull() ? null : (Object) (v ? 1L : 0L);
      }
      case DECIMAL -> {
        BigDecimal d = rs.getBigDecimal(index);
        yield d == null ? null : d.setScale(type.scale(), RoundingMode.HALF_UP);
      }
      case DATE -> {
        LocalDate d = rs.getObject(index, LocalDate.class);
        yield d == null ? null : (Object) d.toEpochDay();
      }
      case TIME -> {
        LocalTime t = rs.getObject(index, LocalTime.class);
        yield t == null ? null : (Object) (t.toNanoOfDay() / 1_000_000L);
      }
      case TIMESTAMP, TIMESTAMP_TZ -> {
        Instant at;
        if (pgType.equals("timestamptz")) {
          OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
          at = t == null ? null : t.toInstant();
        } else {
          LocalDateTime t = rs.getObject(index, LocalDateTime.class);
          at = t == null ? null : t.toInstant(ZoneOffset.UTC);
        }
        if (at == null) {
          yield null;
        }
        yield type.isMicros() ? (Object) (at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000)
            : (Object) at.toEpochMilli();
      }
      case BINARY -> rs.getBytes(index);
      default -> rs.getString(index);
    };
    return value;
  }

  /** A storage value as the JDBC object to bind for a column declared {@code type} of PostgreSQL {@code pgType}. */
  static Object parameter(DataType type, String pgType, Object stored) {
    if (stored == null) {
      return null;
    }
    return switch (type.kind()) {
      case BOOLEAN -> ((Long) stored) != 0L;
      case DATE -> LocalDate.ofEpochDay((Long) stored);
      case TIME -> LocalTime.ofNanoOfDay((Long) stored * 1_000_000L);
      case TIMESTAMP, TIMESTAMP_TZ -> {
        long v = (Long) stored;
        Instant at = type.isMicros() ? Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L),
            Math.floorMod(v, 1_000_000L) * 1000L) : Instant.ofEpochMilli(v);
        yield pgType.equals("timestamptz") ? (Object) at.atOffset(ZoneOffset.UTC)
            : (Object) LocalDateTime.ofInstant(at, ZoneOffset.UTC);
      }
      default -> stored;
    };
  }

  /** An element of a key array ({@code = ANY(?)}): temporal values as ISO text the server parses. */
  static Object arrayElement(DataType type, String pgType, Object stored) {
    Object p = parameter(type, pgType, stored);
    return switch (type.kind()) {
      case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> p.toString();
      default -> p;
    };
  }
}
