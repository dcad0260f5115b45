package io.laminardb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The six-stream fraud-detection pipeline ({@link FraudPipeline}) in one database: sustained trades/s (median
 * of K runs after W warm-up runs, each on a fresh database), heap allocation per trade, and the row count of
 * each stream; every run's six outputs are checked (count and checksum) against {@link FraudReference}.
 *
 * <pre>FraudPipelineBench [--trades N] [--runs K] [--warmup W] [--seed S] [--streams a,b] [--out PATH]</pre>
 * {@code --streams} defines only the named streams (e.g. {@code asof_match}), to see what each one costs; the
 * default is all six. Exits 1 when any output is wrong.
 */
public final class FraudPipelineBench {
  private FraudPipelineBench() {}

  public static void main(String[] args) throws IOException {
    int trades = 1_000_000;
    int runs = 5;
    int warmup = 2;
    long seed = 42;
    Path out = Path.of("bench-results", "fraud.json");
    Set<FraudPipeline> streams = EnumSet.allOf(FraudPipeline.class);
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      switch (args[i]) {
        case "--trades" -> trades = Integer.parseInt(args[i + 1].replace("_", ""));
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        case "--streams" -> {
          streams = EnumSet.noneOf(FraudPipeline.class);
          for (String name : args[i + 1].split(",")) {
            streams.add(FraudPipeline.valueOf(name.trim().toUpperCase(Locale.ROOT)));
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "generating %,d trades (seed %d)...%n", trades, seed);
    List<List<Object[]>> batches = MarketDataGenerator.batches(seed, trades, 1024);
    Map<FraudPipeline, RowChecksum> expected = FraudReference.all(batches);
    expected.keySet().retainAll(streams);
    List<FraudPipelineRun.Result> measured = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    AllocationMeter meter = new AllocationMeter();
    for (int r = 1 - warmup; r <= runs; r++) {
      System.gc();
      FraudPipelineRun.Result result = FraudPipelineRun.run(batches, meter, streams);
      String problem = verify(result, expected);
      if (problem != null) {
        problems.add("run " + r + ": " + problem);
      }
      System.out.printf(Locale.ROOT, "fraud %s %,12.0f trades/s %,12.0f events/s %8.1f B/trade %,d rows out  %s%n",
          r <= 0 ? "warm-up" : "run " + r + "  ", result.tradesPerSecond(),
          (result.trades() + result.orders()) / (result.elapsedNanos() / 1e9), result.bytesPerTrade(),
          result.outputRows(), problem == null ? "ok" : "WRONG: " + problem);
      if (r > 0) {
        measured.add(result);
      }
    }
    double tps = median(measured.stream().mapToDouble(FraudPipelineRun.Result::tradesPerSecond).toArray());
    double bpt = median(measured.stream().mapToDouble(FraudPipelineRun.Result::bytesPerTrade).toArray());
    FraudPipelineRun.Result last = measured.getLast();
    System.out.printf(Locale.ROOT, "%nfraud pipeline median %,.0f trades/s (%,d trades + %,d orders per run),"
        + " %.1f B/trade over %d runs%n", tps, last.trades(), last.orders(), bpt, measured.size());
    StringBuilder json = new StringBuilder();
    json.append(String.format(Locale.ROOT, "{\"streams\": \"%s\", \"trades\": %d, \"orders\": %d, \"runs\": %d,"
        + " \"median_trades_per_second\": %.0f, \"median_bytes_per_trade\": %.1f, \"correct\": %b, \"outputs\": {",
        streams.stream().map(FraudPipeline::streamName).collect(Collectors.joining(",")), last.trades(),
        last.orders(), measured.size(), tps, bpt, problems.isEmpty()));
    boolean isFirst = true;
    for (FraudPipeline stream : streams) {
      long rows = expected.get(stream).count();
      System.out.printf(Locale.ROOT, "  %-17s %,12d rows%n", stream.streamName(), rows);
      json.append(isFirst ? "" : ", ").append('"').append(stream.streamName()).append("\": ")
          .append(rows);
      isFirst = false;
    }
    json.append("}}\n");
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, json, StandardCharsets.UTF_8);
    System.out.println("results written to " + out);
    problems.forEach(p -> System.out.println("WRONG RESULT: " + p));
    if (!problems.isEmpty()) {
      System.exit(1);
    }
  }

  /** Null when all six outputs match the reference and nothing was dropped, else what differs. */
  static String verify(FraudPipelineRun.Result result, Map<FraudPipeline, RowChecksum> expected) {
    if (result.dropped() != 0) {
      return result.dropped() + " rows dropped by subscription buffers";
    }
    StringBuilder wrong = new StringBuilder();
    for (FraudPipeline stream : expected.keySet()) {
      RowChecksum got = result.outputs().get(stream);
      if (!got.matches(expected.get(stream))) {
        wrong.append(wrong.isEmpty() ? "" : "; ").append(stream.streamName()).append(" got ").append(got)
            .append(", expected ").append(expected.get(stream));
      }
    }
    return wrong.isEmpty() ? null : wrong.toString();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
