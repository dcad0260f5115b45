package io.laminardb.core.type;

import java.util.Objects;

/** A SQL column type: family, precision/scale where relevant, and nullability. Immutable. */
public final class DataType {
  public static final int DEFAULT_TIMESTAMP_PRECISION = 3;

  private final TypeKind kind;
  private final int precision;
  private final int scale;
  private final boolean nullable;
  /** The element type of an ARRAY, else null. */
  private final DataType elementType;

  private DataType(TypeKind kind, int precision, int scale, boolean nullable) {
    this(kind, precision, scale, nullable, null);
  }

  private DataType(TypeKind kind, int precision, int scale, boolean nullable, DataType elementType) {
    this.kind = kind;
    this.precision = precision;
    this.scale = scale;
    this.nullable = nullable;
    this.elementType = elementType;
  }

  /** {@code ARRAY<element>}; its values are unmodifiable lists of the element's stored values. */
  public static DataType array(DataType element) {
    return new DataType(TypeKind.ARRAY, -1, 0, true, element);
  }

  /** The element type of an ARRAY, or null for other kinds. */
  public DataType elementType() {
    return elementType;
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
    return isNullable == nullable ? this : new DataType(kind, precision, scale, isNullable, elementType);
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
      case ARRAY -> elementType.sql() + " ARRAY";
      default -> kind.sqlName();
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataType t && t.kind == kind && t.precision == precision && t.scale == scale
        && t.nullable == nullable && Objects.equals(t.elementType, elementType);
  }

  /** Equality ignoring nullability. */
  public boolean sameTypeAs(DataType other) {
    return other.kind == kind && other.precision == precision && other.scale == scale
        && (elementType == null ? other.elementType == null
            : other.elementType != null && elementType.sameTypeAs(other.elementType));
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, precision, scale, nullable, elementType);
  }

  @Override
  public String toString() {
    return sql() + (nullable ? "" : " NOT NULL");
  }
}
