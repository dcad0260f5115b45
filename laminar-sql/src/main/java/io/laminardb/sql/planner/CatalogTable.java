package io.laminardb.sql.planner;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A catalog object as Calcite sees it: typed from its schema, scannable when it has a snapshot. */
final class CatalogTable extends AbstractTable implements ScannableTable {
  private final RelationResolver.Relation relation;

  CatalogTable(RelationResolver.Relation relation) {
    this.relation = relation;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.toRel(relation.schema(), typeFactory);
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    if (relation.snapshot() == null) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION, relation.kind().toLowerCase() + " '"
          + relation.name() + "' cannot be queried ad hoc; create a MATERIALIZED VIEW or subscribe to it");
    }
    List<Object[]> rows = relation.snapshot().get();
    return Linq4j.asEnumerable(rows);
  }
}
