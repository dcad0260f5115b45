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

  @Test
  void batchSubscriptionsReadColumnsWithoutRows() {
    List<String> seen = new ArrayList<>();
    List<ResultBatch> kept = new ArrayList<>();
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute("CREATE SOURCE s (k VARCHAR NOT NULL, v BIGINT, p DOUBLE NOT NULL, ts TIMESTAMP NOT NULL);"
          + "CREATE STREAM q AS SELECT k, v, p * 2 AS p2, ts FROM s");
      AutoCloseable handle = db.subscribeBatches("q", batch -> {
        assertThat(batch.columns()).extracting(ColumnInfo::name).containsExactly("k", "v", "p2", "ts");
        for (int r = 0; r < batch.rowCount(); r++) {
          seen.add(batch.get(0, r) + "|" + (batch.isNull(1, r) ? "null" : batch.getLong(1, r)) + "|"
              + batch.getDouble(2, r) + "|" + batch.getDouble(1, r) + "|" + batch.getLong(3, r) + "|"
              + batch.get(3, r));
        }
        kept.add(batch);
      });
      db.start();
      db.sourceUntyped("s").pushRows(List.of(new Object[] {"a", 3L, 1.5, 1_000L},
          new Object[] {"b", null, 2.0, 2_000L}));
      db.awaitIdle();
      assertThat(seen).containsExactly("a|3|3.0|3.0|1000|1970-01-01T00:00:01",
          "b|null|4.0|0.0|2000|1970-01-01T00:00:02");
      // The view is only valid inside the callback; using it later is a clear error, not stale data.
      assertThatThrownBy(() -> kept.get(0).rowCount()).hasMessageContaining("LDB-0005")
          .hasMessageContaining("after its callback returned");
      handle.close();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void batchGettersRejectTheWrongColumnType() {
    List<String> errors = new CopyOnWriteArrayList<>();
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0))
        .errorListener((query, error) -> errors.add(error.getMessage())).build()) {
      db.execute("CREATE SOURCE s (k VARCHAR NOT NULL); CREATE STREAM q AS SELECT k FROM s");
      db.subscribeBatches("q", batch -> batch.getLong(0, 0));
      db.start();
      db.sourceUntyped("s").push("x");
      db.awaitIdle();
      assertThat(errors).singleElement().asString().contains("LDB-7001").contains("getLong on column 'k'");
    }
  }
}
