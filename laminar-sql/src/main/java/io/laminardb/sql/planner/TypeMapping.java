package io.laminardb.sql.planner;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between LaminarDB column types and Calcite's. */
public final class TypeMapping {
  private TypeMapping() {}

  public static RelDataType toRel(DataType type, RelDataTypeFactory factory) {
    RelDataType rel = switch (type.kind()) {
      case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
      case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
      case INT -> factory.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
      case FLOAT -> factory.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
      case VARCHAR, JSON -> factory.createSqlType(SqlTypeName.VARCHAR);
      case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, type.precision());
      case TIMESTAMP_TZ -> factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
          type.precision());
      case DATE -> factory.createSqlType(SqlTypeName.DATE);
      case TIME -> factory.createSqlType(SqlTypeName.TIME, 3);
      case INTERVAL_DAY_TIME -> factory.createSqlIntervalType(
          new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
      case INTERVAL_YEAR_MONTH -> factory.createSqlIntervalType(
          new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO));
      case BINARY -> factory.createSqlType(SqlTypeName.VARBINARY);
      case ARRAY -> factory.createArrayType(toRel(type.elementType(), factory), -1);
      case NULL -> factory.createSqlType(SqlTypeName.NULL);
    };
    return factory.createTypeWithNullability(rel, type.nullable());
  }

  public static RelDataType toRel(Schema schema, RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder builder = factory.builder();
    for (Field f : schema.fields()) {
      builder.add(f.name(), toRel(f.type(), factory));
    }
    return builder.build();
  }

  public static DataType fromRel(RelDataType rel) {
    DataType type = switch (rel.getSqlTypeName()) {
      case BOOLEAN -> DataType.of(TypeKind.BOOLEAN);
      case TINYINT, SMALLINT -> DataType.of(TypeKind.SMALLINT);
      case INTEGER -> DataType.of(TypeKind.INT);
      case BIGINT -> DataType.of(TypeKind.BIGINT);
      case REAL -> DataType.of(TypeKind.FLOAT);
      case FLOAT, DOUBLE -> DataType.of(TypeKind.DOUBLE);
      case DECIMAL -> DataType.of(TypeKind.DECIMAL, rel.getPrecision(), rel.getScale());
      case CHAR, VARCHAR -> DataType.of(TypeKind.VARCHAR);
      case TIMESTAMP -> DataType.timestamp(Math.min(3, Math.max(0, rel.getPrecision())));
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> DataType.of(TypeKind.TIMESTAMP_TZ,
          Math.min(3, Math.max(0, rel.getPrecision())), 0);
      case DATE -> DataType.of(TypeKind.DATE);
      case TIME -> DataType.of(TypeKind.TIME);
      case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
          INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
          INTERVAL_SECOND -> DataType.of(TypeKind.INTERVAL_DAY_TIME);
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> DataType.of(TypeKind.INTERVAL_YEAR_MONTH);
      case BINARY, VARBINARY -> DataType.of(TypeKind.BINARY);
      case NULL -> DataType.of(TypeKind.NULL);
      case ARRAY -> DataType.array(fromRel(rel.getComponentType()));
      default -> throw new LaminarException(ErrorCode.SQL_UNSUPPORTED,
          "values of type " + rel.getFullTypeString() + " are not supported in results yet");
    };
    return type.withNullable(rel.isNullable());
  }

  public static Schema schemaOf(RelDataType rowType) {
    List<Field> fields = new ArrayList<>();
    for (RelDataTypeField f : rowType.getFieldList()) {
      fields.add(new Field(f.getName(), fromRel(f.getType())));
    }
    return new Schema(fields);
  }
}
