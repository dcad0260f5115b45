package io.laminardb.core.plan;

import io.laminardb.core.lookup.LookupSource;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.join.LookupJoinOperator;
import io.laminardb.core.type.Schema;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stream JOIN table by the table's primary key. The table is not an input edge: the operator probes
 * {@code source} (a {@link LookupSource}, possibly restricted by pushed-down predicates) per row.
 *
 * @param tableName the table, for EXPLAIN and dependency tracking
 * @param streamKeys stream columns equated to the primary key columns, in primary-key order
 * @param streamTime for a temporal join against a table: the stream's AS OF column, probing the version
 *     valid then ({@code source} is then a {@link io.laminardb.core.lookup.VersionedLookupSource}); else -1
 */
public record LookupJoinSpec(OperatorSpec input, String tableName, Schema tableSchema,
    Supplier<LookupSource> source, int[] streamKeys, io.laminardb.core.operator.join.JoinType type, String predicates,
    int streamTime) implements OperatorSpec {
  @Override
  public List<OperatorSpec> inputs() {
    return List.of(input);
  }

  @Override
  public Schema outputSchema() {
    return LookupJoinOperator.outputSchema(input.outputSchema(), tableSchema, type);
  }

  @Override
  public Operator create() {
    return new LookupJoinOperator(input.outputSchema(), tableSchema, source, streamKeys, type, streamTime);
  }

  @Override
  public String explain() {
    return (streamTime >= 0 ? "TemporalLookupJoin: " : "LookupJoin: ") + type + " " + tableName + " on primary key = stream columns "
        + java.util.Arrays.toString(streamKeys) + (predicates.isEmpty() ? "" : ", table filter " + predicates);
  }
}
