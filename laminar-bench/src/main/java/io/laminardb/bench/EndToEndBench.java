package io.laminardb.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * End-to-end harness: sustained throughput, allocation per event and (optionally) latency of the benchmark
 * queries ({@link BenchQuery}: stateless NEXMark-style queries and windowed aggregates) through the public API,
 * each result verified against a plain-Java reference (row count and checksum).
 *
 * <pre>
 * EndToEndBench [--query q0|q1|q2|vwap|q5|q7|session|lag|topn|q8|stateless|windowed|all] [--rows N] [--runs K]
 *               [--warmup W]
 *               [--batch 1024|1|1024,1] [--seed S] [--latency [--rate EVENTS_PER_SECOND]] [--out PATH]
 * </pre>
 *
 * <p>Throughput is the median over K measured runs, after W warm-up runs, each on a fresh database; windowed
 * runs end with a far-future watermark that closes every window, and are timed until its results are consumed.
 * Allocation is heap bytes allocated by all threads during the run divided by input events. Latency mode runs
 * the stateless queries only (the latency stamp is a passed-through column). Exits 1 when any result is wrong.
 */
public final class EndToEndBench {
  private static final String USAGE = """
      usage: EndToEndBench [--query q0|q1|q2|vwap|q5|q7|session|lag|topn|q8|stateless|windowed|all] [--rows N] [--runs K]
                           [--warmup W] [--batch 1024|1|1024,1] [--seed S]
                           [--latency [--rate EVENTS_PER_SECOND]] [--out PATH]
        --query    which queries, comma-separated (default all; latency mode: stateless ones only)
        --rows     input events per run (default 1,000,000; latency mode: 10 s at --rate)
        --runs     measured runs per query and batch size (default 5)
        --warmup   unmeasured warm-up runs before them (default 1)
        --batch    rows per push: 1024 (pushRows) or 1 (push per row); a comma list runs each (default 1024)
        --columnar read results with subscribeBatches (columnar view on the compute thread) instead of Rows
        --latency  paced per-row push at --rate (default 100,000/s); push-to-subscriber latency percentiles,
                   once with a callback on a delivery thread and once with subscribeInline
        --out      JSON results (default bench-results/e2e.json; latency: bench-results/e2e-latency.json)
      """;

  /** Parsed command line. */
  record Options(List<BenchQuery> queries, int rows, int runs, int warmupRuns, List<Integer> batchSizes,
      long seed, boolean isLatency, double rate, Path out) {

    static Options parse(String[] args) {
      List<BenchQuery> queries = null;
      int rows = -1;
      int runs = 5;
      int warmupRuns = 1;
      List<Integer> batches = List.of(1024);
      long seed = 42;
      boolean isLatency = false;
      double rate = 100_000;
      Path out = null;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
        String name = value == null ? arg : arg.substring(0, arg.indexOf('='));
        if (name.equals("--latency")) {
          isLatency = true;
          continue;
        }
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
          }
          value = args[++i];
        }
        switch (name) {
          case "--query" -> queries = parseQueries(value);
          case "--rows" -> rows = positive(name, value.replace("_", ""));
          case "--runs" -> runs = positive(name, value);
          case "--warmup" -> warmupRuns = Integer.parseInt(value);
          case "--batch" -> batches = Arrays.stream(value.split(",")).map(String::trim)
              .map(v -> positive(name, v)).toList();
          case "--seed" -> seed = Long.parseLong(value);
          case "--rate" -> rate = positive(name, value.replace("_", ""));
          case "--out" -> out = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      if (queries == null) {
        queries = isLatency ? BenchQuery.stateless() : List.of(BenchQuery.values());
      }
      if (isLatency && queries.stream().anyMatch(BenchQuery::isWindowed)) {
        throw new IllegalArgumentException("--latency runs stateless queries only (" + BenchQuery.stateless() + ")");
      }
      if (rows < 0) {
        rows = isLatency ? (int) Math.min(Integer.MAX_VALUE, rate * 10) : 1_000_000;
      }
      if (out == null) {
        out = Path.of("bench-results", isLatency ? "e2e-latency.json" : "e2e.json");
      }
      if (warmupRuns < 0) {
        throw new IllegalArgumentException("--warmup needs a non-negative integer");
      }
      return new Options(queries, rows, runs, warmupRuns, batches, seed, isLatency, rate, out);
    }

    private static List<BenchQuery> parseQueries(String value) {
      List<BenchQuery> queries = new ArrayList<>();
      for (String name : value.split(",")) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
          case "all" -> queries.addAll(List.of(BenchQuery.values()));
          case "stateless" -> queries.addAll(BenchQuery.stateless());
          case "windowed" -> queries.addAll(Arrays.stream(BenchQuery.values()).filter(BenchQuery::isWindowed)
              .toList());
          default -> queries.add(BenchQuery.parse(name.trim()));
        }
      }
      return queries.stream().distinct().toList();
    }

    private static int positive(String name, String value) {
      try {
        int v = Integer.parseInt(value);
        if (v > 0) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(name + " needs a positive integer, got '" + value + "'");
    }
  }

  /** The measured runs of one query at one batch size, and whether every run's result was right. */
  record Series(BenchQuery query, int batchSize, List<PipelineRun.Result> runs, RowChecksum expected,
      List<String> problems) {

    double medianEventsPerSecond() {
      return median(runs.stream().mapToDouble(PipelineRun.Result::eventsPerSecond).toArray());
    }

    double medianBytesPerEvent() {
      return median(runs.stream().mapToDouble(PipelineRun.Result::bytesPerEvent).toArray());
    }

    boolean isCorrect() {
      return problems.isEmpty();
    }
  }

  private EndToEndBench() {}

  public static void main(String[] args) throws IOException {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(USAGE);
      return;
    }
    // --columnar: results read through subscribeBatches on the compute thread (no result Rows).
    boolean columnar = List.of(args).contains("--columnar");
    String[] rest = java.util.Arrays.stream(args).filter(a -> !a.equals("--columnar")).toArray(String[]::new);
    Options options;
    try {
      options = Options.parse(rest);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    boolean isCorrect = options.isLatency() ? runLatency(options, System.out)
        : runThroughput(options, System.out, columnar);
    if (!isCorrect) {
      System.exit(1);
    }
  }

  static boolean runThroughput(Options options, PrintStream out) throws IOException {
    return runThroughput(options, out, false);
  }

  static boolean runThroughput(Options options, PrintStream out, boolean columnar) throws IOException {
    if (columnar) {
      out.println("results read with subscribeBatches (columnar, on the compute thread; no result Rows)");
    }
    Map<Workload, List<List<Object[]>>> inputs = new EnumMap<>(Workload.class);
    AllocationMeter meter = new AllocationMeter();
    List<Series> all = new ArrayList<>();
    for (BenchQuery query : options.queries()) {
      List<List<Object[]>> batches = inputs.computeIfAbsent(query.workload(), w -> {
        out.printf(Locale.ROOT, "generating %,d %s (seed %d)...%n", options.rows(),
            String.join(" and ", w.sourceNames()), options.seed());
        return w.batches(options.seed(), options.rows(), 1024);
      });
      RowChecksum expected = query.referenceChecksum(batches);
      for (int batchSize : options.batchSizes()) {
        Series series = measure(query, batchSize, batches, expected, options, meter, out, columnar);
        all.add(series);
      }
    }
    out.println();
    out.print(table(all));
    writeJson(options.out(), throughputJson(options, all));
    out.println("results written to " + options.out());
    List<String> problems = all.stream().flatMap(s -> s.problems().stream()).toList();
    problems.forEach(p -> out.println("WRONG RESULT: " + p));
    return problems.isEmpty();
  }

  static Series measure(BenchQuery query, int batchSize, List<List<Object[]>> batches, RowChecksum expected,
      Options options, AllocationMeter meter, PrintStream out) {
    return measure(query, batchSize, batches, expected, options, meter, out, false);
  }

  /** @param columnar results read with {@code subscribeBatches} instead of as rows (see PipelineRun) */
  static Series measure(BenchQuery query, int batchSize, List<List<Object[]>> batches, RowChecksum expected,
      Options options, AllocationMeter meter, PrintStream out, boolean columnar) {
    List<PipelineRun.Result> results = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int warmups = options.warmupRuns();
    for (int run = 1 - warmups; run <= options.runs(); run++) {
      System.gc();
      PipelineRun.Result r = PipelineRun.run(query, batches, batchSize, meter, columnar);
      String problem = verify(r, expected);
      if (problem != null) {
        problems.add(query.label() + " batch " + batchSize + (run <= 0 ? " warm-up" : " run " + run) + ": " + problem);
      }
      out.printf(Locale.ROOT, "%-7s batch %-4d %s %,14.0f events/s %8.1f B/event  %s%n", query.label(), batchSize,
          run <= 0 ? "warm-up" : "run " + run + "  ", r.eventsPerSecond(), r.bytesPerEvent(),
          problem == null ? "ok" : "WRONG: " + problem);
      if (run > 0) {
        results.add(r);
      }
    }
    return new Series(query, batchSize, results, expected, problems);
  }

  /** Null when the run's output matches the reference, else what differs. */
  static String verify(PipelineRun.Result r, RowChecksum expected) {
    List<String> expectedColumns = r.query().columns();
    if (!r.columns().equals(expectedColumns)) {
      return "columns " + r.columns() + ", expected " + expectedColumns;
    }
    if (r.dropped() > 0) {
      return r.dropped() + " rows dropped by the subscription";
    }
    if (!r.output().matches(expected)) {
      return "got " + r.output() + ", expected " + expected;
    }
    return null;
  }

  static boolean runLatency(Options options, PrintStream out) throws IOException {
    out.printf(Locale.ROOT, "latency: %,d bids per query pushed one by one at %,.0f/s%n", options.rows(),
        options.rate());
    List<List<Object[]>> batches = BidGenerator.batches(options.seed(), options.rows(), 1024);
    List<LatencyRun.Result> results = new ArrayList<>();
    out.printf(Locale.ROOT, "%-5s %-8s %12s %12s %10s %10s %10s %10s %10s%n", "query", "delivery", "target/s",
        "achieved/s", "p50 us", "p90 us", "p99 us", "p99.9 us", "max us");
    for (BenchQuery query : options.queries()) {
      for (LatencyRun.Delivery delivery : LatencyRun.Delivery.values()) {
        System.gc();
        LatencyRun.Result r = LatencyRun.run(query, delivery, batches, options.rate());
        results.add(r);
        out.printf(Locale.ROOT, "%-5s %-8s %,12.0f %,12.0f %10.1f %10.1f %10.1f %10.1f %10.1f%n", query.label(),
            delivery.name().toLowerCase(Locale.ROOT), r.targetRate(), r.achievedRate(), micros(r, 50),
            micros(r, 90), micros(r, 99), micros(r, 99.9), r.histogram().getMaxValue() / 1e3);
      }
    }
    writeJson(options.out(), latencyJson(options, results));
    out.println("results written to " + options.out());
    return true;
  }

  private static double micros(LatencyRun.Result r, double percentile) {
    return r.histogram().getValueAtPercentile(percentile) / 1e3;
  }

  static String table(List<Series> all) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-7s %6s %12s %16s %29s %12s %12s %-6s%n", "query", "batch", "events",
        "median events/s", "min .. max events/s", "alloc B/ev", "result rows", "check"));
    for (Series s : all) {
      double[] rates = s.runs().stream().mapToDouble(PipelineRun.Result::eventsPerSecond).sorted().toArray();
      sb.append(String.format(Locale.ROOT, "%-7s %6d %,12d %,16.0f %,14.0f .. %,11.0f %12.1f %,12d %-6s%n",
          s.query().label(), s.batchSize(), s.runs().isEmpty() ? 0 : s.runs().get(0).rowsIn(),
          s.medianEventsPerSecond(), rates.length == 0 ? 0 : rates[0], rates.length == 0 ? 0 : rates[rates.length - 1],
          s.medianBytesPerEvent(), s.expected().count(), s.isCorrect() ? "OK" : "WRONG"));
    }
    return sb.toString();
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static String throughputJson(Options options, List<Series> all) {
    StringBuilder sb = new StringBuilder("{\n");
    environmentJson(sb, options, "throughput");
    sb.append("  \"results\": [\n");
    for (int i = 0; i < all.size(); i++) {
      Series s = all.get(i);
      sb.append("    {\"query\": ").append(quote(s.query().label()))
          .append(", \"sql\": ").append(quote(s.query().sql(false)))
          .append(", \"batch\": ").append(s.batchSize())
          .append(", \"events\": ").append(options.rows())
          .append(", \"median_events_per_sec\": ").append(number(s.medianEventsPerSecond()))
          .append(", \"runs_events_per_sec\": [")
          .append(s.runs().stream().map(r -> number(r.eventsPerSecond())).collect(Collectors.joining(", ")))
          .append("], \"median_alloc_bytes_per_event\": ").append(number(s.medianBytesPerEvent()))
          .append(", \"result_rows\": ").append(s.expected().count())
          .append(", \"correct\": ").append(s.isCorrect())
          .append(i + 1 < all.size() ? "},\n" : "}\n");
    }
    sb.append("  ]\n}\n");
    return sb.toString();
  }

  private static String latencyJson(Options options, List<LatencyRun.Result> results) {
    StringBuilder sb = new StringBuilder("{\n");
    environmentJson(sb, options, "latency");
    sb.append("  \"results\": [\n");
    for (int i = 0; i < results.size(); i++) {
      LatencyRun.Result r = results.get(i);
      sb.append("    {\"query\": ").append(quote(r.query().label()))
          .append(", \"delivery\": ").append(quote(r.delivery().name().toLowerCase(Locale.ROOT)))
          .append(", \"events\": ").append(r.rowsIn())
          .append(", \"target_events_per_sec\": ").append(number(r.targetRate()))
          .append(", \"achieved_events_per_sec\": ").append(number(r.achievedRate()))
          .append(", \"result_rows\": ").append(r.resultRows())
          .append(", \"samples\": ").append(r.histogram().getTotalCount());
      for (double p : new double[] {50, 90, 99, 99.9}) {
        sb.append(", \"p").append(p == 99.9 ? "99_9" : String.valueOf((int) p)).append("_us\": ")
            .append(number(micros(r, p)));
      }
      sb.append(", \"max_us\": ").append(number(r.histogram().getMaxValue() / 1e3))
          .append(i + 1 < results.size() ? "},\n" : "}\n");
    }
    sb.append("  ]\n}\n");
    return sb.toString();
  }

  private static void environmentJson(StringBuilder sb, Options options, String mode) {
    Runtime rt = Runtime.getRuntime();
    String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
        .collect(Collectors.joining(", "));
    sb.append("  \"mode\": ").append(quote(mode)).append(",\n")
        .append("  \"timestamp\": ").append(quote(Instant.now().toString())).append(",\n")
        .append("  \"java\": ").append(quote(System.getProperty("java.vm.name") + " "
            + System.getProperty("java.runtime.version"))).append(",\n")
        .append("  \"os\": ").append(quote(System.getProperty("os.name") + " " + System.getProperty("os.version")
            + " " + System.getProperty("os.arch"))).append(",\n")
        .append("  \"cpus\": ").append(rt.availableProcessors()).append(",\n")
        .append("  \"max_heap_mb\": ").append(rt.maxMemory() / (1024 * 1024)).append(",\n")
        .append("  \"gc\": ").append(quote(gcs)).append(",\n")
        .append("  \"seed\": ").append(options.seed()).append(",\n")
        .append("  \"runs\": ").append(options.runs()).append(",\n")
        .append("  \"warmup_runs\": ").append(options.warmupRuns()).append(",\n");
    if (options.isLatency()) {
      sb.append("  \"rate\": ").append(number(options.rate())).append(",\n");
    }
  }

  private static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "null";
    }
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static void writeJson(Path out, String json) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, json, StandardCharsets.UTF_8);
  }
}
