package io.laminardb.core.operator.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenWindowsTest {
  @Test
  void keepsWindowsInStartOrderWhateverTheOpeningOrder() {
    OpenWindows windows = new OpenWindows();
    for (long start : new long[] {30, 10, 20, 50, 40, 0}) {
      windows.open(start, false);
    }
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      starts.add(windows.at(i).start);
    }
    assertThat(starts).containsExactly(0L, 10L, 20L, 30L, 40L, 50L);
    assertThat(windows.find(40).start).isEqualTo(40);
    assertThat(windows.find(41)).isNull();
  }

  @Test
  void closedEntriesAreReusedWithAnEmptySlotList() {
    OpenWindows windows = new OpenWindows();
    OpenWindows.Entry first = windows.open(0, true);
    first.slots.add(7);
    windows.closeFirst();
    OpenWindows.Entry next = windows.open(100, false);
    assertThat(next).isSameAs(first);
    assertThat(next.slots.size()).isZero();
    assertThat(next.fired).isFalse();
    assertThat(next.start).isEqualTo(100);
  }

  /** Property: random opens (mostly increasing, as event time moves) and closes match a TreeMap. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void behavesLikeASortedMap(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    OpenWindows windows = new OpenWindows();
    TreeMap<Long, Boolean> oracle = new TreeMap<>();
    long front = 0;
    for (int op = 0; op < 5_000; op++) {
      if (random.nextInt(3) > 0 || oracle.isEmpty()) {
        long start = front + random.nextInt(-5, 40);
        if (oracle.containsKey(start)) {
          assertThat(windows.find(start)).isNotNull();
          continue;
        }
        if (!oracle.isEmpty() && start < oracle.firstKey()) {
          start = oracle.firstKey() - 1 - random.nextInt(3);
        }
        boolean fired = random.nextBoolean();
        windows.open(start, fired);
        oracle.put(start, fired);
        front = Math.max(front, start);
      } else {
        assertThat(windows.at(0).start).isEqualTo(oracle.firstKey());
        windows.closeFirst();
        oracle.pollFirstEntry();
      }
      assertThat(windows.size()).isEqualTo(oracle.size());
    }
    int i = 0;
    for (var e : oracle.entrySet()) {
      assertThat(windows.at(i).start).isEqualTo(e.getKey());
      assertThat(windows.at(i).fired).isEqualTo(e.getValue());
      i++;
    }
  }
}
