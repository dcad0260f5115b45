package io.laminardb.bench;

import io.laminardb.Durability;
import io.laminardb.LaminarDB;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Push-to-subscriber latency of Q2 (per-row push, paced, inline delivery) with and without periodic
 * checkpoints, while a per-bidder aggregate in the same database holds state for the checkpoints to capture:
 * what a checkpoint every second costs the events flowing meanwhile. Every run checks its result count.
 * <pre>CheckpointLatencyBench [--rows N] [--rate EVENTS_PER_SECOND] [work dir]</pre>
 */
public final class CheckpointLatencyBench {
  /** About 100,000 bidders' groups (the generator's bidder range), so a checkpoint serialises real state. */
  static final String STATEFUL = "CREATE STREAM per_bidder AS SELECT bidder, COUNT(*) AS n, SUM(price) AS total"
      + " FROM bids GROUP BY bidder";

  private CheckpointLatencyBench() {}

  public static void main(String[] args) throws IOException {
    int rows = 1_000_000;
    double rate = 100_000;
    Path work = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[++i].replace("_", ""));
        case "--rate" -> rate = Double.parseDouble(args[++i].replace("_", ""));
        default -> work = Path.of(args[i]);
      }
    }
    if (work == null) {
      work = Files.createTempDirectory("laminar-checkpoint-latency");
    }
    List<List<Object[]>> batches = BidGenerator.batches(42, rows, 1024);
    System.out.printf(Locale.ROOT, "Q2 latency, %,d bids pushed one by one at %,.0f/s, inline delivery, with %s%n",
        rows, rate, STATEFUL);
    System.out.printf(Locale.ROOT, "%-36s %10s %10s %10s %10s %10s%n", "mode", "p50 us", "p99 us", "p99.9 us",
        "max us", "rows");
    Path none = work.resolve("no-checkpoints");
    Path every = work.resolve("checkpoint-every-second");
    report("storageDir, no checkpoints", LatencyRun.run(BenchQuery.Q2, LatencyRun.Delivery.INLINE, batches, rate,
        () -> LaminarDB.builder().storageDir(none).durability(Durability.NONE).build(), List.of(STATEFUL)));
    report("storageDir, checkpoint every 1 s", LatencyRun.run(BenchQuery.Q2, LatencyRun.Delivery.INLINE, batches,
        rate, () -> LaminarDB.builder().storageDir(every).durability(Durability.NONE)
            .checkpointInterval(Duration.ofSeconds(1)).build(), List.of(STATEFUL)));
  }

  private static void report(String mode, LatencyRun.Result r) {
    System.out.printf(Locale.ROOT, "%-36s %10.1f %10.1f %10.1f %10.1f %,10d%n", mode,
        r.histogram().getValueAtPercentile(50) / 1e3, r.histogram().getValueAtPercentile(99) / 1e3,
        r.histogram().getValueAtPercentile(99.9) / 1e3, r.histogram().getMaxValue() / 1e3, r.resultRows());
  }
}
