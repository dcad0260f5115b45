package io.laminardb.core.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

class LongCountMapTest {
  /** Random adds and removals (including keys colliding into long probe runs) agree with a HashMap. */
  @RepeatedTest(30)
  void behavesLikeAMapOfNonZeroCounts(RepetitionInfo info) {
    SplittableRandom random = new SplittableRandom(info.getCurrentRepetition());
    LongCountMap map = new LongCountMap();
    Map<Long, Long> reference = new HashMap<>();
    int keyRange = 1 + random.nextInt(300);
    for (int op = 0; op < 5000; op++) {
      long key = random.nextInt(keyRange) - keyRange / 2;
      long delta = random.nextInt(5) - 2;
      Long current = reference.get(key);
      if (random.nextBoolean() && current != null) {
        delta = -current; // remove the key entirely
      }
      map.add(key, delta);
      reference.merge(key, delta, Long::sum);
      reference.remove(key, 0L);
      assertThat(map.size()).isEqualTo(reference.size());
    }
    for (long key = -keyRange; key <= keyRange; key++) {
      assertThat(map.get(key)).as("key %d", key).isEqualTo(reference.getOrDefault(key, 0L));
    }
    long entries = 0;
    for (int i = 0; i < map.capacity(); i++) {
      if (map.countAt(i) != 0) {
        entries++;
        assertThat(reference.get(map.keyAt(i))).isEqualTo(map.countAt(i));
      }
    }
    assertThat(entries).isEqualTo(reference.size());
  }
}
