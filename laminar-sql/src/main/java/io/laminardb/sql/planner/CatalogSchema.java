package io.laminardb.sql.planner;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;

/** Exposes the database catalog to Calcite; read live on every lookup, so DDL is seen at once. */
final class CatalogSchema extends AbstractSchema {
  private final RelationResolver resolver;

  CatalogSchema(RelationResolver resolver) {
    this.resolver = resolver;
  }

  /** Always reads the catalog afresh (the default implementation caches the first table map). */
  @Override
  public org.apache.calcite.schema.lookup.Lookup<Table> tables() {
    return org.apache.calcite.schema.lookup.Lookup.of(
        org.apache.calcite.util.NameMap.immutableCopyOf(getTableMap()));
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> tables = new HashMap<>();
    for (RelationResolver.Relation r : resolver.all()) {
      tables.put(r.name(), new RelationTable(r));
    }
    return tables;
  }

  /** One relation: typed from its schema, scannable when it has a snapshot. */
  static final class RelationTable extends AbstractTable implements ScannableTable {
    private final RelationResolver.Relation relation;

    RelationTable(RelationResolver.Relation relation) {
      this.relation = relation;
    }

    RelationResolver.Relation relation() {
      return relation;
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
}
