package io.laminardb.bench;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import java.util.List;

/**
 * Measures the time from {@code execute(CREATE STREAM ...)} to the first result row reaching a subscriber:
 * planning, expression compilation, wiring, one push and its delivery. The first database in a fresh JVM is
 * "cold" (class loading, Calcite and Janino warm-up); later ones are "warm".
 *
 * <p>Run: {@code java -cp laminar-bench/target/benchmarks.jar io.laminardb.bench.FirstResultLatency 20}
 */
public final class FirstResultLatency {
  private FirstResultLatency() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    long[] micros = new long[runs];
    for (int i = 0; i < runs; i++) {
      micros[i] = once(i);
      if (i == 0) {
        System.out.printf("cold: %.1f ms%n", micros[0] / 1000.0);
      }
    }
    long[] warm = java.util.Arrays.copyOfRange(micros, 1, runs);
    java.util.Arrays.sort(warm);
    System.out.printf("warm median over %d runs: %.2f ms (min %.2f, max %.2f)%n", warm.length,
        warm[warm.length / 2] / 1000.0, warm[0] / 1000.0, warm[warm.length - 1] / 1000.0);
  }

  private static long once(int i) throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE trades (symbol VARCHAR NOT NULL, price DOUBLE NOT NULL, volume BIGINT NOT NULL,"
          + " ts TIMESTAMP NOT NULL)");
      db.start();
      long start = System.nanoTime();
      db.execute("CREATE STREAM s" + i + " AS SELECT symbol, price * volume AS notional, upper(symbol) AS u"
          + " FROM trades WHERE price > 1.5 AND symbol LIKE 'A%'");
      Subscription<Row> sub = db.subscribe("s" + i);
      db.sourceUntyped("trades").push("AAPL", 2.0, 10L, 1_000L);
      List<Row> rows = sub.recv(java.time.Duration.ofSeconds(30));
      long elapsed = (System.nanoTime() - start) / 1_000;
      if (rows.size() != 1 || !"AAPL".equals(rows.get(0).get(0))) {
        throw new IllegalStateException("wrong result " + rows);
      }
      return elapsed;
    }
  }
}
