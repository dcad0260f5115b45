package io.laminardb.common.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

class TimerHeapTest {
  /** Property: pops come out in time order, matching a PriorityQueue under random interleavings. */
  @RepeatedTest(30)
  void popsInTimeOrder(RepetitionInfo info) {
    SplittableRandom random = new SplittableRandom(info.getCurrentRepetition());
    TimerHeap heap = new TimerHeap();
    PriorityQueue<Long> reference = new PriorityQueue<>();
    for (int op = 0; op < 2_000; op++) {
      if (reference.isEmpty() || random.nextInt(3) > 0) {
        long time = random.nextLong(-1_000, 1_000);
        heap.push(time, (int) (time & 0xff), time * 3);
        reference.add(time);
      } else {
        long expected = reference.poll();
        assertThat(heap.peekTime()).isEqualTo(expected);
        assertThat(heap.peekSlot()).isEqualTo((int) (expected & 0xff));
        assertThat(heap.peekStamp()).isEqualTo(expected * 3);
        heap.pop();
      }
      assertThat(heap.size()).isEqualTo(reference.size());
    }
  }
}
