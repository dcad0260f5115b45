package io.laminardb.bench.compare;

import io.laminardb.bench.BenchQuery;
import io.laminardb.bench.Workload;
import io.laminardb.bench.compare.esper.EsperEngine;
import io.laminardb.bench.compare.flink.FlinkEngine;
import io.laminardb.bench.compare.loop.HandLoopEngine;
import io.laminardb.bench.compare.siddhi.SiddhiEngine;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Side-by-side comparison: every benchmark query on LaminarDB, Apache Flink (parallelism 1 and 2), Esper, Siddhi
 * and a hand-written Java loop, over the same generated events, each run's result checked against the plain-Java
 * reference; then push-to-output latency of Q0 and Q2 at a paced rate. Prints the tables with the ratios and
 * writes JSON. Built and run by {@code scripts/bench.sh compare} (Maven profile {@code compare}).
 *
 * <pre>
 * CompareBench [--engines a,b,..] [--query q0,..|all] [--rows N] [--runs K] [--warmup W] [--seed S]
 *              [--rate EVENTS_PER_SECOND] [--latency-rows N] [--no-latency] [--out PATH]
 * </pre>
 * Exits 1 when any engine produced a wrong result.
 */
public final class CompareBench {
  static final Map<String, Supplier<Engine>> ENGINES = new LinkedHashMap<>();

  static {
    ENGINES.put("laminardb", () -> new LaminarEngine(1024));
    ENGINES.put("laminardb-row", () -> new LaminarEngine(1));
    ENGINES.put("flink-p1", () -> new FlinkEngine(1));
    ENGINES.put("flink-p2", () -> new FlinkEngine(2));
    ENGINES.put("esper", EsperEngine::new);
    ENGINES.put("siddhi", SiddhiEngine::new);
    ENGINES.put("loop", HandLoopEngine::new);
  }

  /** The queries every engine is compared on (the LaminarDB-only ones, such as joins and OVER, are not). */
  static final List<BenchQuery> COMPARED = List.of(BenchQuery.Q0, BenchQuery.Q1, BenchQuery.Q2, BenchQuery.Q5,
      BenchQuery.Q7, BenchQuery.VWAP, BenchQuery.SESSION);

  /** Engines whose latency is measured (Flink at parallelism 1 only: one paced source task). */
  private static final List<String> LATENCY_ENGINES = List.of("laminardb", "flink-p1", "esper", "siddhi", "loop");

  record Options(List<String> engines, List<BenchQuery> queries, int rows, int runs, int warmupRuns, long seed,
      double rate, int latencyRows, boolean isLatency, Path out) {

    static Options parse(String[] args) {
      List<String> engines = new ArrayList<>(ENGINES.keySet());
      List<BenchQuery> queries = COMPARED;
      int rows = 1_000_000;
      int runs = 5;
      int warmupRuns = 2;
      long seed = 42;
      double rate = 100_000;
      int latencyRows = -1;
      boolean isLatency = true;
      Path out = Path.of("laminar-bench", "target", "compare", "compare.json");
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (name.equals("--no-latency")) {
          isLatency = false;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args[++i].replace("_", "");
        switch (name) {
          case "--engines" -> {
            engines = Arrays.stream(value.split(",")).map(String::trim).toList();
            for (String e : engines) {
              if (!ENGINES.containsKey(e)) {
                throw new IllegalArgumentException("unknown engine " + e + "; engines: " + ENGINES.keySet());
              }
            }
          }
          case "--query" -> queries = value.equalsIgnoreCase("all") ? COMPARED
              : Arrays.stream(value.split(",")).map(String::trim).map(BenchQuery::parse).toList();
          case "--rows" -> rows = Integer.parseInt(value);
          case "--runs" -> runs = Integer.parseInt(value);
          case "--warmup" -> warmupRuns = Integer.parseInt(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--rate" -> rate = Double.parseDouble(value);
          case "--latency-rows" -> latencyRows = Integer.parseInt(value);
          case "--out" -> out = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      if (rows <= 0 || runs <= 0 || warmupRuns < 0 || rate <= 0) {
        throw new IllegalArgumentException("--rows, --runs and --rate must be positive, --warmup non-negative");
      }
      if (latencyRows < 0) {
        latencyRows = (int) Math.min(Integer.MAX_VALUE, rate * 10);
      }
      return new Options(engines, queries, rows, runs, warmupRuns, seed, rate, latencyRows, isLatency, out);
    }
  }

  /** One engine's latency on one query, or why it is missing. */
  record LatencyMeasurement(String engine, BenchQuery query, LatencyResult result, String problem) {}

  private CompareBench() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    boolean isCorrect = run(options, System.out);
    // Flink and Siddhi leave non-daemon threads behind.
    System.exit(isCorrect ? 0 : 1);
  }

  static boolean run(Options options, PrintStream out) throws Exception {
    Map<Workload, CompareInput> inputs = new EnumMap<>(Workload.class);
    List<Measurement> measurements = new ArrayList<>();
    for (BenchQuery query : options.queries()) {
      CompareInput input = inputs.computeIfAbsent(query.workload(), w -> {
        out.printf(Locale.ROOT, "generating %,d %s (seed %d)...%n", options.rows(), w.sourceName(), options.seed());
        return new CompareInput(w, options.seed(), options.rows());
      });
      input.expected(query);
      for (String name : options.engines()) {
        measurements.add(measure(ENGINES.get(name).get(), query, input, options, out));
      }
    }
    List<LatencyMeasurement> latencies = new ArrayList<>();
    if (options.isLatency()) {
      CompareInput bids = new CompareInput(Workload.BIDS, options.seed(), options.latencyRows());
      for (BenchQuery query : List.of(BenchQuery.Q0, BenchQuery.Q2)) {
        for (String name : options.engines()) {
          if (LATENCY_ENGINES.contains(name)) {
            latencies.add(latency(ENGINES.get(name).get(), query, bids, options, out));
          }
        }
      }
    }
    ComparisonReport report = new ComparisonReport(options, measurements, latencies);
    out.println();
    out.print(report.tables());
    Path parent = options.out().toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(options.out(), report.json(), StandardCharsets.UTF_8);
    out.println("results written to " + options.out());
    boolean isCorrect = true;
    for (Measurement m : measurements) {
      if (m.problem() != null) {
        out.println("WRONG OR FAILED: " + m.engine() + " " + m.query().label() + ": " + m.problem());
        isCorrect = false;
      }
    }
    for (LatencyMeasurement m : latencies) {
      if (m.problem() != null) {
        out.println("LATENCY FAILED: " + m.engine() + " " + m.query().label() + ": " + m.problem());
        isCorrect = false;
      }
    }
    return isCorrect;
  }

  static Measurement measure(Engine engine, BenchQuery query, CompareInput input, Options options,
      PrintStream out) {
    String unsupported = engine.unsupported(query);
    if (unsupported != null) {
      out.printf(Locale.ROOT, "%-7s %-13s not run: %s%n", query.label(), engine.name(), unsupported);
      return new Measurement(engine.name(), query, List.of(), null, unsupported);
    }
    List<EngineRun> runs = new ArrayList<>();
    for (int run = 1 - options.warmupRuns(); run <= options.runs(); run++) {
      System.gc();
      EngineRun r;
      try {
        r = engine.run(query, input);
      } catch (Exception | LinkageError e) {
        out.printf(Locale.ROOT, "%-7s %-13s FAILED: %s%n", query.label(), engine.name(), e);
        e.printStackTrace(out);
        return new Measurement(engine.name(), query, runs, "failed: " + e, null);
      }
      String label = run <= 0 ? "warm-up" : "run " + run;
      if (!r.output().matches(input.expected(query))) {
        String problem = label + ": got " + r.output() + ", expected " + input.expected(query);
        out.printf(Locale.ROOT, "%-7s %-13s WRONG %s%n", query.label(), engine.name(), problem);
        return new Measurement(engine.name(), query, runs, problem, null);
      }
      out.printf(Locale.ROOT, "%-7s %-13s %-7s %,14.0f events/s %8.1f B/event  ok%n", query.label(), engine.name(),
          label, r.eventsPerSecond(), r.bytesPerEvent());
      if (run > 0) {
        runs.add(r);
      }
    }
    return new Measurement(engine.name(), query, runs, null, null);
  }

  static LatencyMeasurement latency(Engine engine, BenchQuery query, CompareInput bids, Options options,
      PrintStream out) {
    System.gc();
    try {
      LatencyResult r = engine.latency(query, bids, new PacedSchedule(options.rate(), bids.rows()));
      long expected = bids.expected(query).count();
      if (r.resultRows() != expected) {
        String problem = r.resultRows() + " result rows, expected " + expected;
        out.printf(Locale.ROOT, "latency %-4s %-13s WRONG %s%n", query.label(), engine.name(), problem);
        return new LatencyMeasurement(engine.name(), query, r, problem);
      }
      out.printf(Locale.ROOT, "latency %-4s %-13s achieved %,10.0f/s  p50 %8.2f us  p99 %8.2f us  p99.9 %8.2f us%n",
          query.label(), engine.name(), r.achievedRate(), r.micros(50), r.micros(99), r.micros(99.9));
      return new LatencyMeasurement(engine.name(), query, r, null);
    } catch (Exception | LinkageError e) {
      out.printf(Locale.ROOT, "latency %-4s %-13s FAILED: %s%n", query.label(), engine.name(), e);
      e.printStackTrace(out);
      return new LatencyMeasurement(engine.name(), query, null, "failed: " + e);
    }
  }
}
