package io.laminardb;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.internal.Database;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * An embedded streaming SQL database. Declare sources, continuous queries (streams, materialized views) and
 * sinks with {@link #execute(String)}, push events through source handles, read results through
 * subscriptions.
 *
 * <pre>{@code
 * try (LaminarDB db = LaminarDB.open()) {
 *   db.execute("CREATE SOURCE trades (symbol VARCHAR NOT NULL, price DOUBLE NOT NULL, ts TIMESTAMP NOT NULL)");
 *   db.execute("CREATE STREAM big AS SELECT symbol, price FROM trades WHERE price > 100");
 *   Subscription<Row> big = db.subscribe("big");
 *   db.start();
 *   db.sourceUntyped("trades").push("AAPL", 150.0, Instant.now());
 *   db.awaitIdle();
 *   System.out.println(big.poll());
 * }
 * }</pre>
 *
 * <p>All methods are thread-safe.
 */
public final class LaminarDB implements AutoCloseable {
  private final Database database;

  private LaminarDB(Database database) {
    this.database = database;
  }

  /** An in-memory database with default settings. */
  public static LaminarDB open() {
    return builder().build();
  }

  /** The compute thread's default spin before parking, see {@link Builder#computeSpin}. */
  public static final Duration DEFAULT_COMPUTE_SPIN = Duration.ofNanos(50_000);

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs one or more {@code ;}-separated statements and returns the result of the last. A statement that
   * fails leaves the catalog as it was before that statement; statements before it stay applied.
   */
  public ExecuteResult execute(String sql) {
    return database.execute(sql);
  }

  /** Starts processing. Idempotent. Pushes made before start are buffered and processed in order. */
  public void start() {
    database.start();
  }

  public UntypedSourceHandle sourceUntyped(String name) {
    return database.sourceUntyped(name);
  }

  /** A typed handle; the class's fields map to source columns by position and must match their types. */
  public <T> SourceHandle<T> source(String name, Class<T> type) {
    return database.source(name, type);
  }

  /** Subscribes to raw rows of a source, stream, view or sink. */
  public Subscription<Row> subscribe(String name) {
    return database.subscribe(name, Row.class);
  }

  /** Subscribes with rows mapped by position onto a record or POJO class. */
  public <R> Subscription<R> subscribe(String name, Class<R> type) {
    return database.subscribe(name, type);
  }

  /**
   * Callback style: {@code callback} receives each step's rows on a delivery thread. Close the returned
   * handle to stop.
   */
  public <R> AutoCloseable subscribe(String name, Class<R> type, Consumer<List<R>> callback) {
    return database.subscribeCallback(name, type, callback);
  }

  /**
   * Lowest-latency callback: {@code callback} runs on the compute thread as soon as a step's rows for
   * {@code name} are complete, with no hand-off to another thread. It holds up the whole pipeline while it
   * runs, so it must be quick and must not block or call the database's blocking methods ({@code awaitIdle},
   * a push that may wait for back-pressure); hand the rows to your own queue for anything slower. An
   * exception it throws goes to the error listener ({@code LDB-7001}) and the subscription stays active.
   * Close the returned handle to stop.
   */
  public <R> AutoCloseable subscribeInline(String name, Class<R> type, Consumer<List<R>> callback) {
    return database.subscribeInline(name, type, callback);
  }

  /**
   * Columnar, allocation-free delivery: {@code callback} receives each step's rows for {@code name} as a
   * {@link ResultBatch} view on the compute thread (same rules as {@link #subscribeInline}: quick, never
   * blocking; exceptions go to the error listener). The view is reused and valid only during the call.
   * Close the returned handle to stop.
   */
  public AutoCloseable subscribeBatches(String name, Consumer<ResultBatch> callback) {
    return database.subscribeBatches(name, callback);
  }

  /** Reactive style: a publisher of each step's rows, honouring subscriber demand. */
  public <R> Flow.Publisher<List<R>> publisher(String name, Class<R> type) {
    return database.publisher(name, type);
  }

  /** Waits until every step submitted before this call is processed and its output is buffered. */
  public void awaitIdle() {
    database.awaitIdle(Duration.ofMinutes(5));
  }

  public void awaitIdle(Duration timeout) {
    database.awaitIdle(timeout);
  }

  /** Graceful: processes what is queued, then stops. Subscriptions keep the rows already delivered. */
  public void shutdown() {
    database.shutdown();
  }

  /** Abrupt: queued steps are discarded (simulates a crash). */
  public void shutdownNow() {
    database.shutdownNow();
  }

  @Override
  public void close() {
    database.shutdown();
  }

  /**
   * Takes a checkpoint now and waits until it is durable: operator state, source positions, watermarks and
   * sink epochs as of a point between two steps. Needs {@code storageDir} and {@link #start()}.
   */
  public CheckpointResult checkpoint() {
    return database.checkpoint();
  }

  /** What opening the storage directory restored ({@link RecoveredCheckpoint#NONE} without storage). */
  public RecoveredCheckpoint recoveredCheckpoint() {
    return database.recoveredCheckpoint();
  }

  public PipelineMetrics metrics() {
    return database.metrics();
  }

  public PipelineState pipelineState() {
    return database.state();
  }

  public PipelineTopology pipelineTopology() {
    return database.topology();
  }

  public List<ObjectInfo> sources() {
    return database.objects("SOURCE");
  }

  public List<ObjectInfo> streams() {
    return database.objects("STREAM");
  }

  public List<ObjectInfo> materializedViews() {
    return database.objects("MATERIALIZED VIEW");
  }

  public List<ObjectInfo> sinks() {
    return database.objects("SINK");
  }

  public List<ObjectInfo> tables() {
    return database.objects("TABLE");
  }

  /** Configures and opens a database. */
  public static final class Builder {
    private Path storageDir;
    private CheckpointStorage checkpointStorage;
    private int bufferSize = 65_536;
    private Backpressure backpressure = Backpressure.BLOCK;
    private final Map<String, String> configVars = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private boolean deterministic;
    private BiConsumer<String, LaminarException> errorListener;
    private int subscriptionBufferRows = 1 << 20;
    private long computeSpinNanos = DEFAULT_COMPUTE_SPIN.toNanos();
    private io.laminardb.internal.durability.DurabilitySettings durability =
        io.laminardb.internal.durability.DurabilitySettings.DEFAULT;

    private Builder() {}

    /** Where the catalog and durable state live; in-memory when unset. */
    public Builder storageDir(Path dir) {
      this.storageDir = dir;
      return this;
    }

    /** Rows each source may hold before back-pressure applies (default 65,536). */
    public Builder bufferSize(int rows) {
      if (rows <= 0) {
        throw new LaminarException(ErrorCode.INVALID_CONFIG, "bufferSize must be positive, got " + rows);
      }
      this.bufferSize = rows;
      return this;
    }

    public Builder backpressure(Backpressure policy) {
      this.backpressure = policy;
      return this;
    }

    /** Defines {@code ${name}} for substitution in SQL text. */
    public Builder configVar(String name, String value) {
      configVars.put(name, value);
      return this;
    }

    /** Processing-time clock (EMIT EVERY, proctime(), now()); tests inject a manual clock. */
    public Builder clock(Clock processingClock) {
      this.clock = processingClock;
      return this;
    }

    /** One step per push and per watermark call, never coalesced (tests and replays). */
    public Builder deterministic(boolean isDeterministic) {
      this.deterministic = isDeterministic;
      return this;
    }

    /** Told about runtime query errors ({@code LDB-7001}); the query skips that step's input. */
    public Builder errorListener(BiConsumer<String, LaminarException> listener) {
      this.errorListener = listener;
      return this;
    }

    /** Rows each subscription buffers before dropping the oldest (default 1,048,576). */
    public Builder subscriptionBuffer(int rows) {
      if (rows <= 0) {
        throw new LaminarException(ErrorCode.INVALID_CONFIG,
            "subscriptionBuffer must be positive, got " + rows);
      }
      this.subscriptionBufferRows = rows;
      return this;
    }

    /**
     * How long the compute thread keeps polling for the next step before it parks (default 50 µs). Spinning
     * saves the wake-up of a parked thread (tens of microseconds) when events arrive close together, at the
     * price of up to that much CPU per idle period; {@code Duration.ZERO} parks at once.
     */
    public Builder computeSpin(Duration spin) {
      if (spin.isNegative()) {
        throw new LaminarException(ErrorCode.INVALID_CONFIG, "computeSpin must not be negative, got " + spin);
      }
      this.computeSpinNanos = spin.toNanos();
      return this;
    }

    /**
     * With {@code storageDir}: {@code GROUP} (default) or {@code EVERY_PUSH} log every push and acknowledge
     * it once on disk; {@code NONE} relies on checkpoints alone.
     */
    public Builder durability(Durability mode) {
      durability = new io.laminardb.internal.durability.DurabilitySettings(mode,
          durability.checkpointIntervalMillis(), durability.retainedCheckpoints(), durability.walSegmentBytes(),
          durability.files());
      return this;
    }

    /** Periodic checkpoints, measured on the builder's clock; without it only on demand and at shutdown. */
    public Builder checkpointInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new LaminarException(ErrorCode.INVALID_CONFIG, "checkpointInterval must be positive");
      }
      durability = new io.laminardb.internal.durability.DurabilitySettings(durability.durability(),
          interval.toMillis(), durability.retainedCheckpoints(), durability.walSegmentBytes(), durability.files());
      return this;
    }

    /** How many complete checkpoints to keep (default 3). */
    public Builder checkpointRetention(int count) {
      if (count < 1) {
        throw new LaminarException(ErrorCode.INVALID_CONFIG, "checkpointRetention must be at least 1");
      }
      durability = new io.laminardb.internal.durability.DurabilitySettings(durability.durability(),
          durability.checkpointIntervalMillis(), count, durability.walSegmentBytes(), durability.files());
      return this;
    }

    /** Size at which the write-ahead log starts a new segment file (default 64 MiB). */
    public Builder walSegmentBytes(long bytes) {
      if (bytes < 1024) {
        throw new LaminarException(ErrorCode.INVALID_CONFIG, "walSegmentBytes must be at least 1024");
      }
      durability = new io.laminardb.internal.durability.DurabilitySettings(durability.durability(),
          durability.checkpointIntervalMillis(), durability.retainedCheckpoints(), bytes, durability.files());
      return this;
    }

    /**
     * Writes checkpoints to {@code location} (for example {@code s3://bucket/prefix}) instead of
     * {@code <storageDir>/checkpoints}; the catalog and the write-ahead log stay in {@code storageDir}. The
     * store for the scheme must be on the classpath ({@code laminar-storage-s3} for {@code s3}).
     */
    public Builder checkpointStorage(URI location, Map<String, String> options) {
      this.checkpointStorage = new CheckpointStorage(location, options);
      return this;
    }

    /** Tests only: the file operations of the storage directory (fault injection). */
    Builder storageFiles(io.laminardb.core.storage.StorageFiles files) {
      durability = durability.withFiles(files);
      return this;
    }

    public LaminarDB build() {
      if (checkpointStorage != null && storageDir == null) {
        throw new LaminarException(ErrorCode.INVALID_CONFIG, "checkpointStorage(" + checkpointStorage.location()
            + ") needs storageDir(...): the catalog and the write-ahead log live there");
      }
      return new LaminarDB(new Database(new Database.Settings(storageDir, bufferSize, backpressure,
          Map.copyOf(configVars), clock, deterministic, errorListener, subscriptionBufferRows,
          computeSpinNanos, checkpointStorage == null ? durability
              : durability.withCheckpointStorage(checkpointStorage))));
    }
  }
}
