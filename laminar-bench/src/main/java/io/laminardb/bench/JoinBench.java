package io.laminardb.bench;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * End-to-end join throughput and allocation through the public API, each run's output verified against a
 * plain-Java reference (row count and checksum):
 * <ul>
 *   <li>{@code interval}: orders x fills, {@code f.ts BETWEEN o.ts AND o.ts + 1 s}, one fill per order arriving
 *       up to 900 ms after it (input events = orders + fills);
 *   <li>{@code asof}: trades x quotes over 1,000 symbols, backward ({@code t.ts >= q.ts}), quotes of each
 *       time slice pushed before its trades (input events = trades + quotes);
 *   <li>{@code lookup}: events x a 100,000-row table by primary key, about 9% misses dropped by the INNER join
 *       (input events = stream rows; the table is loaded before timing).
 * </ul>
 * <pre>JoinBench [--query interval,asof,lookup] [--rows N] [--runs K] [--warmup W] [--out PATH]</pre>
 * Throughput is the median over K runs (after W warm-up runs), each on a fresh database, timed from the first
 * push until every result row is consumed; allocation is heap bytes allocated by all threads per input event.
 */
public final class JoinBench {
  static final int BATCH = 1024;
  static final int SYMBOLS = 1000;
  static final int TABLE_ROWS = 100_000;

  /** One push: rows for a source. */
  record Push(String source, List<Object[]> rows) {}

  /** A prepared workload: DDL, pushes in order, the query, its reference result. */
  record Case(String name, List<String> ddl, List<String> tableLoad, List<Push> pushes, String query, int width,
      RowChecksum expected, long events, long eventTimeSpanMillis) {

    double eventTimeMinutes() {
      return eventTimeSpanMillis / 60_000.0;
    }
  }

  /**
   * @param stateBytes the join's state ({@code stateBytes} of the stream's metrics) after a quarter, half,
   *     three quarters and all of the input: steady input must not make it grow
   */
  record Run(double eventsPerSecond, double bytesPerEvent, boolean isCorrect, String output, long[] stateBytes) {}

  private JoinBench() {}

  public static void main(String[] args) throws IOException {
    List<String> queries = List.of("interval", "asof", "lookup");
    // 1.25M events: the two-stream joins cover 10.4 minutes of event time (1 ms apart per stream).
    int rows = 1_250_000;
    int runs = 5;
    int warmup = 1;
    Path out = Path.of("bench-results", "joins.json");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--query" -> queries = Arrays.asList(args[i + 1].split(","));
        case "--rows" -> rows = Integer.parseInt(args[i + 1].replace("_", ""));
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    AllocationMeter meter = new AllocationMeter();
    StringBuilder json = new StringBuilder("[\n");
    boolean allCorrect = true;
    for (String q : queries) {
      Case c = switch (q) {
        case "interval" -> interval(rows);
        case "asof" -> asof(rows);
        case "lookup" -> lookup(rows);
        default -> throw new IllegalArgumentException("unknown query " + q);
      };
      List<Run> measured = new ArrayList<>();
      for (int r = 1 - warmup; r <= runs; r++) {
        System.gc();
        Run run = run(c, meter);
        allCorrect &= run.isCorrect();
        System.out.printf(Locale.ROOT, "%-8s %s %,14.0f events/s %8.1f B/event  %s%n", c.name(),
            r <= 0 ? "warm-up" : "run " + r + "  ", run.eventsPerSecond(), run.bytesPerEvent(),
            run.isCorrect() ? "ok" : "WRONG: got " + run.output() + ", expected " + c.expected());
        if (r > 0) {
          measured.add(run);
        }
      }
      double eps = median(measured.stream().mapToDouble(Run::eventsPerSecond).toArray());
      double bpe = median(measured.stream().mapToDouble(Run::bytesPerEvent).toArray());
      System.out.printf(Locale.ROOT, "%-8s median %,14.0f events/s %8.1f B/event over %d runs of %,d events%n",
          c.name(), eps, bpe, measured.size(), c.events());
      long[] state = measured.get(measured.size() - 1).stateBytes();
      System.out.printf(Locale.ROOT, "%-8s state bytes after 1/4, 1/2, 3/4, all of the input (%.1f min of event"
          + " time): %,d  %,d  %,d  %,d%n", c.name(), c.eventTimeMinutes(), state[0], state[1], state[2], state[3]);
      json.append(String.format(Locale.ROOT, "  {\"query\": \"%s\", \"events\": %d, \"runs\": %d,"
          + " \"median_events_per_second\": %.0f, \"median_bytes_per_event\": %.1f, \"correct\": %b,"
          + " \"event_time_minutes\": %.1f, \"state_bytes_by_quarter\": [%d, %d, %d, %d]}",
          c.name(), c.events(), measured.size(), eps, bpe, allCorrect, c.eventTimeMinutes(), state[0], state[1],
          state[2], state[3]));
      json.append(q.equals(queries.get(queries.size() - 1)) ? "\n" : ",\n");
    }
    json.append("]\n");
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, json, StandardCharsets.UTF_8);
    System.out.println("results written to " + out);
    if (!allCorrect) {
      System.exit(1);
    }
  }

  static Case interval(int rows) {
    int orders = rows / 2;
    SplittableRandom rnd = new SplittableRandom(7);
    List<Push> pushes = new ArrayList<>();
    RowChecksum expected = new RowChecksum();
    for (int start = 0; start < orders; start += BATCH) {
      List<Object[]> o = new ArrayList<>();
      List<Object[]> f = new ArrayList<>();
      for (int i = start; i < Math.min(orders, start + BATCH); i++) {
        long price = 100 + rnd.nextInt(900);
        long qty = 1 + rnd.nextInt(100);
        o.add(new Object[] {(long) i, "S" + (i % SYMBOLS), price, (long) i});
        f.add(new Object[] {(long) i, qty, (long) i + rnd.nextInt(900)});
        expected.addValues(new Object[] {(long) i, qty, price}, 3);
      }
      pushes.add(new Push("orders", o));
      pushes.add(new Push("fills", f));
    }
    return new Case("interval", List.of(
        "CREATE SOURCE orders (oid BIGINT NOT NULL, sym VARCHAR NOT NULL, price BIGINT NOT NULL,"
            + " ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - 1000)",
        "CREATE SOURCE fills (oid BIGINT NOT NULL, qty BIGINT NOT NULL, ts BIGINT NOT NULL,"
            + " WATERMARK FOR ts AS ts - 1000)"), List.of(), pushes,
        "SELECT o.oid AS oid, f.qty AS qty, o.price AS price FROM orders o JOIN fills f ON o.oid = f.oid"
            + " AND f.ts BETWEEN o.ts AND o.ts + 1000", 3, expected, 2L * orders, orders);
  }

  static Case asof(int rows) {
    int half = rows / 2;
    SplittableRandom rnd = new SplittableRandom(11);
    List<Push> pushes = new ArrayList<>();
    RowChecksum expected = new RowChecksum();
    List<TreeMap<Long, Long>> quotes = new ArrayList<>();
    for (int s = 0; s < SYMBOLS; s++) {
      quotes.add(new TreeMap<>());
    }
    String[] names = new String[SYMBOLS];
    for (int s = 0; s < SYMBOLS; s++) {
      names[s] = "S" + s;
    }
    for (int start = 0; start < half; start += BATCH) {
      List<Object[]> q = new ArrayList<>();
      List<Object[]> t = new ArrayList<>();
      for (int i = start; i < Math.min(half, start + BATCH); i++) {
        int s = rnd.nextInt(SYMBOLS);
        long bid = 1000 + rnd.nextInt(1000);
        q.add(new Object[] {names[s], (long) i, bid});
        quotes.get(s).put((long) i, bid);
      }
      for (int i = start; i < Math.min(half, start + BATCH); i++) {
        int s = rnd.nextInt(SYMBOLS);
        long qty = 1 + rnd.nextInt(100);
        t.add(new Object[] {names[s], (long) i, qty});
        var picked = quotes.get(s).floorEntry((long) i);
        expected.addValues(new Object[] {names[s], qty, picked == null ? null : picked.getValue()}, 3);
      }
      pushes.add(new Push("quotes", q));
      pushes.add(new Push("trades", t));
    }
    return new Case("asof", List.of(
        "CREATE SOURCE trades (sym VARCHAR NOT NULL, ts BIGINT NOT NULL, qty BIGINT NOT NULL,"
            + " WATERMARK FOR ts AS ts - 1000)",
        "CREATE SOURCE quotes (sym VARCHAR NOT NULL, ts BIGINT NOT NULL, bid BIGINT NOT NULL,"
            + " WATERMARK FOR ts AS ts - 1000)"), List.of(), pushes,
        "SELECT t.sym AS sym, t.qty AS qty, q.bid AS bid FROM trades t ASOF JOIN quotes q"
            + " MATCH_CONDITION(t.ts >= q.ts) ON t.sym = q.sym", 3, expected, 2L * half, half);
  }

  static Case lookup(int rows) {
    List<String> load = new ArrayList<>();
    for (int start = 0; start < TABLE_ROWS; start += 2000) {
      StringBuilder sb = new StringBuilder("INSERT INTO customers VALUES ");
      for (int id = start; id < start + 2000; id++) {
        sb.append(id == start ? "" : ", ").append('(').append(id).append(", 'c").append(id).append("', ")
            .append(id % 5 + 1).append(')');
      }
      load.add(sb.toString());
    }
    SplittableRandom rnd = new SplittableRandom(13);
    List<Push> pushes = new ArrayList<>();
    RowChecksum expected = new RowChecksum();
    for (int start = 0; start < rows; start += BATCH) {
      List<Object[]> e = new ArrayList<>();
      for (int i = start; i < Math.min(rows, start + BATCH); i++) {
        long cust = rnd.nextInt(TABLE_ROWS + TABLE_ROWS / 10);
        long amount = 1 + rnd.nextInt(1000);
        e.add(new Object[] {(long) i, cust, amount, (long) i});
        if (cust < TABLE_ROWS) {
          expected.addValues(new Object[] {(long) i, "c" + cust, amount * (cust % 5 + 1)}, 3);
        }
      }
      pushes.add(new Push("events", e));
    }
    return new Case("lookup", List.of(
        "CREATE SOURCE events (id BIGINT NOT NULL, cust BIGINT NOT NULL, amount BIGINT NOT NULL,"
            + " ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - 1000)",
        "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR, tier BIGINT)"), load, pushes,
        "SELECT e.id AS id, c.name AS name, e.amount * c.tier AS value FROM events e JOIN customers c"
            + " ON e.cust = c.id", 3, expected, rows, rows);
  }

  static Run run(Case c, AllocationMeter meter) {
    try (LaminarDB db = LaminarDB.builder().subscriptionBuffer(1 << 22).build()) {
      for (String ddl : c.ddl()) {
        db.execute(ddl);
      }
      db.execute("CREATE STREAM q AS " + c.query());
      Subscription<Row> subscription = db.subscribe("q");
      db.start();
      for (String insert : c.tableLoad()) {
        db.execute(insert);
      }
      db.awaitIdle(Duration.ofMinutes(5));
      ResultDrain drain = ResultDrain.of("join-bench-drain", subscription, c.width(), false);
      drain.start();
      var orders = db.sourceUntyped(c.pushes().get(0).source());
      long before = meter.allocatedBytes();
      long start = System.nanoTime();
      long[] state = new long[4];
      List<Push> pushes = c.pushes();
      for (int i = 0; i < pushes.size(); i++) {
        Push p = pushes.get(i);
        (p.source().equals(orders.name()) ? orders : db.sourceUntyped(p.source())).pushRows(p.rows());
        for (int quarter = 1; quarter <= 3; quarter++) {
          if (i + 1 == pushes.size() * quarter / 4) {
            db.awaitIdle(Duration.ofMinutes(10));
            state[quarter - 1] = db.metrics().streams().get("q").stateBytes();
          }
        }
      }
      db.awaitIdle(Duration.ofMinutes(10));
      state[3] = db.metrics().streams().get("q").stateBytes();
      drain.finish();
      long elapsed = System.nanoTime() - start;
      long allocated = before < 0 ? -1 : meter.allocatedBytes() - before;
      boolean isCorrect = drain.checksum(0).matches(c.expected()) && subscription.dropped() == 0;
      return new Run(c.events() / (elapsed / 1e9), allocated < 0 ? Double.NaN : (double) allocated / c.events(),
          isCorrect, drain.checksum(0).toString(), state);
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
