package io.laminardb.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class WatermarkTest {
  @Test
  void boundedOutOfOrdernessFollowsMaxMinusDelayAndManualAdvances() {
    BoundedOutOfOrderness g = new BoundedOutOfOrderness(5);
    assertThat(g.watermark()).isEqualTo(Long.MIN_VALUE);
    assertThat(g.observe(100)).isTrue();
    assertThat(g.watermark()).isEqualTo(95);
    assertThat(g.observe(90)).isFalse();
    assertThat(g.advanceTo(200)).isTrue();
    // the manual advance raised the internal maximum, so older data cannot pull it back
    assertThat(g.observe(150)).isFalse();
    assertThat(g.watermark()).isEqualTo(200);
    assertThat(g.advanceTo(150)).isFalse();
    assertThat(g.observe(206)).isTrue();
    assertThat(g.watermark()).isEqualTo(201);
  }

  @Test
  void trackerIsTheMinimumOverInputs() {
    WatermarkTracker t = new WatermarkTracker(2);
    assertThat(t.update(0, 10)).isEqualTo(Long.MIN_VALUE);
    assertThat(t.update(1, 5)).isEqualTo(5);
    assertThat(t.update(1, 20)).isEqualTo(10);
    assertThat(t.update(0, 8)).isEqualTo(Long.MIN_VALUE);
    assertThat(t.combined()).isEqualTo(10);
  }

  /** Property: for any event sequence the watermark never decreases and never passes max - delay. */
  @RepeatedTest(50)
  void watermarkIsMonotonicAndBounded(RepetitionInfo info) {
    SplittableRandom random = new SplittableRandom(info.getCurrentRepetition());
    long delay = random.nextLong(0, 1_000);
    BoundedOutOfOrderness g = new BoundedOutOfOrderness(delay);
    long max = Long.MIN_VALUE;
    long previous = Long.MIN_VALUE;
    long manual = Long.MIN_VALUE;
    for (int i = 0; i < 500; i++) {
      if (random.nextInt(10) == 0) {
        long w = random.nextLong(0, 100_000);
        g.advanceTo(w);
        manual = Math.max(manual, w);
      } else {
        long ts = random.nextLong(0, 100_000);
        g.observe(ts);
        max = Math.max(max, ts);
      }
      assertThat(g.watermark()).isGreaterThanOrEqualTo(previous);
      long bound = Math.max(max == Long.MIN_VALUE ? Long.MIN_VALUE : max - delay, manual);
      assertThat(g.watermark()).isEqualTo(bound);
      previous = g.watermark();
    }
  }
}
