package io.laminardb.internal.durability;

import io.laminardb.CheckpointResult;
import io.laminardb.ExecuteResult;
import io.laminardb.RecoveredCheckpoint;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.checkpoint.CheckpointStore;
import io.laminardb.core.pipeline.Pipeline;
import io.laminardb.core.pipeline.QueryRuntime;
import io.laminardb.core.pipeline.SourceNode;
import io.laminardb.core.pipeline.StepLoop;
import io.laminardb.core.sink.TwoPhaseSink;
import io.laminardb.core.storage.StorageFiles;
import io.laminardb.core.wal.WalSync;
import io.laminardb.core.wal.WalWriter;
import io.laminardb.internal.catalog.Catalog;
import io.laminardb.internal.catalog.CatalogEntry;
import io.laminardb.internal.catalog.ObjectKind;
import io.laminardb.internal.connector.file.FileSink;
import io.laminardb.internal.connector.file.FileSinks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A database's storage directory: {@code catalog.json}, {@code checkpoints/}, {@code wal/} and the
 * {@code LOCK}. It stores DDL as it runs, logs pushes, coordinates checkpoints, owns the exactly-once sinks
 * and, on open, brings everything back ({@link Recovery}).
 */
public final class DurableStorage implements DurabilityHooks, AutoCloseable {
  private final Path dir;
  private final DurabilitySettings settings;
  private final StorageFiles files;
  private final Catalog catalog;
  private final Pipeline pipeline;
  private final StepLoop loop;
  private final Clock clock;
  private final CatalogStore catalogStore;
  private final CheckpointStore checkpoints;
  /** Exactly-once sinks in the pipeline; changed and read on the compute thread only. */
  private final Map<String, TwoPhaseSink> sinks = new LinkedHashMap<>();
  private final List<TwoPhaseSink> replayedSinks = new java.util.ArrayList<>();
  private final DirectoryLock lock;
  private volatile boolean replaying;
  private volatile String fault;
  private PushLog pushLog;
  private CheckpointCoordinator coordinator;
  private RecoveredCheckpoint recovered = RecoveredCheckpoint.NONE;
  private final CheckpointHistory history;

  private DurableStorage(Path dir, DurabilitySettings settings, Catalog catalog, Pipeline pipeline,
      StepLoop loop, Clock clock) {
    this.dir = dir;
    this.settings = settings;
    this.files = settings.files();
    this.catalog = catalog;
    this.pipeline = pipeline;
    this.loop = loop;
    this.clock = clock;
    try {
      files.createDirectories(dir);
    } catch (IOException e) {
      throw new LaminarException(ErrorCode.RECOVERY_FAILED, "cannot create storage directory " + dir + ": " + e, e);
    }
    this.lock = DirectoryLock.acquire(dir);
    this.catalogStore = new CatalogStore(dir.resolve("catalog.json"), files);
    try {
      this.checkpoints = CheckpointStores.open(dir, settings);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    this.history = new CheckpointHistory(settings.checkpointStorage() == null
        ? dir.resolve("checkpoints").toString() : settings.checkpointStorage().location().toString());
  }

  /**
   * Opens {@code dir}: replays the stored DDL through {@code execute}, then queues the restore of the newest
   * valid checkpoint and the replay of the log after it, so both run first once the pipeline starts.
   */
  public static DurableStorage open(Path dir, DurabilitySettings settings, Catalog catalog, Pipeline pipeline,
      StepLoop loop, Clock clock, Consumer<DurabilityHooks> install, java.util.function.Function<String,
      ExecuteResult> execute) {
    DurableStorage storage = new DurableStorage(dir, settings, catalog, pipeline, loop, clock);
    install.accept(storage);
    try {
      new Recovery(storage).run(execute);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
    // Periodic checkpoints begin only after the restore and the log replay have run (they are queued
    // before this), so no checkpoint can capture the pipeline before it is whole again.
    CheckpointCoordinator coordinator = storage.coordinator;
    loop.runControl(() -> pipeline.setStepEndHook(coordinator::onStepEnd));
    return storage;
  }

  // ---- used by Recovery ----

  Path dir() {
    return dir;
  }

  DurabilitySettings settings() {
    return settings;
  }

  StorageFiles files() {
    return files;
  }

  Catalog catalog() {
    return catalog;
  }

  StepLoop loop() {
    return loop;
  }

  Clock clock() {
    return clock;
  }

  CatalogStore catalogStore() {
    return catalogStore;
  }

  CheckpointStore checkpoints() {
    return checkpoints;
  }

  CheckpointHistory history() {
    return history;
  }

  Map<String, TwoPhaseSink> sinks() {
    return sinks;
  }

  void setReplaying(boolean isReplaying) {
    this.replaying = isReplaying;
  }

  StateCapture capture() {
    return new StateCapture(catalog, pipeline, catalogStore::idOf, sinks);
  }

  /** Starts logging and checkpointing once recovery knows where the log and the ids stand. */
  void begin(WalWriter wal, long coveredLsn, long nextCheckpointId, Map<Long, Long> existing) {
    if (wal != null) {
      this.pushLog = new PushLog(wal, this::sourceId, coveredLsn, () -> fault, this::markFaulted);
    }
    this.coordinator = new CheckpointCoordinator(checkpoints, capture(), loop, clock, settings, pushLog,
        nextCheckpointId, existing, history);
  }

  void setRecovered(RecoveredCheckpoint result) {
    this.recovered = result;
  }

  PushLog log() {
    return pushLog;
  }

  long sourceId(SourceNode node) {
    return catalogStore.idOf(node.name());
  }

  static WalSync walSync(io.laminardb.Durability d) {
    return d == io.laminardb.Durability.EVERY_PUSH ? WalSync.EVERY_APPEND : WalSync.GROUP;
  }

  // ---- public surface for Database ----

  public CheckpointResult checkpoint() {
    checkHealthy();
    return coordinator.checkpoint();
  }

  /** Checkpoint counters since open, for {@code db.metrics()}. */
  public io.laminardb.PipelineMetrics.CheckpointMetrics checkpointMetrics() {
    return history.metrics();
  }

  public RecoveredCheckpoint recovered() {
    return recovered;
  }

  /** Why the pipeline cannot continue safely, or null. */
  public String fault() {
    return fault;
  }

  /** Graceful shutdown: a final checkpoint while the compute thread still runs (spec 14.2). */
  public void beforeShutdown() {
    if (fault == null && loop.isStarted() && !loop.isStopped()) {
      try {
        coordinator.checkpoint();
      } catch (LaminarException e) {
        System.getLogger(DurableStorage.class.getName()).log(System.Logger.Level.WARNING,
            "final checkpoint failed: " + e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    if (coordinator != null) {
      coordinator.close();
    }
    if (pushLog != null) {
      try {
        pushLog.wal().close();
      } catch (IOException | LaminarException ignored) {
        // A failed log has already reported its error to every push.
      }
    }
    try {
      checkpoints.close();
    } catch (IOException | RuntimeException e) {
      System.getLogger(DurableStorage.class.getName()).log(System.Logger.Level.WARNING,
          "closing the checkpoint store failed: " + e.getMessage());
    }
    lock.close();
  }

  private void checkHealthy() {
    if (fault != null) {
      throw new LaminarException(ErrorCode.PIPELINE_FAULTED, "the pipeline is faulted: " + fault);
    }
  }

  void markFaulted(String why) {
    if (fault == null) {
      fault = why;
    }
  }

  // ---- DurabilityHooks ----

  @Override
  public ExecuteResult beforeCreate(CatalogEntry existing, String statementType, String sql, boolean orReplace,
      boolean ifNotExists) {
    if (normalize(existing.sql()).equals(normalize(sql))) {
      return new ExecuteResult.Ddl(statementType, existing.name());
    }
    if (!orReplace && !ifNotExists) {
      throw new LaminarException(ErrorCode.CATALOG_CONFLICT, "'" + existing.name() + "' already exists in the"
          + " stored catalog with a different definition: " + existing.sql().strip()
          + " (use CREATE OR REPLACE to change it, or DROP it first)");
    }
    return null;
  }

  /** Text equality up to whitespace, a trailing semicolon and the OR REPLACE / IF NOT EXISTS modifiers. */
  static String normalize(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    s = s.replaceAll("\\s+", " ");
    s = s.replaceAll("(?i)^CREATE OR REPLACE ", "CREATE ");
    s = s.replaceAll("(?i) IF NOT EXISTS ", " ");
    return s;
  }

  @Override
  public void created(CatalogEntry entry) {
    if (replaying || entry.sql().startsWith("-- ")) {
      return;
    }
    List<Object[]> rows = entry.kind() == ObjectKind.TABLE ? entry.store().snapshot() : null;
    persist(() -> catalogStore.add(entry.kind().sql(), entry.name(), entry.sql(), rows, 0));
  }

  @Override
  public void dropped(CatalogEntry entry) {
    if (entry.kind() == ObjectKind.SINK) {
      loop.runControl(() -> sinks.remove(entry.name()));
    }
    if (!replaying) {
      persist(() -> {
        catalogStore.remove(entry.name());
        return 0;
      });
    }
  }

  @Override
  public void tableRowsChanged(CatalogEntry entry) {
    if (!replaying) {
      persist(() -> {
        catalogStore.updateRows(entry.name(), entry.store().snapshot());
        return 0;
      });
    }
  }

  private interface IoAction {
    long run() throws IOException;
  }

  private void persist(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      throw new LaminarException(ErrorCode.CHECKPOINT_FAILED, "the catalog in " + dir
          + " could not be stored (the statement took effect in memory only): " + e, e);
    }
  }

  @Override
  public PushLog pushLog(SourceNode node) {
    return pushLog;
  }

  @Override
  public ExecuteResult checkpointStatement() {
    CheckpointResult r = checkpoint();
    return new ExecuteResult.Ddl("CHECKPOINT", String.valueOf(r.checkpointId()));
  }

  @Override
  public ExecuteResult checkpointStatus() {
    return history.rows();
  }

  @Override
  public void checkSinkConnector(String sink, String connector, Map<String, String> options) {
    FileSinks.check(sink, connector, options, dir);
  }

  @Override
  public void attachSink(String sink, String connector, Map<String, String> options, QueryRuntime query) {
    FileSink fileSink = FileSinks.create(sink, options, query, dir, files);
    if (replaying) {
      replayedSinks.add(fileSink);
    }
    // Joins the pipeline between two steps, writing into the epoch the next checkpoint seals.
    loop.runControl(() -> {
      fileSink.beginEpoch(coordinator.currentEpoch());
      sinks.put(sink, fileSink);
      query.output().addListener(fileSink);
    });
  }

  /** Sinks re-created by the DDL replay: Recovery settles their epochs (presumed abort). */
  List<TwoPhaseSink> replayedSinks() {
    return replayedSinks;
  }
}
