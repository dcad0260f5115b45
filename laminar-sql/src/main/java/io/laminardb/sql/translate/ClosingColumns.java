package io.laminardb.sql.translate;

import io.laminardb.core.operator.over.PartitionExpiry;
import io.laminardb.core.plan.AggregateOperatorSpec;
import io.laminardb.core.plan.OperatorSpec;
import io.laminardb.core.operator.window.WindowSpec;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Output columns that hold an event-time bound no future row can fall below once the watermark has passed
 * it: the window start (and end) of a TUMBLE/HOP aggregate, through the projections above it. A row of
 * such a window can be emitted only while the aggregate keeps the window, i.e. until {@code start + size +
 * lateness <= watermark}; so a partition keyed by that column is closed then (spec §11, bounded state).
 * Session windows are left out: a merge moves their bounds.
 */
final class ClosingColumns {
  private static final long NONE = Long.MIN_VALUE;
  /** Per operator, per output column: the close offset ({@link PartitionExpiry}), or NONE. */
  private final Map<OperatorSpec, long[]> offsets = new IdentityHashMap<>();

  void aggregate(AggregateOperatorSpec spec) {
    WindowSpec window = spec.window();
    int start = spec.aggregate().layout().windowStartColumn();
    if (window == null || spec.sessionGapMillis() > 0 || start < 0) {
      return;
    }
    long[] columns = none(spec.outputSchema().size());
    columns[start] = window.size() + spec.allowedLatenessMillis();
    offsets.put(spec, columns);
  }

  /** A projection over {@code input}: plain (or widening) references and {@code column + constant} keep it. */
  void projection(OperatorSpec input, OperatorSpec spec, List<RexNode> projections) {
    long[] in = offsets.get(input);
    if (in == null) {
      return;
    }
    long[] out = none(spec.outputSchema().size());
    boolean any = false;
    for (int j = 0; j < Math.min(projections.size(), out.length); j++) {
      out[j] = offsetOf(projections.get(j), in);
      any |= out[j] != NONE;
    }
    if (any) {
      offsets.put(spec, out);
    }
  }

  /** The expiry of partitions keyed by {@code partitionColumns} of {@code input}, or null. */
  PartitionExpiry expiry(OperatorSpec input, int[] partitionColumns) {
    long[] in = offsets.get(input);
    if (in == null) {
      return null;
    }
    for (int k = 0; k < partitionColumns.length; k++) {
      if (in[partitionColumns[k]] != NONE) {
        return new PartitionExpiry(k, in[partitionColumns[k]]);
      }
    }
    return null;
  }

  private static long offsetOf(RexNode node, long[] in) {
    if (node instanceof RexInputRef ref) {
      return in[ref.getIndex()];
    }
    if (!(node instanceof RexCall call)) {
      return NONE;
    }
    List<RexNode> operands = call.getOperands();
    if (call.getKind() == SqlKind.CAST && operands.get(0) instanceof RexInputRef ref
        && isTemporalOrInteger(call)) {
      return in[ref.getIndex()];
    }
    if ((call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS) && operands.size() == 2) {
      long base = offsetOf(operands.get(0), in);
      Long delta = millis(operands.get(1));
      if (base == NONE || delta == null) {
        return NONE;
      }
      // bound' = bound + d closes when bound + offset <= W, i.e. bound' + (offset - d) <= W.
      return call.getKind() == SqlKind.PLUS ? base - delta : base + delta;
    }
    return NONE;
  }

  private static boolean isTemporalOrInteger(RexCall cast) {
    return switch (cast.getType().getSqlTypeName()) {
      case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> true;
      default -> false;
    };
  }

  /** A constant interval or number as milliseconds (intervals are stored in ms), or null. */
  private static Long millis(RexNode node) {
    if (node instanceof RexLiteral literal && literal.getValue() instanceof BigDecimal value) {
      return value.longValue();
    }
    return null;
  }

  private static long[] none(int n) {
    long[] columns = new long[n];
    Arrays.fill(columns, NONE);
    return columns;
  }
}
