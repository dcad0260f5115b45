package io.laminardb.core.type;

import java.util.Objects;

/** A SQL column type: family, precision/scale where relevant, and nullability. Immutable. */
public final class DataType {
  public static final int DEFAULT_TIMESTAMP_PRECISION = 3;

  private final TypeKind kind;
  private final int precision;
  private final int scale;
  private final boolean nullable;

  private DataType(TypeKind kind, int precision, int scale, boolean nullable) {
    this.kind = kind;
    this.precision = precision;
    this.scale = scale;
    this.nullable = nullable;
  }

  public static DataType of(TypeKind kind) {
    return switch (kind) {
      case TIMESTAMP, TIMESTAMP_TZ -> new DataType(kind, DEFAULT_TIMESTAMP_PRECISION, 0, true);
      case DECIMAL -> new DataType(kind, 38, 10, true);
      default -> new DataType(kind, -1, 0, true);
    };
  }

  public static DataType of(TypeKind kind, int precision, int scale) {
    return new DataType(kind, precision, scale, true);
  }

  public static DataType timestamp(int precision) {
    return new DataType(TypeKind.TIMESTAMP, precision, 0, true);
  }

  public DataType withNullable(boolean isNullable) {
    return isNullable == nullable ? this : new DataType(kind, precision, scale, isNullable);
  }

  public TypeKind kind() {
    return kind;
  }

  public TypeKind.Storage storage() {
    return kind.storage();
  }

  public int precision() {
    return precision;
  }

  public int scale() {
    return scale;
  }

  public boolean nullable() {
    return nullable;
  }

  /** For timestamps: true when values are stored in microseconds rather than milliseconds. */
  public boolean isMicros() {
    return kind.isTimestamp() && precision > 3;
  }

  /** SQL text of the type, for DESCRIBE and SHOW CREATE (nullability not included). */
  public String sql() {
    return switch (kind) {
      case DECIMAL -> "DECIMAL(" + precision + ", " + scale + ")";
      case TIMESTAMP -> "TIMESTAMP(" + precision + ")";
      case TIMESTAMP_TZ -> "TIMESTAMP(" + precision + ") WITH TIME ZONE";
      default -> kind.sqlName();
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataType t && t.kind == kind && t.precision == precision && t.scale == scale
        && t.nullable == nullable;
  }

  /** Equality ignoring nullability. */
  public boolean sameTypeAs(DataType other) {
    return other.kind == kind && other.precision == precision && other.scale == scale;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, precision, scale, nullable);
  }

  @Override
  public String toString() {
    return sql() + (nullable ? "" : " NOT NULL");
  }
}
