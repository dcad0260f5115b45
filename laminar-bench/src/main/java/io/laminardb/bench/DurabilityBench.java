package io.laminardb.bench;

import io.laminardb.CheckpointResult;
import io.laminardb.Durability;
import io.laminardb.LaminarDB;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Durability costs, as medians: checkpoint duration and recovery time (open of the directory until the
 * restored pipeline is idle) for grouped-aggregate state of about 10 MB and 100 MB, and push latency and
 * throughput per durability setting (every push durable with GROUP and EVERY_PUSH).
 *
 * <p>Run: {@code java -Xmx4g --add-opens=java.base/java.nio=ALL-UNNAMED -cp laminar-bench/target/benchmarks.jar
 * io.laminardb.bench.DurabilityBench [work dir]}
 */
public final class DurabilityBench {
  private static final String DDL = """
      CREATE SOURCE t (k VARCHAR NOT NULL, v BIGINT NOT NULL);
      CREATE STREAM g AS SELECT k, COUNT(*) AS n, SUM(v) AS s, MIN(v) AS lo, MAX(v) AS hi FROM t GROUP BY k;
      """;

  private DurabilityBench() {}

  public static void main(String[] args) throws Exception {
    Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("laminar-durability-bench");
    for (int keys : new int[] {60_000, 600_000}) {
      checkpointAndRecovery(work.resolve("state-" + keys), keys);
    }
    for (Durability d : Durability.values()) {
      pushLatency(work.resolve("wal-" + d), d, 1, d == Durability.NONE ? 20_000 : 400);
    }
    pushLatency(work.resolve("wal-group-4"), Durability.GROUP, 4, 400);
    delete(work);
  }

  private static void checkpointAndRecovery(Path dir, int keys) throws Exception {
    long[] checkpointMillis = new long[5];
    long[] barrierMicros = new long[5];
    long bytes = 0;
    try (LaminarDB db = LaminarDB.builder().storageDir(dir).durability(Durability.NONE).build()) {
      db.execute(DDL);
      db.start();
      var source = db.sourceUntyped("t");
      List<Object[]> batch = new ArrayList<>(1024);
      for (int i = 0; i < keys; i++) {
        batch.add(new Object[] {"key-" + i, (long) i});
        if (batch.size() == 1024) {
          source.pushRows(batch);
          batch = new ArrayList<>(1024);
        }
      }
      source.pushRows(batch);
      db.awaitIdle();
      for (int i = 0; i < checkpointMillis.length; i++) {
        long start = System.nanoTime();
        CheckpointResult r = db.checkpoint();
        checkpointMillis[i] = (System.nanoTime() - start) / 1_000_000;
        bytes = r.stateBytes();
        barrierMicros[i] = r.barrierMicros();
      }
    }
    long[] recoveryMillis = new long[3];
    for (int i = 0; i < recoveryMillis.length; i++) {
      long start = System.nanoTime();
      try (LaminarDB db = LaminarDB.builder().storageDir(dir).durability(Durability.NONE).build()) {
        db.start();
        db.awaitIdle();
        recoveryMillis[i] = (System.nanoTime() - start) / 1_000_000;
        if (!db.recoveredCheckpoint().restored() || db.recoveredCheckpoint().sourcePosition("t") != keys) {
          throw new IllegalStateException("wrong recovery " + db.recoveredCheckpoint());
        }
        db.shutdownNow();
      }
    }
    System.out.printf("state %.1f MB (%d groups): checkpoint median %d ms (compute-thread pause %.1f ms),"
        + " recovery median %d ms%n", bytes / 1e6, keys, median(checkpointMillis), median(barrierMicros) / 1e3,
        median(recoveryMillis));
  }

  private static void pushLatency(Path dir, Durability durability, int threads, int pushesPerThread)
      throws Exception {
    long[] latencies = new long[threads * pushesPerThread];
    long elapsed;
    try (LaminarDB db = LaminarDB.builder().storageDir(dir).durability(durability).build()) {
      db.execute(DDL);
      db.start();
      var source = db.sourceUntyped("t");
      for (int i = 0; i < 50; i++) {
        source.push("warm", (long) i);
      }
      List<Thread> workers = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        int base = t * pushesPerThread;
        Thread w = new Thread(() -> {
          for (int i = 0; i < pushesPerThread; i++) {
            long s = System.nanoTime();
            source.push("k" + (i % 100), (long) i);
            latencies[base + i] = System.nanoTime() - s;
          }
        });
        workers.add(w);
        w.start();
      }
      for (Thread w : workers) {
        w.join();
      }
      elapsed = System.nanoTime() - start;
      db.awaitIdle();
    }
    Arrays.sort(latencies);
    System.out.printf("durability %-10s %d pusher(s): %.0f pushes/s, latency median %.1f us, p99 %.1f us%n",
        durability, threads, latencies.length / (elapsed / 1e9), latencies[latencies.length / 2] / 1e3,
        latencies[(int) (latencies.length * 0.99)] / 1e3);
  }

  private static long median(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2];
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
