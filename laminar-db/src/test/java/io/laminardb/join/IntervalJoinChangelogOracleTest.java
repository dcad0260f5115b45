package io.laminardb.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An INNER interval join over a changelog left side (spec §10.1 rule 5): random inserts and retractions of
 * orders interleaved with fills; the net output (the sum of weights per output row) must equal the batch
 * join of the orders still present with all fills, and every output row carries weight +1 or -1.
 */
class IntervalJoinChangelogOracleTest {
  record Order(long id, String k, long ts) {}

  record Fill(String k, long px, long ts) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void netOutputEqualsTheJoinOfWhatRemains(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      // Watermarks far behind: nothing is evicted, so every retraction finds its row.
      db.execute("CREATE SOURCE o (id BIGINT NOT NULL, k VARCHAR NOT NULL, ts BIGINT NOT NULL,"
          + " __weight BIGINT NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '1000' SECOND)");
      db.execute("CREATE SOURCE f (k VARCHAR NOT NULL, px BIGINT NOT NULL, ts BIGINT NOT NULL,"
          + " WATERMARK FOR ts AS ts - INTERVAL '1000' SECOND)");
      db.execute("CREATE STREAM j AS SELECT o.id, o.k, f.px FROM o JOIN f ON o.k = f.k"
          + " AND f.ts BETWEEN o.ts - 20 AND o.ts + 30 EMIT CHANGES");
      Subscription<Row> sub = db.subscribe("j");
      db.start();
      UntypedSourceHandle orders = db.sourceUntyped("o");
      UntypedSourceHandle fills = db.sourceUntyped("f");
      List<Order> live = new ArrayList<>();
      List<Fill> allFills = new ArrayList<>();
      Map<String, Long> net = new TreeMap<>();
      long nextId = 1;
      for (int step = 0; step < 120; step++) {
        int action = rnd.nextInt(3);
        if (action == 0 || live.isEmpty()) {
          List<Object[]> batch = new ArrayList<>();
          for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
            // Duplicate rows are allowed: a retraction takes out one of them.
            Order order = rnd.nextInt(6) == 0 && !live.isEmpty() ? live.get(rnd.nextInt(live.size()))
                : new Order(nextId++, "k" + rnd.nextInt(4), rnd.nextInt(500));
            live.add(order);
            batch.add(new Object[] {order.id(), order.k(), order.ts(), 1L});
          }
          orders.pushRows(batch);
        } else if (action == 1) {
          Order order = live.remove(rnd.nextInt(live.size()));
          orders.push(order.id(), order.k(), order.ts(), -1L);
        } else {
          List<Object[]> batch = new ArrayList<>();
          for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
            Fill fill = new Fill("k" + rnd.nextInt(4), rnd.nextInt(100), rnd.nextInt(500));
            allFills.add(fill);
            batch.add(new Object[] {fill.k(), fill.px(), fill.ts()});
          }
          fills.pushRows(batch);
        }
        db.awaitIdle();
        for (Row row : sub.poll()) {
          long weight = (Long) row.get(3);
          assertThat(weight).isIn(1L, -1L);
          net.merge(row.get(0) + "|" + row.get(1) + "|" + row.get(2), weight, Long::sum);
        }
      }
      net.values().removeIf(w -> w == 0);
      assertThat(net).isEqualTo(oracle(live, allFills));
    }
  }

  private static Map<String, Long> oracle(List<Order> orders, List<Fill> fills) {
    Map<String, Long> expected = new TreeMap<>();
    for (Order o : orders) {
      for (Fill f : fills) {
        if (o.k().equals(f.k()) && f.ts() >= o.ts() - 20 && f.ts() <= o.ts() + 30) {
          expected.merge(o.id() + "|" + o.k() + "|" + f.px(), 1L, Long::sum);
        }
      }
    }
    return expected;
  }
}
