package io.laminardb;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One result row: values in column order as Java objects (Long, Integer, Double, String, BigDecimal,
 * Boolean, LocalDateTime for TIMESTAMP, Instant for TIMESTAMP WITH TIME ZONE, LocalDate, LocalTime,
 * Duration, byte[]), null for SQL NULL. Changelog rows carry their {@code __weight} as the last column.
 */
public final class Row {
  private final List<ColumnInfo> columns;
  private final Object[] values;

  public Row(List<ColumnInfo> columns, Object[] values) {
    if (columns.size() != values.length) {
      throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size()
          + " columns");
    }
    this.columns = columns;
    this.values = values;
  }

  public List<ColumnInfo> columns() {
    return columns;
  }

  public int size() {
    return values.length;
  }

  public Object get(int index) {
    return values[index];
  }

  /** The value of the column named exactly {@code name} (case-sensitive). */
  public Object get(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return values[i];
      }
    }
    throw new IllegalArgumentException("no column '" + name + "' in " + columns);
  }

  public Long getLong(int index) {
    Object v = values[index];
    return v == null ? null : ((Number) v).longValue();
  }

  public Double getDouble(int index) {
    Object v = values[index];
    return v == null ? null : ((Number) v).doubleValue();
  }

  public String getString(int index) {
    Object v = values[index];
    return v == null ? null : v.toString();
  }

  /** {@code __weight} for changelog rows (+1 insert, -1 retract); 1 for plain rows. */
  public long weight() {
    int last = columns.size() - 1;
    if (last >= 0 && columns.get(last).name().equals("__weight") && values[last] != null) {
      return ((Number) values[last]).longValue();
    }
    return 1L;
  }

  /** A copy of the values. */
  public Object[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row r && Arrays.deepEquals(r.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Row[");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(columns.get(i).name()).append('=');
      sb.append(values[i] instanceof byte[] b ? Arrays.toString(b) : Objects.toString(values[i]));
    }
    return sb.append(']').toString();
  }
}
