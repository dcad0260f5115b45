package io.laminardb.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Long streams through an interval join and an ASOF join while both watermarks advance: the joins' state
 * (reported in the stream metrics) must stop growing once the time bound is covered, because rows are
 * evicted as the watermark passes them, while every expected output row still arrives.
 */
class JoinBoundedStateTest {
  static final int STEPS = 250;
  static final int KEYS = 50;

  @Test
  void intervalAndAsofStateStaysBoundedOnALongStream() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE o (k BIGINT NOT NULL, ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - 100);"
          + "CREATE SOURCE f (k BIGINT NOT NULL, ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - 100);"
          + "CREATE STREAM ij AS SELECT o.k AS k, f.ts AS fts FROM o LEFT JOIN f ON o.k = f.k"
          + " AND f.ts BETWEEN o.ts AND o.ts + 500;"
          + "CREATE STREAM aj AS SELECT o.k AS k, f.ts AS fts FROM o ASOF JOIN f MATCH_CONDITION(o.ts >= f.ts)"
          + " ON o.k = f.k");
      Subscription<Row> ij = db.subscribe("ij");
      Subscription<Row> aj = db.subscribe("aj");
      db.start();
      long intervalRows = 0;
      long asofRows = 0;
      long intervalAt100 = 0;
      long asofAt100 = 0;
      long maxInterval = 0;
      long maxAsof = 0;
      for (int step = 0; step < STEPS; step++) {
        List<Object[]> orders = new ArrayList<>();
        List<Object[]> fills = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
          orders.add(new Object[] {(long) k, step * 100L + k});
          fills.add(new Object[] {(long) k, step * 100L + 50 + k});
        }
        db.sourceUntyped("f").pushRows(fills);
        db.sourceUntyped("o").pushRows(orders);
        db.awaitIdle();
        intervalRows += ij.poll().size();
        asofRows += aj.poll().size();
        long is = db.metrics().streams().get("ij").stateBytes();
        long as = db.metrics().streams().get("aj").stateBytes();
        if (step == 100) {
          intervalAt100 = is;
          asofAt100 = as;
        }
        if (step > 100) {
          maxInterval = Math.max(maxInterval, is);
          maxAsof = Math.max(maxAsof, as);
        }
      }
      assertThat(intervalAt100).isPositive();
      assertThat(asofAt100).isPositive();
      // Bounded: after warm-up the state never exceeds what it held at step 100 (same rows per time span).
      assertThat(maxInterval).isLessThanOrEqualTo(intervalAt100);
      assertThat(maxAsof).isLessThanOrEqualTo(asofAt100);
      // ASOF emits every order once; the interval join matches each order with the fills of its own and the
      // next 4 steps (f.ts in [o.ts, o.ts + 500]), fewer at the end, where the remaining ones wait.
      assertThat(asofRows).isEqualTo((long) STEPS * KEYS);
      assertThat(intervalRows).isGreaterThan((long) (STEPS - 6) * KEYS * 5);
    }
  }
}
