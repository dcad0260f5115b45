package io.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.error.LaminarException;
import io.laminardb.common.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keyed watermarks (F065) and alignment groups (F066) through the public API. */
class KeyedAndAlignedWatermarkTest {
  private static final String TRADES = "CREATE SOURCE t (sym VARCHAR, px BIGINT NOT NULL, ts BIGINT NOT NULL,"
      + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) ";

  @Test
  void aSlowKeyHoldsTheWatermarkInsteadOfHavingItsRowsJudgedLate() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute(TRADES + "WITH ('watermark.key' = 'sym');"
          + "CREATE STREAM c AS SELECT sym, COUNT(*) AS n FROM t GROUP BY sym, TUMBLE(ts, INTERVAL '10' SECOND)");
      Subscription<Row> out = db.subscribe("c");
      db.start();
      UntypedSourceHandle t = db.sourceUntyped("t");
      t.push("slow", 1L, 2_000L);
      t.push("fast", 1L, 30_000L);
      db.awaitIdle();
      assertThat(t.currentWatermark()).isEqualTo(1_000L);
      // a global watermark would be 29 s and drop this row as late; the keyed one keeps it
      t.push("slow", 1L, 5_000L);
      db.awaitIdle();
      assertThat(db.metrics().streams().get("c").lateEvents()).isZero();
      t.push("slow", 1L, 12_000L);
      db.awaitIdle();
      assertThat(t.currentWatermark()).isEqualTo(11_000L);
      assertThat(out.poll()).extracting(r -> r.get(0) + ":" + r.get(1)).containsExactly("slow:2");
      assertThat(db.metrics().sources().get("t").watermarkKeys()).isEqualTo(2);
    }
  }

  @Test
  void idleKeysStopHoldingTheWatermark() {
    ManualClock clock = new ManualClock(0);
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(clock).build()) {
      db.execute(TRADES + "WITH ('watermark.key' = 'sym', 'watermark.key.idle.timeout' = '10s')");
      db.start();
      UntypedSourceHandle t = db.sourceUntyped("t");
      t.push("a", 1L, 2_000L);
      t.push("b", 1L, 50_000L);
      db.awaitIdle();
      assertThat(t.currentWatermark()).isEqualTo(1_000L);
      clock.advance(Duration.ofSeconds(5));
      t.push("b", 1L, 51_000L);
      db.awaitIdle();
      assertThat(t.currentWatermark()).isEqualTo(1_000L);
      clock.advance(Duration.ofSeconds(6));
      t.push("b", 1L, 52_000L);
      db.awaitIdle();
      assertThat(t.currentWatermark()).isEqualTo(51_000L);
    }
  }

  @Test
  void maxKeysEvictsByPolicy() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute("CREATE SOURCE lw (k BIGINT, ts BIGINT NOT NULL, WATERMARK FOR ts) WITH ('watermark.key' = 'k',"
          + " 'watermark.key.max_keys' = '2', 'watermark.key.eviction' = 'lowest_watermark');"
          + "CREATE SOURCE rn (k BIGINT, ts BIGINT NOT NULL, WATERMARK FOR ts) WITH ('watermark.key' = 'k',"
          + " 'watermark.key.max_keys' = '2', 'watermark.key.eviction' = 'reject_new')");
      db.start();
      UntypedSourceHandle lw = db.sourceUntyped("lw");
      lw.push(1L, 100L);
      lw.push(2L, 500L);
      lw.push(3L, 900L);
      db.awaitIdle();
      // key 1 (lowest watermark) made room for key 3
      assertThat(lw.currentWatermark()).isEqualTo(500L);
      assertThat(db.metrics().sources().get("lw").watermarkKeyEvictions()).isEqualTo(1);
      assertThat(db.metrics().sources().get("lw").watermarkKeys()).isEqualTo(2);
      UntypedSourceHandle rn = db.sourceUntyped("rn");
      rn.push(1L, 100L);
      rn.push(2L, 500L);
      rn.push(3L, 50L);
      rn.push(1L, 700L);
      db.awaitIdle();
      // key 3 is not tracked; the rows still flow
      assertThat(rn.currentWatermark()).isEqualTo(500L);
      assertThat(db.metrics().sources().get("rn").totalEvents()).isEqualTo(4);
    }
  }

  @Test
  void aNullKeyIsTrackedAsOneKey() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute(TRADES + "WITH ('watermark.key' = 'sym')");
      db.start();
      UntypedSourceHandle t = db.sourceUntyped("t");
      t.push(null, 1L, 3_000L);
      t.push("a", 1L, 9_000L);
      db.awaitIdle();
      assertThat(t.currentWatermark()).isEqualTo(2_000L);
      assertThat(db.metrics().sources().get("t").watermarkKeys()).isEqualTo(2);
    }
  }

  @Test
  void aManualWatermarkStillRaisesAKeyedSource() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute(TRADES + "WITH ('watermark.key' = 'sym')");
      db.start();
      UntypedSourceHandle t = db.sourceUntyped("t");
      t.push("a", 1L, 3_000L);
      t.watermark(7_000L);
      db.awaitIdle();
      assertThat(t.currentWatermark()).isEqualTo(7_000L);
    }
  }

  private static final String TWO_ALIGNED = "CREATE SOURCE a (v BIGINT NOT NULL, ts BIGINT NOT NULL,"
      + " WATERMARK FOR ts) WITH ('alignment.group' = 'g', 'alignment.max_drift' = '5s'%s);"
      + "CREATE SOURCE b (v BIGINT NOT NULL, ts BIGINT NOT NULL,"
      + " WATERMARK FOR ts) WITH ('alignment.group' = 'g', 'alignment.max_drift' = '5s'%s);"
      + "CREATE STREAM ua AS SELECT v, ts FROM a";

  @Test
  void pauseHoldsTheFastSourceUntilTheOtherCatchesUp() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute(TWO_ALIGNED.formatted("", ""));
      Subscription<Row> out = db.subscribe("ua");
      db.start();
      UntypedSourceHandle a = db.sourceUntyped("a");
      UntypedSourceHandle b = db.sourceUntyped("b");
      b.push(1L, 1_000L);
      a.push(1L, 4_000L);
      a.push(2L, 10_000L);
      db.awaitIdle();
      assertThat(out.poll()).extracting(r -> r.get(0)).containsExactly(1L, 2L);
      assertThat(a.currentWatermark()).isEqualTo(10_000L);
      // a is 9 s ahead of b (drift 5 s): its next input waits
      a.push(3L, 11_000L);
      a.watermark(11_500L);
      a.push(4L, 12_000L);
      db.awaitIdle();
      assertThat(out.poll()).isEmpty();
      assertThat(a.pending()).isEqualTo(2);
      assertThat(db.metrics().sources().get("a").alignmentHeld()).isEqualTo(2);
      assertThat(a.currentWatermark()).isEqualTo(10_000L);
      // b reaches 7 s: a may run up to 12 s again, so everything held runs, in arrival order
      b.push(2L, 7_000L);
      db.awaitIdle();
      assertThat(out.poll()).extracting(r -> r.get(0)).containsExactly(3L, 4L);
      assertThat(a.currentWatermark()).isEqualTo(12_000L);
      assertThat(a.pending()).isZero();
      assertThat(db.metrics().sources().get("a").alignmentHeld()).isZero();
    }
  }

  @Test
  void aReleasedBatchThatRunsAheadAgainPausesTheRest() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute(TWO_ALIGNED.formatted("", ""));
      Subscription<Row> out = db.subscribe("ua");
      db.start();
      UntypedSourceHandle a = db.sourceUntyped("a");
      UntypedSourceHandle b = db.sourceUntyped("b");
      b.push(1L, 1_000L);
      a.push(1L, 10_000L);
      a.push(2L, 11_000L);
      a.push(3L, 12_000L);
      db.awaitIdle();
      assertThat(out.poll()).extracting(r -> r.get(0)).containsExactly(1L);
      // limit 10.5 s: row 2 runs (a was at 10 s) and carries a to 11 s, so row 3 waits
      b.push(2L, 5_500L);
      db.awaitIdle();
      assertThat(out.poll()).extracting(r -> r.get(0)).containsExactly(2L);
      assertThat(a.pending()).isEqualTo(1);
    }
  }

  @Test
  void pauseReleasesOnceTheSlowSourceGoesIdle() {
    ManualClock clock = new ManualClock(0);
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(clock).build()) {
      db.execute(TWO_ALIGNED.formatted("", ", 'idle.timeout' = '10s'"));
      Subscription<Row> out = db.subscribe("ua");
      db.start();
      db.sourceUntyped("b").push(1L, 1_000L);
      db.sourceUntyped("a").push(1L, 20_000L);
      db.sourceUntyped("a").push(2L, 21_000L);
      db.awaitIdle();
      assertThat(out.poll()).extracting(r -> r.get(0)).containsExactly(1L);
      clock.advance(Duration.ofSeconds(11));
      db.awaitIdle();
      assertThat(out.poll()).extracting(r -> r.get(0)).containsExactly(2L);
    }
  }

  @Test
  void dropDiscardsRowsThatWouldRunAheadAndCountsThem() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute(TWO_ALIGNED.formatted(", 'alignment.mode' = 'drop'", ", 'alignment.mode' = 'drop'"));
      Subscription<Row> out = db.subscribe("ua");
      db.start();
      db.sourceUntyped("b").push(1L, 1_000L);
      db.sourceUntyped("a").pushRows(java.util.List.of(new Object[] {1L, 6_000L}, new Object[] {2L, 6_001L},
          new Object[] {3L, 2_000L}));
      db.awaitIdle();
      assertThat(out.poll()).extracting(r -> r.get(0)).containsExactly(1L, 3L);
      assertThat(db.metrics().sources().get("a").alignmentDropped()).isEqualTo(1);
    }
  }

  @Test
  void warnLetsRowsThroughAndCountsTheViolation() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute(TWO_ALIGNED.formatted(", 'alignment.mode' = 'warn'", ", 'alignment.mode' = 'warn'"));
      Subscription<Row> out = db.subscribe("ua");
      db.start();
      db.sourceUntyped("b").push(1L, 1_000L);
      db.sourceUntyped("a").push(1L, 9_000L);
      db.sourceUntyped("a").push(2L, 3_000L);
      db.awaitIdle();
      assertThat(out.poll()).extracting(r -> r.get(0)).containsExactly(1L, 2L);
      assertThat(db.metrics().sources().get("a").alignmentViolations()).isEqualTo(2);
    }
  }

  @Test
  void invalidOptionsAreRejectedWithTheirReason() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      assertThatThrownBy(() -> db.execute("CREATE SOURCE x (k VARCHAR, ts BIGINT) WITH ('watermark.key' = 'k')"))
          .isInstanceOf(LaminarException.class).hasMessageContaining("WATERMARK FOR");
      assertThatThrownBy(() -> db.execute(TRADES + "WITH ('watermark.key' = 'nope')"))
          .isInstanceOf(LaminarException.class).hasMessageContaining("not a column");
      assertThatThrownBy(() -> db.execute(TRADES + "WITH ('watermark.key' = 'sym', 'watermark.key.eviction' = 'lru')"))
          .isInstanceOf(LaminarException.class).hasMessageContaining("least_recently_active");
      assertThatThrownBy(() -> db.execute(TRADES + "WITH ('alignment.group' = 'g')"))
          .isInstanceOf(LaminarException.class).hasMessageContaining("alignment.max_drift");
      assertThatThrownBy(() -> db.execute(TRADES + "WITH ('alignment.max_drift' = '1s')"))
          .isInstanceOf(LaminarException.class).hasMessageContaining("without 'alignment.group'");
      db.execute("CREATE SOURCE g1 (ts BIGINT, WATERMARK FOR ts) WITH ('alignment.group' = 'g',"
          + " 'alignment.max_drift' = '1s')");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE g2 (ts BIGINT, WATERMARK FOR ts) WITH"
          + " ('alignment.group' = 'g', 'alignment.max_drift' = '2s')"))
          .isInstanceOf(LaminarException.class).hasMessageContaining("same settings");
      assertThat(db.sources()).extracting(ObjectInfo::name).containsExactly("g1");
    }
  }
}
