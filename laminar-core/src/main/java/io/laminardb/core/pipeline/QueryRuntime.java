package io.laminardb.core.pipeline;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.plan.OperatorSpec;
import io.laminardb.core.plan.QueryPlan;
import io.laminardb.core.plan.ScanSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One running continuous query: its operators, wired from its plan, and its output node. */
public final class QueryRuntime {
  private final String name;
  private final QueryPlan plan;
  private final QueryNode output;
  private final List<Operator> operators = new ArrayList<>();
  private final List<java.util.function.Consumer<Batch>> deletionListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private Operator[] stepEndOperators = new Operator[0];
  private final List<StreamNode> inputs = new ArrayList<>();
  private final Pipeline pipeline;
  private final AtomicLong errors = new AtomicLong();
  private volatile boolean active = true;

  QueryRuntime(String name, QueryPlan plan, Pipeline pipeline) {
    this.name = name;
    this.plan = plan;
    this.pipeline = pipeline;
    this.output = new QueryNode(name, plan.outputSchema(), pipeline);
  }

  /** Instantiates operators and connects them to their input nodes. Compute thread only. */
  void wire() {
    OperatorContext context = new OperatorContext() {
      @Override
      public long processingTimeMillis() {
        return pipeline.clock().millis();
      }

      @Override
      public String queryName() {
        return name;
      }

      @Override
      public void groupsDeleted(Batch rows) {
        for (java.util.function.Consumer<Batch> listener : deletionListeners) {
          listener.accept(rows);
        }
      }

      @Override
      public Output sideOutput(String sideName) {
        StreamNode node = pipeline.node(sideName);
        if (!(node instanceof Output out)) {
          throw new LaminarException(ErrorCode.INTERNAL, "'" + sideName + "' cannot take side output");
        }
        return out;
      }
    };
    OperatorSpec root = plan.root();
    if (root instanceof ScanSpec scan) {
      // SELECT * FROM x: the query's output is a pass-through of its input.
      Operator passThrough = new PassThroughOperator();
      passThrough.open(context, output);
      operators.add(passThrough);
      connect(scan, passThrough, 0);
    } else {
      build(root, output, context);
    }
  }

  /** Operators needing step-end calls, upstream first (operators are built root first). */
  boolean collectStepEndOperators() {
    List<Operator> list = new ArrayList<>();
    for (int i = operators.size() - 1; i >= 0; i--) {
      if (operators.get(i).needsStepEnd()) {
        list.add(operators.get(i));
      }
    }
    stepEndOperators = list.toArray(new Operator[0]);
    return stepEndOperators.length > 0;
  }

  void endStep() {
    if (!active) {
      return;
    }
    for (Operator operator : stepEndOperators) {
      try {
        operator.onStepEnd();
      } catch (RuntimeException e) {
        onError(e);
      }
    }
  }

  private void build(OperatorSpec spec, Output downstream, OperatorContext context) {
    Operator operator = spec.create();
    operator.open(context, downstream);
    operators.add(operator);
    List<OperatorSpec> specInputs = spec.inputs();
    for (int port = 0; port < specInputs.size(); port++) {
      OperatorSpec in = specInputs.get(port);
      if (in instanceof ScanSpec scan) {
        connect(scan, operator, port);
      } else {
        build(in, new PortOutput(operator, port), context);
      }
    }
  }

  private void connect(ScanSpec scan, Operator operator, int port) {
    StreamNode node = pipeline.node(scan.objectName());
    node.addConsumer(new Edge(this, operator, port));
    inputs.add(node);
    if (node.watermark() != Long.MIN_VALUE) {
      // A query created after its input has a watermark starts from it (it sees no earlier rows anyway).
      operator.onWatermark(port, node.watermark());
    }
  }

  void unwire() {
    active = false;
    for (StreamNode in : inputs) {
      in.removeConsumersOf(this);
    }
  }

  void onError(RuntimeException e) {
    errors.incrementAndGet();
    LaminarException error = e instanceof LaminarException le ? le
        : new LaminarException(ErrorCode.QUERY_EXECUTION,
            "query '" + name + "' failed on a step and skipped its input: " + e, e);
    pipeline.reportError(name, error);
  }

  public String name() {
    return name;
  }

  /** Told, on the compute thread, the rows (aggregate layout) of groups an upsert aggregate deleted. */
  public void addDeletionListener(java.util.function.Consumer<Batch> listener) {
    deletionListeners.add(listener);
  }

  public QueryPlan plan() {
    return plan;
  }

  public QueryNode output() {
    return output;
  }

  public List<Operator> operators() {
    return Collections.unmodifiableList(operators);
  }

  /** Approximate bytes of operator state (groups, windows, sessions), for metrics and memory checks. */
  public long stateBytes() {
    long total = 0;
    for (Operator operator : operators) {
      io.laminardb.core.state.OperatorState state = operator.state();
      if (state != null) {
        total += state.sizeBytes();
      }
    }
    return total;
  }

  /** Rows this query's operators dropped or diverted as late. */
  public long lateRows() {
    long total = 0;
    for (Operator operator : operators) {
      if (operator instanceof io.laminardb.core.operator.LateRowCounter counter) {
        total += counter.lateRows();
      }
    }
    return total;
  }

  public long errorCount() {
    return errors.get();
  }

  boolean isActive() {
    return active;
  }

  private record PortOutput(Operator target, int port) implements Output {
    @Override
    public void emit(Batch batch) {
      target.onBatch(port, batch);
    }

    @Override
    public void emitWatermark(long watermark) {
      target.onWatermark(port, watermark);
    }
  }

  private static final class PassThroughOperator implements Operator {
    private Output output;

    @Override
    public void open(OperatorContext context, Output downstream) {
      this.output = downstream;
    }

    @Override
    public void onBatch(int port, Batch batch) {
      output.emit(batch);
    }

    @Override
    public void onWatermark(int port, long watermark) {
      output.emitWatermark(watermark);
    }

    @Override
    public String describe() {
      return "PassThrough";
    }
  }
}
