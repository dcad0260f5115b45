package io.laminardb.core.plan;

import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.over.PartitionExpiry;
import io.laminardb.core.operator.over.RankKind;
import io.laminardb.core.operator.over.SortKey;
import io.laminardb.core.operator.over.TopNOperator;
import io.laminardb.core.type.Schema;
import java.util.List;

/**
 * Per-partition top-N ({@code rank <= limit}): the input columns, the rank when {@code isRanked}, and
 * {@code __weight} when {@code isChanges}. {@code upsertKey} (input columns, or null) marks an upsert input
 * whose rows replace earlier rows with the same key; {@code expiry} (or null) closes partitions by watermark.
 */
public record TopNOperatorSpec(OperatorSpec input, Schema outputSchema, int[] partitionColumns,
    SortKey[] sortKeys, RankKind rankKind, long limit, boolean isChanges, boolean isRanked, int[] upsertKey,
    PartitionExpiry expiry, String description)
    implements OperatorSpec {
  @Override
  public List<OperatorSpec> inputs() {
    return List.of(input);
  }

  @Override
  public Operator create() {
    return new TopNOperator(input.outputSchema(), outputSchema, partitionColumns, sortKeys, rankKind, limit,
        isChanges, isRanked, upsertKey, expiry, description);
  }

  @Override
  public String explain() {
    return description;
  }
}
