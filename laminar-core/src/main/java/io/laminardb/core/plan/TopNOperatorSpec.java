package io.laminardb.core.plan;

import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.over.RankKind;
import io.laminardb.core.operator.over.SortKey;
import io.laminardb.core.operator.over.TopNOperator;
import io.laminardb.core.type.Schema;
import java.util.List;

/**
 * Per-partition top-N ({@code rank <= limit}): the input columns, the rank when {@code isRanked}, and
 * {@code __weight} when {@code isChanges}.
 */
public record TopNOperatorSpec(OperatorSpec input, Schema outputSchema, int[] partitionColumns,
    SortKey[] sortKeys, RankKind rankKind, long limit, boolean isChanges, boolean isRanked, String description)
    implements OperatorSpec {
  @Override
  public List<OperatorSpec> inputs() {
    return List.of(input);
  }

  @Override
  public Operator create() {
    return new TopNOperator(input.outputSchema(), outputSchema, partitionColumns, sortKeys, rankKind, limit,
        isChanges, isRanked, description);
  }

  @Override
  public String explain() {
    return description;
  }
}
