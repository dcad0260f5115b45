package io.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InlineSubscriptionTest {
  record Out(String k, long doubled) {}

  @Test
  void rowsArriveOnTheComputeThreadStepByStep() throws Exception {
    List<List<Out>> steps = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute("CREATE SOURCE s (k VARCHAR NOT NULL, v BIGINT NOT NULL);"
          + "CREATE STREAM d AS SELECT k, v * 2 AS doubled FROM s WHERE v > 0");
      AutoCloseable handle = db.subscribeInline("d", Out.class, rows -> {
        threads.add(Thread.currentThread().getName());
        steps.add(List.copyOf(rows));
      });
      db.start();
      UntypedSourceHandle s = db.sourceUntyped("s");
      s.pushRows(List.of(new Object[] {"a", 1L}, new Object[] {"b", 2L}));
      s.push("c", -1L);
      s.push("d", 5L);
      db.awaitIdle();
      // The filtered-out step produced no rows and no call.
      assertThat(steps).containsExactly(List.of(new Out("a", 2), new Out("b", 4)), List.of(new Out("d", 10)));
      assertThat(threads).containsOnly("laminar-compute");

      handle.close();
      s.push("e", 7L);
      db.awaitIdle();
      assertThat(steps).hasSize(2);
    }
  }

  @Test
  void aThrowingCallbackIsReportedAndTheSubscriptionGoesOn() {
    List<String> errors = new CopyOnWriteArrayList<>();
    List<Long> seen = new ArrayList<>();
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0))
        .errorListener((query, error) -> errors.add(query + ": " + error.code())).build()) {
      db.execute("CREATE SOURCE s (v BIGINT NOT NULL); CREATE STREAM q AS SELECT v FROM s");
      Subscription<Row> buffered = db.subscribe("q");
      db.subscribeInline("q", Row.class, rows -> {
        long v = (Long) rows.get(0).get(0);
        if (v == 2) {
          throw new IllegalStateException("boom");
        }
        seen.add(v);
      });
      db.start();
      for (long v = 1; v <= 3; v++) {
        db.sourceUntyped("s").push(v);
      }
      db.awaitIdle();
      assertThat(seen).containsExactly(1L, 3L);
      assertThat(errors).containsExactly("q: LDB-7001");
      assertThat(db.metrics().queryErrors()).isEqualTo(1);
      // Other subscribers of the stream are unaffected.
      assertThat(buffered.poll()).extracting(r -> r.get(0)).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void computeSpinIsValidated() {
    assertThatThrownBy(() -> LaminarDB.builder().computeSpin(Duration.ofNanos(-1)))
        .isInstanceOf(io.laminardb.common.error.LaminarException.class)
        .hasMessageContaining("LDB-0001");
    try (LaminarDB db = LaminarDB.builder().computeSpin(Duration.ZERO).build()) {
      db.execute("CREATE SOURCE s (v BIGINT NOT NULL); CREATE STREAM q AS SELECT v FROM s");
      Subscription<Row> out = db.subscribe("q");
      db.start();
      db.sourceUntyped("s").push(1L);
      db.awaitIdle();
      assertThat(out.poll()).hasSize(1);
    }
  }
}
