package io.laminardb.internal.durability;

import io.laminardb.CheckpointResult;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.checkpoint.CheckpointBarrier;
import io.laminardb.core.checkpoint.CheckpointManifest;
import io.laminardb.core.checkpoint.CheckpointStore;
import io.laminardb.core.checkpoint.ManifestCodec;
import io.laminardb.core.pipeline.StepLoop;
import io.laminardb.core.sink.TwoPhaseSink;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs checkpoints: the barrier step serialises all state on the compute thread into byte arrays (the only
 * pause processing sees), and a writer thread makes them durable, then commits sink epochs, prunes old
 * checkpoints and truncates the log. One checkpoint is in flight at a time; writes are ordered.
 */
final class CheckpointCoordinator {
  private static final System.Logger LOG = System.getLogger(CheckpointCoordinator.class.getName());

  private final CheckpointStore store;
  private final StateCapture capture;
  private final StepLoop loop;
  private final Clock clock;
  private final int retained;
  private final long intervalMillis;
  private final PushLog log;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "laminar-checkpoint-writer");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean inFlight = new AtomicBoolean();
  /** Complete checkpoints on disk and the log position each covers; writer thread after start-up. */
  private final TreeMap<Long, Long> walLsnById = new TreeMap<>();
  private long nextId;
  private long lastBarrierMillis;
  private volatile int failures;
  private volatile String lastFailure;
  private final CheckpointHistory history;

  CheckpointCoordinator(CheckpointStore store, StateCapture capture, StepLoop loop, Clock clock,
      DurabilitySettings settings, PushLog log, long nextId, Map<Long, Long> existing,
      CheckpointHistory history) {
    this.store = store;
    this.history = history;
    this.capture = capture;
    this.loop = loop;
    this.clock = clock;
    this.retained = settings.retainedCheckpoints();
    this.intervalMillis = settings.checkpointIntervalMillis();
    this.log = log;
    this.nextId = nextId;
    this.walLsnById.putAll(existing);
    this.lastBarrierMillis = clock.millis();
  }

  /** The epoch sinks write into until the next checkpoint. */
  long currentEpoch() {
    return nextId;
  }

  /** On demand: waits for the barrier and for the files to be durable. */
  CheckpointResult checkpoint() {
    if (!loop.isStarted()) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION, "checkpoint() needs start(): no step has run");
    }
    while (!inFlight.compareAndSet(false, true)) {
      // A periodic checkpoint is being written; they take milliseconds.
      java.util.concurrent.locks.LockSupport.parkNanos(200_000);
    }
    CompletableFuture<CheckpointResult> done = new CompletableFuture<>();
    try {
      loop.runControl(() -> barrier(done));
    } catch (RuntimeException e) {
      inFlight.set(false);
      throw e;
    }
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaminarException(ErrorCode.CHECKPOINT_FAILED, "interrupted while waiting for a checkpoint", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LaminarException le) {
        throw le;
      }
      throw new LaminarException(ErrorCode.CHECKPOINT_FAILED, "checkpoint failed: " + cause, cause);
    }
  }

  /** Step-end hook (compute thread): a periodic checkpoint when the interval has passed on the clock. */
  void onStepEnd() {
    if (intervalMillis <= 0 || clock.millis() - lastBarrierMillis < intervalMillis) {
      return;
    }
    if (!inFlight.compareAndSet(false, true)) {
      return;
    }
    CompletableFuture<CheckpointResult> done = new CompletableFuture<>();
    done.whenComplete((r, e) -> {
      if (e != null) {
        LOG.log(System.Logger.Level.WARNING, "periodic checkpoint failed: " + e.getMessage());
      }
    });
    barrier(done);
  }

  /** The barrier: runs between two steps on the compute thread. */
  private void barrier(CompletableFuture<CheckpointResult> done) {
    long id;
    StateCapture.Snapshot snapshot;
    try {
      id = nextId++;
      lastBarrierMillis = clock.millis();
      CheckpointBarrier b = new CheckpointBarrier(id, id, lastBarrierMillis);
      snapshot = capture.take(b, log == null ? 0 : log.coveredLsn());
    } catch (RuntimeException e) {
      inFlight.set(false);
      history.failed(nextId - 1, clock.millis(), 0, 0, 0, String.valueOf(e.getMessage()));
      done.completeExceptionally(e);
      return;
    }
    writer.execute(() -> {
      try {
        CheckpointResult result = write(snapshot);
        history.completed(result);
        done.complete(result);
      } catch (Throwable e) {
        Throwable reported = e instanceof LaminarException ? e
            : new LaminarException(ErrorCode.CHECKPOINT_FAILED, "checkpoint " + snapshot.manifest().checkpointId()
                + " could not be written (the previous checkpoints are intact): " + e, e);
        failures++;
        lastFailure = String.valueOf(reported.getMessage());
        long bytes = 0;
        for (byte[] f : snapshot.files().values()) {
          bytes += f.length;
        }
        history.failed(snapshot.manifest().checkpointId(), snapshot.manifest().timestampMs(), bytes,
            (System.nanoTime() - snapshot.startNanos()) / 1_000_000, snapshot.barrierNanos() / 1_000, lastFailure);
        done.completeExceptionally(reported);
      } finally {
        inFlight.set(false);
      }
    });
  }

  /** Writer thread: state files and manifest, then the sink commits, retention and log truncation. */
  private CheckpointResult write(StateCapture.Snapshot s) throws IOException {
    CheckpointManifest m = s.manifest();
    for (TwoPhaseSink.PreparedEpoch p : s.preparedSinks()) {
      p.prepare();
    }
    if (log != null && m.walLsn() > 0) {
      // Never let a checkpoint cover log records that are not durable yet.
      log.wal().awaitDurable(m.walLsn());
    }
    store.save(m, s.files());
    walLsnById.put(m.checkpointId(), m.walLsn());
    for (TwoPhaseSink sink : s.sinks()) {
      try {
        sink.commitEpoch(m.epoch());
      } catch (IOException e) {
        // The manifest already decided: recovery re-commits this epoch.
        throw new LaminarException(ErrorCode.SINK_COMMIT_FAILED, "sink '" + sink.name() + "' could not commit"
            + " epoch " + m.epoch() + " (it is committed again on recovery): " + e, e);
      }
    }
    prune();
    long bytes = 0;
    for (byte[] f : s.files().values()) {
      bytes += f.length;
    }
    Map<String, Long> positions = new java.util.LinkedHashMap<>();
    Map<String, Long> watermarks = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, CheckpointManifest.SourceCheckpoint> e : m.sources().entrySet()) {
      positions.put(e.getKey(), e.getValue().rows());
      watermarks.put(e.getKey(), e.getValue().watermark());
    }
    return new CheckpointResult(m.checkpointId(), m.epoch(), m.timestampMs(), Map.copyOf(positions),
        Map.copyOf(watermarks), bytes, s.barrierNanos() / 1_000, (System.nanoTime() - s.startNanos()) / 1_000_000);
  }

  /** Keeps the newest {@code retained} valid checkpoints (damaged ones recovery skipped do not count). */
  private void prune() throws IOException {
    while (walLsnById.size() > retained) {
      long oldest = walLsnById.firstKey();
      store.delete(oldest);
      walLsnById.remove(oldest);
    }
    if (log != null && !walLsnById.isEmpty()) {
      // Keep the log back to the oldest retained checkpoint: recovery may have to fall back to it.
      log.wal().truncateUpTo(walLsnById.firstEntry().getValue());
    }
  }

  int failures() {
    return failures;
  }

  String lastFailure() {
    return lastFailure;
  }

  /** Waits for a running checkpoint write, then stops the writer thread. */
  void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static long crc(byte[] bytes) {
    return ManifestCodec.crc(bytes);
  }
}
