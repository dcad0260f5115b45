package io.laminardb.core.operator.calc;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.EvalContext;

/**
 * A fused filter and projection compiled to bytecode for one query. Reads {@code in}, appends every row that
 * passes the filter, projected, to {@code out} (whose capacity it ensures), and returns the number of rows
 * appended. Implementations allocate nothing per row beyond the values the projection itself creates.
 */
public interface CalcKernel {
  int apply(Batch in, Batch out, EvalContext context);
}
