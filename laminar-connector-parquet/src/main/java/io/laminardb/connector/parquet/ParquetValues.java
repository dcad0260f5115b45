package io.laminardb.connector.parquet;

import io.laminardb.core.type.DataType;
import io.laminardb.core.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Parquet primitive values (with their logical annotations) to LaminarDB's storage form for the declared
 * column type, and whether a file column can fill a declared column at all.
 */
final class ParquetValues {
  private ParquetValues() {}

  static boolean compatible(Type column, DataType declared) {
    if (!column.isPrimitive() || column.isRepetition(Type.Repetition.REPEATED)) {
      return false;
    }
    PrimitiveType p = column.asPrimitiveType();
    LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
    TypeKind k = declared.kind();
    if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
      return k == TypeKind.DECIMAL || k == TypeKind.DOUBLE;
    }
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return k == TypeKind.DATE;
    }
    if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
      return k == TypeKind.TIMESTAMP || k == TypeKind.TIMESTAMP_TZ;
    }
    return switch (p.getPrimitiveTypeName()) {
      case INT32, INT64 -> k == TypeKind.SMALLINT || k == TypeKind.INT || k == TypeKind.BIGINT
          || k == TypeKind.DOUBLE || k == TypeKind.DECIMAL;
      case FLOAT, DOUBLE -> k == TypeKind.FLOAT || k == TypeKind.DOUBLE;
      case BOOLEAN -> k == TypeKind.BOOLEAN;
      case BINARY, FIXED_LEN_BYTE_ARRAY -> logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
          || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
          || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
          ? k == TypeKind.VARCHAR || k == TypeKind.JSON : k == TypeKind.BINARY;
      default -> false;
    };
  }

  /** Field {@code field} of {@code g} (absent = NULL) as the declared column's storage value. */
  static Object read(Group g, int field, PrimitiveType p, DataType declared) {
    if (g.getFieldRepetitionCount(field) == 0) {
      return null;
    }
    LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
    Object raw = switch (p.getPrimitiveTypeName()) {
      case INT32 -> (long) g.getInteger(field, 0);
      case INT64 -> g.getLong(field, 0);
      case FLOAT -> (double) g.getFloat(field, 0);
      case DOUBLE -> g.getDouble(field, 0);
      case BOOLEAN -> g.getBoolean(field, 0) ? 1L : 0L;
      default -> g.getBinary(field, 0).getBytes();
    };
    if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
      BigInteger unscaled = raw instanceof Long l ? BigInteger.valueOf(l) : new BigInteger((byte[]) raw);
      BigDecimal value = new BigDecimal(unscaled, d.getScale());
      return declared.kind() == TypeKind.DOUBLE ? (Object) value.doubleValue()
          : value.setScale(declared.scale(), RoundingMode.HALF_UP);
    }
    if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
      long v = (Long) raw;
      long micros = switch (t.getUnit()) {
        case MILLIS -> v * 1000L;
        case MICROS -> v;
        case NANOS -> Math.floorDiv(v, 1000L);
      };
      return declared.isMicros() ? micros : Math.floorDiv(micros, 1000L);
    }
    if (raw instanceof byte[] bytes && (declared.kind() == TypeKind.VARCHAR || declared.kind() == TypeKind.JSON)) {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    if (raw instanceof Long l) {
      return switch (declared.kind()) {
        case DOUBLE -> (Object) l.doubleValue();
        case DECIMAL -> BigDecimal.valueOf(l).setScale(declared.scale(), RoundingMode.HALF_UP);
        default -> l;
      };
    }
    return raw;
  }
}
