package io.laminardb.over;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Top-N and LAG partitioned by a window start of a windowed aggregate: the partitions of a window the
 * watermark has closed can receive no more rows and are evicted, so over a long stream of windows the state
 * stays flat (without eviction it grows by every window: about 200 times the warm-up figure here), and the
 * results equal a plain-Java computation over the same data.
 */
class WindowedPartitionEvictionTest {
  static final int WINDOWS = 400;
  static final int SYMBOLS = 5;
  static final int TRADERS = 8;
  static final long SIZE = 1000;

  @Test
  void topNAndLagPerWindowKeepOnlyOpenWindows() {
    SplittableRandom rnd = new SplittableRandom(0x5EEDL);
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE trades (symbol VARCHAR NOT NULL, trader VARCHAR NOT NULL, qty BIGINT NOT NULL,"
          + " ts BIGINT NOT NULL, WATERMARK FOR ts AS ts)");
      String volume = "(SELECT TUMBLE_START(ts, INTERVAL '1' SECOND) AS ws, symbol, trader, SUM(qty) AS q"
          + " FROM trades GROUP BY symbol, trader, TUMBLE(ts, INTERVAL '1' SECOND)) v";
      db.execute("CREATE STREAM top3 AS SELECT * FROM (SELECT ws, symbol, trader, q, ROW_NUMBER() OVER"
          + " (PARTITION BY symbol, ws ORDER BY q DESC, trader) AS rn FROM " + volume + ") x WHERE rn <= 3");
      db.execute("CREATE STREAM prev AS SELECT ws, symbol, trader, q, LAG(q) OVER (PARTITION BY ws, symbol"
          + " ORDER BY ws) AS before FROM " + volume);
      Subscription<Row> top = db.subscribe("top3");
      Subscription<Row> prev = db.subscribe("prev");
      db.start();
      UntypedSourceHandle source = db.sourceUntyped("trades");
      // Oracle: per window, per symbol, per trader the summed quantity.
      Map<Long, Map<String, Map<String, Long>>> sums = new TreeMap<>();
      List<String> topRows = new ArrayList<>();
      long lagRows = 0;
      long topWarm = 0;
      long prevWarm = 0;
      for (int w = 0; w < WINDOWS; w++) {
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          String symbol = "s" + rnd.nextInt(SYMBOLS);
          String trader = "t" + rnd.nextInt(TRADERS);
          long qty = 1 + rnd.nextInt(100);
          long ts = w * SIZE + rnd.nextInt((int) SIZE);
          batch.add(new Object[] {symbol, trader, qty, ts});
          sums.computeIfAbsent(w * SIZE, k -> new TreeMap<>()).computeIfAbsent(symbol, k -> new HashMap<>())
              .merge(trader, qty, Long::sum);
        }
        source.pushRows(batch);
        // Closes window w - 1; window w stays open in the aggregate below.
        source.watermark(w * SIZE);
        db.awaitIdle();
        for (Row row : top.poll()) {
          topRows.add(millis(row.get(0)) + "|" + row.get(1) + "|" + row.get(2) + "|" + row.get(3) + "|" + row.get(4));
        }
        lagRows += prev.poll().size();
        long topBytes = db.metrics().streams().get("top3").stateBytes();
        long prevBytes = db.metrics().streams().get("prev").stateBytes();
        if (w <= 20) {
          topWarm = Math.max(topWarm, topBytes);
          prevWarm = Math.max(prevWarm, prevBytes);
        } else {
          // One open window's partitions at a time: the size varies with the rows of that window only
          // (without eviction it would be 20 times the warm-up figure by the end).
          assertThat(topBytes).as("top-N state after window %d", w).isLessThanOrEqualTo(topWarm * 3 / 2);
          assertThat(prevBytes).as("LAG state after window %d", w).isLessThanOrEqualTo(prevWarm * 3 / 2);
        }
      }
      assertThat(topWarm).isPositive();
      assertThat(prevWarm).isPositive();
      source.watermark(WINDOWS * SIZE);
      db.awaitIdle();
      for (Row row : top.poll()) {
        topRows.add(millis(row.get(0)) + "|" + row.get(1) + "|" + row.get(2) + "|" + row.get(3) + "|" + row.get(4));
      }
      lagRows += prev.poll().size();
      // Windows come out in order; inside a window the symbols' partitions in any order.
      assertThat(topRows).containsExactlyInAnyOrderElementsOf(oracleTop(sums));
      for (int i = 1; i < topRows.size(); i++) {
        assertThat(Long.parseLong(topRows.get(i).split("\\|")[0]))
            .isGreaterThanOrEqualTo(Long.parseLong(topRows.get(i - 1).split("\\|")[0]));
      }
      long groups = 0;
      for (Map<String, Map<String, Long>> bySymbol : sums.values()) {
        for (Map<String, Long> byTrader : bySymbol.values()) {
          groups += byTrader.size();
        }
      }
      assertThat(lagRows).isEqualTo(groups);
    }
  }

  private static long millis(Object timestamp) {
    return ((java.time.LocalDateTime) timestamp).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
  }

  /** The rows the top-N emits: per closed window, per symbol in arrival order of the groups' rows, ranks 1..3. */
  private static List<String> oracleTop(Map<Long, Map<String, Map<String, Long>>> sums) {
    List<String> rows = new ArrayList<>();
    for (var window : sums.entrySet()) {
      for (var symbol : window.getValue().entrySet()) {
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(symbol.getValue().entrySet());
        ranked.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
            : Long.compare(b.getValue(), a.getValue()));
        for (int r = 0; r < Math.min(3, ranked.size()); r++) {
          rows.add(window.getKey() + "|" + symbol.getKey() + "|" + ranked.get(r).getKey() + "|"
              + ranked.get(r).getValue() + "|" + (r + 1));
        }
      }
    }
    return rows;
  }
}
