package io.laminardb.sql.planner;

import io.laminardb.core.type.DataType;
import org.apache.calcite.avatica.util.ByteString;

/** Converts values between LaminarDB's storage form and Calcite's internal (Enumerable) form. */
public final class CalciteValues {
  private CalciteValues() {}

  /** Storage form (Long, Double, objects) to what a Calcite scan must return for {@code type}. */
  public static Object toCalcite(DataType type, Object stored) {
    if (stored == null) {
      return null;
    }
    return switch (type.kind()) {
      case BOOLEAN -> ((Long) stored) != 0L;
      case SMALLINT -> (short) (long) (Long) stored;
      case INT, DATE, TIME -> (int) (long) (Long) stored;
      case FLOAT -> (float) (double) (Double) stored;
      case BINARY -> new ByteString((byte[]) stored);
      case ARRAY -> {
        java.util.List<?> list = (java.util.List<?>) stored;
        java.util.List<Object> out = new java.util.ArrayList<>(list.size());
        for (Object element : list) {
          out.add(toCalcite(type.elementType(), element));
        }
        yield out;
      }
      default -> stored;
    };
  }

  /** A value read back from Calcite to storage form. */
  public static Object fromCalcite(DataType type, Object value) {
    if (value == null) {
      return null;
    }
    if (type.kind() == io.laminardb.core.type.TypeKind.ARRAY) {
      Object[] elements = value instanceof java.util.List<?> list ? list.toArray() : (Object[]) value;
      Object[] stored = new Object[elements.length];
      for (int i = 0; i < elements.length; i++) {
        stored[i] = fromCalcite(type.elementType(), elements[i]);
      }
      return java.util.Collections.unmodifiableList(java.util.Arrays.asList(stored));
    }
    return switch (type.storage()) {
      case LONG -> value instanceof Boolean b ? (b ? 1L : 0L) : ((Number) value).longValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case OBJECT -> value instanceof ByteString bs ? bs.getBytes() : value;
    };
  }
}
