package io.laminardb.internal;

import io.laminardb.Backpressure;
import io.laminardb.ColumnInfo;
import io.laminardb.ExecuteResult;
import io.laminardb.ObjectInfo;
import io.laminardb.PipelineMetrics;
import io.laminardb.PipelineState;
import io.laminardb.PipelineTopology;
import io.laminardb.SourceHandle;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.pipeline.Pipeline;
import io.laminardb.core.pipeline.QueryRuntime;
import io.laminardb.core.pipeline.SourceNode;
import io.laminardb.core.pipeline.StepLoop;
import io.laminardb.core.pipeline.StreamNode;
import io.laminardb.internal.catalog.Catalog;
import io.laminardb.internal.catalog.CatalogEntry;
import io.laminardb.internal.catalog.ObjectKind;
import io.laminardb.internal.source.PushSource;
import io.laminardb.internal.source.TypedSource;
import io.laminardb.internal.subscribe.BatchDelivery;
import io.laminardb.internal.subscribe.BufferedSubscription;
import io.laminardb.internal.subscribe.CallbackDelivery;
import io.laminardb.internal.subscribe.InlineDelivery;
import io.laminardb.internal.subscribe.RowMapper;
import io.laminardb.internal.subscribe.StepPublisher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The embedded database behind {@link io.laminardb.LaminarDB}: lifecycle, handles and subscriptions. */
public final class Database {
  /** Builder settings, validated. */
  public record Settings(Path storageDir, int bufferSize, Backpressure backpressure,
      Map<String, String> configVars, Clock clock, boolean deterministic,
      BiConsumer<String, LaminarException> errorListener, int subscriptionBufferRows, long computeSpinNanos,
      io.laminardb.internal.durability.DurabilitySettings durability) {}

  private final Settings settings;
  private final Catalog catalog = new Catalog();
  private final Pipeline pipeline;
  private final StepLoop loop;
  private final StatementRunner statements;
  private final AtomicLong queryErrors = new AtomicLong();
  private final long openedAtNanos = System.nanoTime();
  private volatile PipelineState state = PipelineState.CREATED;

  public Database(Settings settings) {
    this.settings = settings;
    this.pipeline = new Pipeline(settings.clock());
    this.loop = new StepLoop(pipeline);
    loop.setCoalescing(!settings.deterministic());
    loop.setSpinNanos(settings.computeSpinNanos());
    pipeline.setErrorListener(this::reportQueryError);
    this.statements = new StatementRunner(catalog, pipeline, loop, settings, this::isRunning);
    statements.onPeriodicQuery(this::ensureTicker);
    this.storage = settings.storageDir() == null ? null
        : io.laminardb.internal.durability.DurableStorage.open(settings.storageDir(), settings.durability(),
            catalog, pipeline, loop, settings.clock(), statements::setDurabilityHooks, statements::execute);
  }

  /** The storage directory's durability layer, or null for an in-memory database. */
  private final io.laminardb.internal.durability.DurableStorage storage;

  public io.laminardb.CheckpointResult checkpoint() {
    checkOpen();
    if (storage == null) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION, "checkpoint() needs a database opened with"
          + " storageDir(...)");
    }
    return storage.checkpoint();
  }

  public io.laminardb.RecoveredCheckpoint recoveredCheckpoint() {
    return storage == null ? io.laminardb.RecoveredCheckpoint.NONE : storage.recovered();
  }

  private java.util.concurrent.ScheduledExecutorService ticker;
  private long tickPeriod = Long.MAX_VALUE;

  /**
   * EMIT EVERY needs processing-time ticks without data. In deterministic mode (tests, replays) they happen
   * only inside steps and awaitIdle(), driven by the injected clock; otherwise a timer submits tick steps.
   */
  private synchronized void ensureTicker(long intervalMillis) {
    long period = Math.max(10, intervalMillis / 4);
    if (settings.deterministic() || period >= tickPeriod) {
      return;
    }
    if (ticker != null) {
      ticker.shutdownNow();
    }
    tickPeriod = period;
    ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "laminar-ticker");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(loop::tick, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private synchronized void stopTicker() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
  }

  boolean isRunning() {
    return state == PipelineState.CREATED || state == PipelineState.RUNNING;
  }

  private void checkOpen() {
    if (!isRunning()) {
      throw new LaminarException(ErrorCode.SHUTDOWN, "the database is shut down");
    }
  }

  public ExecuteResult execute(String sql) {
    checkOpen();
    return statements.execute(sql);
  }

  public synchronized void start() {
    checkOpen();
    if (state == PipelineState.RUNNING) {
      return;
    }
    loop.start("laminar-compute");
    state = PipelineState.RUNNING;
    statements.startConnectors();
  }

  public UntypedSourceHandle sourceUntyped(String name) {
    checkOpen();
    CatalogEntry entry = catalog.find(name);
    if (entry == null || entry.kind() != ObjectKind.SOURCE) {
      if (entry != null) {
        throw new LaminarException(ErrorCode.INVALID_OPERATION, "'" + name + "' is a "
            + entry.kind().sql().toLowerCase() + "; only sources accept pushes");
      }
      throw new LaminarException(ErrorCode.SOURCE_NOT_FOUND, "no source named '" + name + "'");
    }
    return statements.handle(entry);
  }

  public <T> SourceHandle<T> source(String name, Class<T> type) {
    return new TypedSource<>((PushSource) sourceUntyped(name), type);
  }

  private StreamNode nodeFor(String name) {
    CatalogEntry entry = catalog.find(name);
    if (entry == null) {
      throw new LaminarException(ErrorCode.SQL_TABLE_NOT_FOUND, "cannot subscribe to '" + name
          + "': no source, stream, view or sink has that name (names are case-sensitive)");
    }
    if (entry.kind() == ObjectKind.TABLE) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION, "'" + name
          + "' is a table; query it with SELECT instead of subscribing");
    }
    return pipeline.node(name);
  }

  public <R> Subscription<R> subscribe(String name, Class<R> type) {
    checkOpen();
    StreamNode node = nodeFor(name);
    List<ColumnInfo> columns = Columns.of(node.schema());
    BufferedSubscription<R> sub = new BufferedSubscription<>(name, columns,
        RowMapper.of(node.schema(), columns, type), node, settings.subscriptionBufferRows());
    node.addListener(sub);
    return sub;
  }

  private void reportQueryError(String query, LaminarException error) {
    queryErrors.incrementAndGet();
    if (settings.errorListener() != null) {
      settings.errorListener().accept(query, error);
    }
  }

  public AutoCloseable subscribeBatches(String name, Consumer<io.laminardb.ResultBatch> callback) {
    checkOpen();
    StreamNode node = nodeFor(name);
    BatchDelivery delivery = new BatchDelivery(name, node, Columns.of(node.schema()), callback,
        this::reportQueryError);
    node.addListener(delivery);
    return delivery;
  }

  public <R> AutoCloseable subscribeInline(String name, Class<R> type, Consumer<List<R>> callback) {
    checkOpen();
    StreamNode node = nodeFor(name);
    InlineDelivery<R> delivery = new InlineDelivery<>(name, node,
        RowMapper.of(node.schema(), Columns.of(node.schema()), type), callback, this::reportQueryError);
    node.addListener(delivery);
    return delivery;
  }

  public <R> AutoCloseable subscribeCallback(String name, Class<R> type, Consumer<List<R>> callback) {
    BufferedSubscription<R> sub = (BufferedSubscription<R>) subscribe(name, type);
    return new CallbackDelivery<>(sub, callback);
  }

  public <R> Flow.Publisher<List<R>> publisher(String name, Class<R> type) {
    checkOpen();
    StreamNode node = nodeFor(name);
    StepPublisher<R> publisher = new StepPublisher<>(RowMapper.of(node.schema(), Columns.of(node.schema()),
        type));
    node.addListener(publisher);
    return publisher;
  }

  public void awaitIdle(Duration timeout) {
    if (state == PipelineState.STOPPED) {
      return;
    }
    loop.awaitIdle(timeout);
  }

  public synchronized void shutdown() {
    if (state == PipelineState.STOPPED) {
      return;
    }
    state = PipelineState.SHUTTING_DOWN;
    stopTicker();
    statements.stopConnectors();
    if (storage != null) {
      storage.beforeShutdown();
    }
    loop.stop(Duration.ofSeconds(30));
    statements.close();
    if (storage != null) {
      storage.close();
    }
    state = PipelineState.STOPPED;
  }

  public synchronized void shutdownNow() {
    if (state == PipelineState.STOPPED) {
      return;
    }
    state = PipelineState.SHUTTING_DOWN;
    stopTicker();
    statements.stopConnectors();
    loop.stopNow();
    statements.close();
    if (storage != null) {
      storage.close();
    }
    state = PipelineState.STOPPED;
  }

  public PipelineState state() {
    if (state == PipelineState.RUNNING && storage != null && storage.fault() != null) {
      return PipelineState.FAULTED;
    }
    return state;
  }

  public PipelineMetrics metrics() {
    Map<String, PipelineMetrics.SourceMetrics> sources = new LinkedHashMap<>();
    Map<String, PipelineMetrics.StreamMetrics> streams = new LinkedHashMap<>();
    long ingested = 0;
    long emitted = 0;
    for (CatalogEntry e : catalog.all()) {
      if (e.kind() == ObjectKind.SOURCE) {
        SourceNode n = e.sourceNode();
        ingested += n.ingestedRows();
        var keyed = n.keyedWatermarks();
        sources.put(e.name(), new PipelineMetrics.SourceMetrics(e.name(), n.ingestedRows(), n.pendingRows(),
            n.pendingRows() > settings.bufferSize() * 8L / 10, n.currentWatermark(), n.isIdle(),
            n.heldRows(), n.alignmentDropped(), n.alignmentViolations(),
            keyed == null ? 0 : keyed.trackedKeys(), keyed == null ? 0 : keyed.evictions(), n.lateDropped()));
      } else if (e.kind() != ObjectKind.TABLE) {
        QueryRuntime q = pipeline.query(e.name());
        if (q != null) {
          long rows = q.output().rowsOut();
          emitted += rows;
          streams.put(e.name(), new PipelineMetrics.StreamMetrics(e.name(), rows, q.errorCount(),
              q.output().watermark(), q.lateRows(), q.stateBytes()));
        }
      }
    }
    return new PipelineMetrics(ingested, emitted, queryErrors.get(),
        Duration.ofNanos(System.nanoTime() - openedAtNanos), state, loop.completedCount(), sources, streams,
        statements.lookupMetrics(),
        storage == null ? PipelineMetrics.CheckpointMetrics.NONE : storage.checkpointMetrics());
  }

  public PipelineTopology topology() {
    List<PipelineTopology.Node> nodes = new ArrayList<>();
    List<PipelineTopology.Edge> edges = new ArrayList<>();
    for (CatalogEntry e : catalog.all()) {
      nodes.add(new PipelineTopology.Node(e.name(), e.kind().sql(), e.sql()));
      for (String in : e.inputs()) {
        edges.add(new PipelineTopology.Edge(in, e.name()));
      }
    }
    return new PipelineTopology(nodes, edges);
  }

  public List<ObjectInfo> objects(String kind) {
    List<ObjectInfo> list = new ArrayList<>();
    for (CatalogEntry e : catalog.ofKind(ObjectKind.ofSql(kind))) {
      list.add(new ObjectInfo(e.name(), e.kind().sql(), Columns.of(e.schema()), e.inputs(), e.sql()));
    }
    return list;
  }
}
