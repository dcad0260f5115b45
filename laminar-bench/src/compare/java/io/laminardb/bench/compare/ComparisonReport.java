package io.laminardb.bench.compare;

import io.laminardb.bench.BenchQuery;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The comparison's tables (throughput with ratios, allocation, latency) and its JSON. */
final class ComparisonReport {
  private static final String LAMINAR = "laminardb";
  private final CompareBench.Options options;
  private final List<Measurement> measurements;
  private final List<CompareBench.LatencyMeasurement> latencies;

  ComparisonReport(CompareBench.Options options, List<Measurement> measurements,
      List<CompareBench.LatencyMeasurement> latencies) {
    this.options = options;
    this.measurements = measurements;
    this.latencies = latencies;
  }

  private Measurement find(String engine, BenchQuery query) {
    for (Measurement m : measurements) {
      if (m.engine().equals(engine) && m.query() == query) {
        return m;
      }
    }
    return null;
  }

  private double rate(String engine, BenchQuery query) {
    Measurement m = find(engine, query);
    return m == null ? Double.NaN : m.medianEventsPerSecond();
  }

  /** The best of Esper and Siddhi where either ran correctly. */
  private double bestCep(BenchQuery query) {
    double esper = rate("esper", query);
    double siddhi = rate("siddhi", query);
    if (Double.isNaN(esper)) {
      return siddhi;
    }
    return Double.isNaN(siddhi) ? esper : Math.max(esper, siddhi);
  }

  private double ratio(BenchQuery query, double other) {
    return rate(LAMINAR, query) / other;
  }

  String tables() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "throughput, median events/s over %d runs after %d warm-up runs, %,d events"
        + " per run (n/a: not expressible, WRONG/FAILED: no figure)%n", options.runs(), options.warmupRuns(),
        options.rows()));
    sb.append(String.format(Locale.ROOT, "%-8s", "query"));
    for (String engine : options.engines()) {
      sb.append(String.format(Locale.ROOT, " %13s", engine));
    }
    sb.append(String.format(Locale.ROOT, " %10s %12s %9s%n", "L/flink1", "L/best-cep", "L/loop"));
    for (BenchQuery query : options.queries()) {
      sb.append(String.format(Locale.ROOT, "%-8s", query.label()));
      for (String engine : options.engines()) {
        sb.append(String.format(Locale.ROOT, " %13s", cell(find(engine, query), rate(engine, query))));
      }
      sb.append(String.format(Locale.ROOT, " %10s %12s %9s%n", times(ratio(query, rate("flink-p1", query))),
          times(ratio(query, bestCep(query))), times(ratio(query, rate("loop", query)))));
    }
    sb.append(String.format(Locale.ROOT, "%nallocation, median heap bytes per event (all threads)%n%-8s", "query"));
    for (String engine : options.engines()) {
      sb.append(String.format(Locale.ROOT, " %13s", engine));
    }
    sb.append('\n');
    for (BenchQuery query : options.queries()) {
      sb.append(String.format(Locale.ROOT, "%-8s", query.label()));
      for (String engine : options.engines()) {
        Measurement m = find(engine, query);
        double bytes = m == null ? Double.NaN : m.medianBytesPerEvent();
        sb.append(String.format(Locale.ROOT, " %13s", Double.isNaN(bytes) ? status(m)
            : String.format(Locale.ROOT, "%.1f", bytes)));
      }
      sb.append('\n');
    }
    if (!latencies.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%npush-to-output latency, one event at a time paced at %,.0f/s,"
          + " %,d events (first fifth unrecorded)%n", options.rate(), options.latencyRows()));
      sb.append(String.format(Locale.ROOT, "%-6s %-13s %12s %10s %10s %10s %10s%n", "query", "engine",
          "achieved/s", "p50 us", "p99 us", "p99.9 us", "max us"));
      for (CompareBench.LatencyMeasurement m : latencies) {
        if (m.problem() != null) {
          sb.append(String.format(Locale.ROOT, "%-6s %-13s %s%n", m.query().label(), m.engine(), m.problem()));
          continue;
        }
        LatencyResult r = m.result();
        sb.append(String.format(Locale.ROOT, "%-6s %-13s %,12.0f %10.2f %10.2f %10.2f %10.1f%n", m.query().label(),
            m.engine(), r.achievedRate(), r.micros(50), r.micros(99), r.micros(99.9),
            r.histogram().getMaxValue() / 1e3));
      }
    }
    List<String> notes = new ArrayList<>();
    for (Measurement m : measurements) {
      if (m.unsupported() != null) {
        notes.add(m.engine() + " " + m.query().label() + ": " + m.unsupported());
      }
    }
    if (!notes.isEmpty()) {
      sb.append("\nnot run:\n");
      notes.forEach(n -> sb.append("  ").append(n).append('\n'));
    }
    return sb.toString();
  }

  private static String status(Measurement m) {
    if (m == null) {
      return "-";
    }
    if (m.unsupported() != null) {
      return "n/a";
    }
    return m.problem() != null ? (m.problem().startsWith("failed") ? "FAILED" : "WRONG") : "-";
  }

  private static String cell(Measurement m, double rate) {
    return Double.isNaN(rate) ? status(m) : String.format(Locale.ROOT, "%,.0f", rate);
  }

  private static String times(double ratio) {
    return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
  }

  String json() {
    StringBuilder sb = new StringBuilder("{\n");
    Runtime rt = Runtime.getRuntime();
    String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
        .collect(Collectors.joining(", "));
    sb.append("  \"mode\": \"compare\",\n")
        .append("  \"timestamp\": ").append(quote(Instant.now().toString())).append(",\n")
        .append("  \"java\": ").append(quote(System.getProperty("java.vm.name") + " "
            + System.getProperty("java.runtime.version"))).append(",\n")
        .append("  \"os\": ").append(quote(System.getProperty("os.name") + " " + System.getProperty("os.version")
            + " " + System.getProperty("os.arch"))).append(",\n")
        .append("  \"cpus\": ").append(rt.availableProcessors()).append(",\n")
        .append("  \"max_heap_mb\": ").append(rt.maxMemory() / (1024 * 1024)).append(",\n")
        .append("  \"gc\": ").append(quote(gcs)).append(",\n")
        .append("  \"seed\": ").append(options.seed()).append(",\n")
        .append("  \"events_per_run\": ").append(options.rows()).append(",\n")
        .append("  \"runs\": ").append(options.runs()).append(",\n")
        .append("  \"warmup_runs\": ").append(options.warmupRuns()).append(",\n")
        .append("  \"throughput\": [\n");
    List<String> rows = new ArrayList<>();
    for (Measurement m : measurements) {
      StringBuilder row = new StringBuilder("    {\"engine\": ").append(quote(m.engine()))
          .append(", \"query\": ").append(quote(m.query().label()))
          .append(", \"correct\": ").append(m.isCorrect())
          .append(", \"median_events_per_sec\": ").append(number(m.medianEventsPerSecond()))
          .append(", \"runs_events_per_sec\": [")
          .append(m.runs().stream().map(r -> number(r.eventsPerSecond())).collect(Collectors.joining(", ")))
          .append("], \"median_alloc_bytes_per_event\": ").append(number(m.medianBytesPerEvent()));
      if (m.unsupported() != null) {
        row.append(", \"not_run\": ").append(quote(m.unsupported()));
      }
      if (m.problem() != null) {
        row.append(", \"problem\": ").append(quote(m.problem()));
      }
      rows.add(row.append('}').toString());
    }
    sb.append(String.join(",\n", rows)).append("\n  ],\n  \"ratios\": [\n");
    rows.clear();
    for (BenchQuery query : options.queries()) {
      rows.add("    {\"query\": " + quote(query.label())
          + ", \"laminardb_over_flink_p1\": " + number(ratio(query, rate("flink-p1", query)), 3)
          + ", \"laminardb_over_best_of_esper_siddhi\": " + number(ratio(query, bestCep(query)), 3)
          + ", \"laminardb_over_loop\": " + number(ratio(query, rate("loop", query)), 3) + "}");
    }
    sb.append(String.join(",\n", rows)).append("\n  ],\n  \"latency\": [\n");
    rows.clear();
    for (CompareBench.LatencyMeasurement m : latencies) {
      StringBuilder row = new StringBuilder("    {\"engine\": ").append(quote(m.engine()))
          .append(", \"query\": ").append(quote(m.query().label()))
          .append(", \"target_events_per_sec\": ").append(number(options.rate()));
      if (m.result() != null) {
        LatencyResult r = m.result();
        row.append(", \"achieved_events_per_sec\": ").append(number(r.achievedRate()))
            .append(", \"result_rows\": ").append(r.resultRows())
            .append(", \"p50_us\": ").append(number(r.micros(50), 3))
            .append(", \"p99_us\": ").append(number(r.micros(99), 3))
            .append(", \"p99_9_us\": ").append(number(r.micros(99.9), 3))
            .append(", \"max_us\": ").append(number(r.histogram().getMaxValue() / 1e3, 1));
      }
      if (m.problem() != null) {
        row.append(", \"problem\": ").append(quote(m.problem()));
      }
      rows.add(row.append('}').toString());
    }
    sb.append(String.join(",\n", rows)).append("\n  ]\n}\n");
    return sb.toString();
  }

  private static String number(double v) {
    return number(v, 1);
  }

  private static String number(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "null";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
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
}
