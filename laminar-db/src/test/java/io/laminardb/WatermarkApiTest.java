package io.laminardb;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.common.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WatermarkApiTest {
  @Test
  void partitionedSourceWatermarkIsTheMinimumOverActivePartitions() {
    ManualClock clock = new ManualClock(0);
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(clock).build()) {
      db.execute("CREATE SOURCE k (id BIGINT NOT NULL, ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '1'"
          + " SECOND) WITH ('idle.timeout' = '10s');"
          + "CREATE STREAM c AS SELECT COUNT(*) AS n FROM k GROUP BY TUMBLE(ts, INTERVAL '5' SECOND)");
      Subscription<Row> out = db.subscribe("c");
      db.start();
      UntypedSourceHandle source = db.sourceUntyped("k");
      UntypedSourceHandle p0 = source.partition(0);
      UntypedSourceHandle p1 = source.partition(1);
      p0.push(1L, 1_000L);
      p1.push(2L, 2_000L);
      p0.push(3L, 20_000L);
      db.awaitIdle();
      // partition 1 is at 1_000 (2_000 - delay): it holds the source watermark back
      assertThat(source.currentWatermark()).isEqualTo(1_000L);
      assertThat(out.poll()).isEmpty();
      p1.push(4L, 9_000L);
      db.awaitIdle();
      assertThat(source.currentWatermark()).isEqualTo(8_000L);
      assertThat(out.poll()).extracting(r -> r.get(0)).containsExactly(2L);
      // partition 1 goes quiet: after the idle timeout only partition 0 counts
      clock.advance(Duration.ofSeconds(11));
      p0.push(5L, 21_000L);
      db.awaitIdle();
      assertThat(source.currentWatermark()).isEqualTo(20_000L);
      // the window [5s, 10s) closes; [20s, 25s) stays open
      assertThat(out.poll()).extracting(r -> r.get(0)).containsExactly(1L);
    }
  }

  @Test
  void anIdleSourceStopsHoldingBackAUnion() {
    ManualClock clock = new ManualClock(0);
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(clock).build()) {
      db.execute("CREATE SOURCE a (k VARCHAR, ts BIGINT NOT NULL, WATERMARK FOR ts) WITH ('idle.timeout' = '10s');"
          + "CREATE SOURCE b (k VARCHAR, ts BIGINT NOT NULL, WATERMARK FOR ts) WITH ('idle.timeout' = '10s');"
          + "CREATE STREAM u AS SELECT k, COUNT(*) AS n FROM (SELECT k, ts FROM a UNION ALL SELECT k, ts FROM b)"
          + " GROUP BY k, TUMBLE(ts, INTERVAL '1' SECOND)");
      Subscription<Row> out = db.subscribe("u");
      db.start();
      db.sourceUntyped("a").push("x", 500L);
      db.sourceUntyped("b").push("y", 600L);
      db.sourceUntyped("a").push("x", 5_000L);
      db.awaitIdle();
      assertThat(out.poll()).isEmpty();
      clock.advance(Duration.ofSeconds(11));
      db.sourceUntyped("a").push("x", 6_000L);
      db.awaitIdle();
      assertThat(out.poll()).extracting(r -> r.get(0) + ":" + r.get(1))
          .containsExactlyInAnyOrder("x:1", "y:1", "x:1");
    }
  }

  @Test
  void sourceLevelLateRowDroppingIsCountedInTheSourceMetrics() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute("CREATE SOURCE s (k VARCHAR NOT NULL, ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '1'"
          + " SECOND) WITH ('late.rows' = 'drop');"
          + "CREATE SOURCE kept (k VARCHAR NOT NULL, ts BIGINT NOT NULL, WATERMARK FOR ts);"
          + "CREATE STREAM all_rows AS SELECT k FROM s");
      Subscription<Row> out = db.subscribe("all_rows");
      db.start();
      UntypedSourceHandle s = db.sourceUntyped("s");
      s.push("a", 10_000L);
      s.push("late", 8_999L);
      s.push("b", 9_000L);
      db.sourceUntyped("kept").push("x", 10_000L);
      db.sourceUntyped("kept").push("y", 1L);
      db.awaitIdle();
      assertThat(out.poll()).extracting(r -> r.get(0)).containsExactly("a", "b");
      PipelineMetrics.SourceMetrics metrics = db.metrics().sources().get("s");
      assertThat(metrics.totalEvents()).isEqualTo(3);
      assertThat(metrics.lateDropped()).isEqualTo(1);
      assertThat(db.metrics().sources().get("kept").lateDropped()).isZero();
    }
  }
}
