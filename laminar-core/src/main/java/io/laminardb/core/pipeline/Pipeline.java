package io.laminardb.core.pipeline;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.plan.QueryPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running graph of sources and continuous queries. Every mutation and every step runs on the compute
 * thread of the {@link StepLoop}, so operators and nodes need no locks.
 */
public final class Pipeline {
  private final Map<String, StreamNode> nodes = new ConcurrentHashMap<>();
  private final Map<String, QueryRuntime> queries = new ConcurrentHashMap<>();
  private final List<StreamNode> dirty = new ArrayList<>();
  /** Queries with step-end work, in activation order (a query only reads objects created before it). */
  private final List<SourceNode> idleSources = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<QueryRuntime> stepEndQueries = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, AlignmentGroup> alignmentGroups = new ConcurrentHashMap<>();
  private final Clock clock;
  private volatile ErrorListener errorListener = (query, error) -> {};

  public Pipeline(Clock clock) {
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  public void setErrorListener(ErrorListener listener) {
    this.errorListener = listener;
  }

  // ---- graph changes (compute thread, via StepLoop control steps) ----

  public void addSource(SourceNode source) {
    nodes.put(source.name(), source);
    if (source.needsIdleChecks()) {
      idleSources.add(source);
    }
  }

  /**
   * Adds a source to the alignment group {@code name}, creating the group with this drift and mode; the
   * members of one group must agree on both.
   */
  public void addSource(SourceNode source, String group, long maxDriftMillis, AlignmentGroup.Mode mode) {
    AlignmentGroup g = alignmentGroups.computeIfAbsent(group, n -> new AlignmentGroup(n, maxDriftMillis, mode));
    if (g.maxDriftMillis() != maxDriftMillis || g.mode() != mode) {
      throw new LaminarException(ErrorCode.INVALID_CONFIG, "alignment group '" + group + "' already has"
          + " max_drift " + g.maxDriftMillis() + " ms and mode " + g.mode().name().toLowerCase()
          + "; every source of a group must use the same settings");
    }
    source.joinAlignmentGroup(g);
    g.add(source);
    addSource(source);
  }

  /** Checks that a source could join the group without conflicting settings (any thread, before DDL). */
  public void checkAlignment(String group, long maxDriftMillis, AlignmentGroup.Mode mode) {
    AlignmentGroup g = alignmentGroups.get(group);
    if (g != null && (g.maxDriftMillis() != maxDriftMillis || g.mode() != mode)) {
      throw new LaminarException(ErrorCode.INVALID_CONFIG, "alignment group '" + group + "' already has"
          + " max_drift " + g.maxDriftMillis() + " ms and mode " + g.mode().name().toLowerCase()
          + "; every source of a group must use the same settings");
    }
  }

  /** Registers a named side stream (LATE DATA TO target) that queries can feed and others can read. */
  public StreamNode addSideOutput(String name, io.laminardb.core.type.Schema schema) {
    QueryNode node = new QueryNode(name, schema, this);
    nodes.put(name, node);
    return node;
  }

  /**
   * Registers a continuous query so its output node can be subscribed to at once (any thread); it
   * receives input only once {@link #activate(QueryRuntime)} ran on the compute thread.
   */
  public QueryRuntime prepareQuery(String name, QueryPlan plan) {
    QueryRuntime query = new QueryRuntime(name, plan, this);
    nodes.put(name, query.output());
    queries.put(name, query);
    return query;
  }

  /** Instantiates and wires a prepared query's operators. Compute thread only. */
  public void activate(QueryRuntime query) {
    query.wire();
    if (query.collectStepEndOperators()) {
      stepEndQueries.add(query);
    }
  }

  /**
   * Removes this node (and its query, if it is a query's output). Only that exact node is removed: a new
   * object created under the same name since then stays. Compute thread only.
   */
  public void remove(StreamNode node) {
    QueryRuntime query = queries.get(node.name());
    if (query != null && query.output() == node) {
      queries.remove(node.name(), query);
      query.unwire();
      stepEndQueries.remove(query);
    }
    nodes.remove(node.name(), node);
    idleSources.remove(node);
    if (node instanceof SourceNode source && source.alignmentGroup() != null) {
      AlignmentGroup g = source.alignmentGroup();
      g.remove(source);
      if (g.isEmpty()) {
        alignmentGroups.remove(g.name(), g);
      } else {
        g.releaseHeld(clock.millis());
      }
    }
  }

  public StreamNode node(String name) {
    StreamNode node = nodes.get(name);
    if (node == null) {
      throw new LaminarException(ErrorCode.INTERNAL, "pipeline has no node named '" + name + "'");
    }
    return node;
  }

  public StreamNode findNode(String name) {
    return nodes.get(name);
  }

  public QueryRuntime query(String name) {
    return queries.get(name);
  }

  // ---- steps (compute thread) ----

  void runPush(SourceNode source, Batch batch, int partition) {
    source.countProcessed(batch.rowCount());
    boolean delivered = true;
    long now = clock.millis();
    try {
      delivered = source.ingest(batch, partition, now);
    } finally {
      if (delivered) {
        source.releasePending(batch.rowCount());
      }
    }
    if (source.alignmentGroup() != null) {
      source.alignmentGroup().releaseHeld(now);
    }
  }

  void runWatermark(SourceNode source, long watermark, int partition) {
    source.countWatermarkCall();
    long now = clock.millis();
    source.applyWatermark(watermark, partition, now);
    if (source.alignmentGroup() != null) {
      source.alignmentGroup().releaseHeld(now);
    }
  }

  /** Whether some query emits on processing-time ticks. */
  public boolean hasPeriodicWork() {
    return !stepEndQueries.isEmpty() || !idleSources.isEmpty();
  }

  void markDirty(StreamNode node) {
    dirty.add(node);
  }

  /** End of step: stateful queries finish the step, then every node hands its rows to its listeners. */
  void endStep() {
    if (!idleSources.isEmpty()) {
      long now = clock.millis();
      for (SourceNode source : idleSources) {
        source.checkIdle(now);
      }
      for (AlignmentGroup g : alignmentGroups.values()) {
        g.releaseHeld(now);
      }
    }
    for (int i = 0; i < stepEndQueries.size(); i++) {
      stepEndQueries.get(i).endStep();
    }
    for (int i = 0; i < dirty.size(); i++) {
      dirty.get(i).flush();
    }
    dirty.clear();
    Runnable hook = stepEndHook;
    if (hook != null) {
      hook.run();
    }
  }

  private volatile Runnable stepEndHook;

  /**
   * Runs after every step, between steps, on the compute thread: where periodic checkpoints take their
   * snapshot (nothing is half-processed there).
   */
  public void setStepEndHook(Runnable hook) {
    this.stepEndHook = hook;
  }

  /** Every node by name (sources, query outputs, side streams). */
  public java.util.Collection<StreamNode> nodes() {
    return nodes.values();
  }

  void reportError(String queryName, LaminarException error) {
    try {
      errorListener.onQueryError(queryName, error);
    } catch (RuntimeException ignored) {
      // A failing listener must not take the compute thread down.
    }
  }
}
