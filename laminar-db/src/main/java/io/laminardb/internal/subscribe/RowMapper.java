package io.laminardb.internal.subscribe;

import io.laminardb.ColumnInfo;
import io.laminardb.Row;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.type.Schema;
import io.laminardb.internal.source.RecordLayout;
import io.laminardb.internal.value.ValueCodec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Turns rows of a batch into {@link Row}s or, by position, into records/POJOs. */
public final class RowMapper<R> {
  private final Schema schema;
  private final List<ColumnInfo> columns;
  private final RecordLayout<R> layout;

  private RowMapper(Schema schema, List<ColumnInfo> columns, RecordLayout<R> layout) {
    this.schema = schema;
    this.columns = columns;
    this.layout = layout;
  }

  @SuppressWarnings("unchecked")
  public static <R> RowMapper<R> of(Schema schema, List<ColumnInfo> columns, Class<R> type) {
    if (type == Row.class) {
      return new RowMapper<>(schema, columns, null);
    }
    RecordLayout<R> layout = new RecordLayout<>(type);
    if (layout.size() != schema.size()) {
      throw new LaminarException(ErrorCode.SCHEMA_MISMATCH, type.getName() + " has " + layout.size()
          + " fields but the output has " + schema.size() + " columns " + columns
          + " (fields map to columns by position)");
    }
    for (int i = 0; i < schema.size(); i++) {
      if (!compatible(schema.field(i).type(), layout.fieldType(i))) {
        throw new LaminarException(ErrorCode.SCHEMA_MISMATCH, "field " + i + " of " + type.getName()
            + " is " + layout.fieldType(i).getSimpleName() + " but column '" + schema.field(i).name()
            + "' is " + schema.field(i).type().sql());
      }
    }
    return new RowMapper<>(schema, columns, layout);
  }

  private static boolean compatible(io.laminardb.core.type.DataType type, Class<?> field) {
    if (field == Object.class) {
      return true;
    }
    return switch (type.kind()) {
      case BOOLEAN -> field == boolean.class || field == Boolean.class;
      case SMALLINT, INT, BIGINT -> field == long.class || field == Long.class || field == int.class
          || field == Integer.class || field == short.class || field == Short.class || field == double.class
          || field == Double.class;
      case FLOAT, DOUBLE -> field == double.class || field == Double.class || field == float.class
          || field == Float.class;
      case DECIMAL -> field == java.math.BigDecimal.class || field == double.class || field == Double.class;
      case VARCHAR, JSON -> field == String.class;
      case TIMESTAMP, TIMESTAMP_TZ -> field == long.class || field == Long.class || field == Instant.class
          || field == LocalDateTime.class;
      case DATE -> field == java.time.LocalDate.class;
      case TIME -> field == java.time.LocalTime.class;
      case INTERVAL_DAY_TIME -> field == java.time.Duration.class || field == long.class;
      default -> true;
    };
  }

  @SuppressWarnings("unchecked")
  public R map(Batch batch, int row) {
    Object[] values = new Object[schema.size()];
    for (int c = 0; c < values.length; c++) {
      values[c] = ValueCodec.toJava(schema.field(c).type(), batch.getStored(c, row));
    }
    if (layout == null) {
      return (R) new Row(columns, values);
    }
    for (int c = 0; c < values.length; c++) {
      values[c] = adapt(values[c], layout.fieldType(c));
    }
    return layout.create(values);
  }

  private static Object adapt(Object v, Class<?> target) {
    if (v == null) {
      if (target.isPrimitive()) {
        throw new LaminarException(ErrorCode.SCHEMA_MISMATCH, "NULL cannot be delivered into a primitive "
            + target + " field; use the boxed type");
      }
      return null;
    }
    if (target.isInstance(v)) {
      return v;
    }
    if (v instanceof LocalDateTime t) {
      Instant i = t.toInstant(ZoneOffset.UTC);
      return target == Instant.class ? i : i.toEpochMilli();
    }
    if (v instanceof Instant i) {
      return target == LocalDateTime.class ? LocalDateTime.ofInstant(i, ZoneOffset.UTC) : i.toEpochMilli();
    }
    if (v instanceof java.time.Duration d) {
      return d.toMillis();
    }
    if (v instanceof Number n) {
      if (target == long.class || target == Long.class) {
        return n.longValue();
      }
      if (target == int.class || target == Integer.class) {
        return n.intValue();
      }
      if (target == short.class || target == Short.class) {
        return n.shortValue();
      }
      if (target == double.class || target == Double.class) {
        return n.doubleValue();
      }
      if (target == float.class || target == Float.class) {
        return n.floatValue();
      }
    }
    return v;
  }
}
