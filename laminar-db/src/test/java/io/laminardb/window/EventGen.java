package io.laminardb.window;

import io.laminardb.window.BatchOracle.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/** Seeded random inputs: event times, arrival orders with controlled disorder, batch splits, steps. */
final class EventGen {
  private static final String[] KEYS = {"a", "b", "c", "d", "e"};

  private EventGen() {}

  /** One step of a run: a pushed batch, or a manual watermark when {@code batch} is null. */
  record Step(List<Event> batch, long watermark) {
    static Step push(List<Event> batch) {
      return new Step(batch, 0);
    }

    static Step watermark(long t) {
      return new Step(null, t);
    }

    boolean isPush() {
      return batch != null;
    }

    @Override
    public String toString() {
      return isPush() ? "push" + batch : "wm(" + watermark + ")";
    }
  }

  /**
   * {@code n} events over {@code keyCount} keys with nondecreasing nominal times starting at {@code base};
   * each step between consecutive times is drawn from {@code increments} (zeros give ties). Arrival order
   * is the nominal order; seq numbers are assigned later by {@link #arrive}.
   */
  static List<Event> nominal(SplittableRandom rnd, int n, int keyCount, long base, long[] increments) {
    List<Event> out = new ArrayList<>(n);
    long t = base;
    for (int i = 0; i < n; i++) {
      t += increments[rnd.nextInt(increments.length)];
      String k = KEYS[rnd.nextInt(keyCount)];
      long v = rnd.nextLong(-5, 31);
      Long x = rnd.nextInt(5) == 0 ? null : rnd.nextLong(-10, 61);
      double p = Math.round(rnd.nextDouble() * 1000) / 1000.0;
      out.add(new Event(0, k, v, x, p, t, 1));
    }
    return out;
  }

  /**
   * Reorders events by {@code ts + lag(event)} (a stable sort), assigning arrival seq numbers. With every lag
   * in {@code [0, D)} an event never arrives after another whose time exceeds its own by D or more.
   */
  static List<Event> arrive(List<Event> nominal, ToLongFunction<Event> lag) {
    record Keyed(Event e, long at) {}
    List<Keyed> keyed = new ArrayList<>();
    for (Event e : nominal) {
      keyed.add(new Keyed(e, e.ts() + lag.applyAsLong(e)));
    }
    keyed.sort(Comparator.comparingLong(Keyed::at));
    List<Event> out = new ArrayList<>();
    long seq = 0;
    for (Keyed k : keyed) {
      Event e = k.e;
      out.add(new Event(seq++, e.k(), e.v(), e.x(), e.p(), e.ts(), e.weight()));
    }
    return out;
  }

  /** A start time, usually aligned to whole seconds so that window and watermark boundaries coincide. */
  static long base(SplittableRandom rnd) {
    return rnd.nextLong(-40, 40) * 1000 + (rnd.nextInt(3) == 0 ? rnd.nextLong(-500, 500) : 0);
  }

  /** Random batch size: mostly small, sometimes one row, sometimes large. */
  static int batchSize(SplittableRandom rnd) {
    int r = rnd.nextInt(10);
    return r < 3 ? 1 : r < 9 ? 1 + rnd.nextInt(8) : 10 + rnd.nextInt(30);
  }

  /**
   * Splits arrivals into push steps. With {@code safeWatermarks}, some pushes are followed by a manual
   * watermark strictly below every later event time (so nothing becomes late) or by a stale value that
   * must be ignored; otherwise manual watermarks may jump ahead by up to {@code jump} ms.
   */
  static List<Step> steps(SplittableRandom rnd, List<Event> arrivals, boolean safeWatermarks, long jump) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    long maxSeen = Long.MIN_VALUE;
    while (i < arrivals.size()) {
      int end = Math.min(arrivals.size(), i + batchSize(rnd));
      List<Event> batch = List.copyOf(arrivals.subList(i, end));
      steps.add(Step.push(batch));
      for (Event e : batch) {
        maxSeen = Math.max(maxSeen, e.ts());
      }
      i = end;
      if (i < arrivals.size() && rnd.nextInt(8) == 0) {
        if (safeWatermarks) {
          long minLater = Long.MAX_VALUE;
          for (int j = i; j < arrivals.size(); j++) {
            minLater = Math.min(minLater, arrivals.get(j).ts());
          }
          steps.add(Step.watermark(minLater - 1 - rnd.nextLong(0, 3000)));
        } else {
          long t = maxSeen - 5000 + rnd.nextLong(0, jump + 1);
          steps.add(Step.watermark(rnd.nextBoolean() ? Math.floorDiv(t, 1000) * 1000 : t));
        }
      }
    }
    return steps;
  }
}
