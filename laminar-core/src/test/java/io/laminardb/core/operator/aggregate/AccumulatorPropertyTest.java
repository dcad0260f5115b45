package io.laminardb.core.operator.aggregate;

import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.BIGINT;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.BOOLEAN;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.DECIMAL;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.DOUBLE;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.INT;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.TIME;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.VARCHAR;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Randomised properties of every accumulator against a brute-force recomputation over the rows still
 * present: inserts and retractions, split-and-merge, and snapshot/restore mid-stream. Each repetition uses
 * its own seed (printed in failure messages) so failures reproduce.
 */
class AccumulatorPropertyTest {
  private static final int SLOTS = 4;
  private static final int STEPS = 25;

  // ---- properties ----

  @RepeatedTest(40)
  void insertsAndRetractionsMatchRecomputation(RepetitionInfo info) {
    for (Case c : cases()) {
      if (!c.isRetractable()) {
        continue;
      }
      SplittableRandom random = new SplittableRandom(seed(info, c));
      Model model = new Model();
      Accumulator accumulator = c.create();
      for (int step = 0; step < STEPS; step++) {
        Step s = model.nextStep(random, c, true, true, 0, SLOTS);
        s.applyTo(accumulator);
        for (int slot = 0; slot < SLOTS; slot++) {
          assertMatches(c, result(accumulator, slot), model.expected(c, slot),
              c + " seed " + seed(info, c) + " step " + step + " slot " + slot);
        }
      }
    }
  }

  @RepeatedTest(40)
  void unweightedInsertsMatchRecomputation(RepetitionInfo info) {
    for (Case c : cases()) {
      if (!c.isExact()) {
        continue;
      }
      SplittableRandom random = new SplittableRandom(seed(info, c));
      Model model = new Model();
      Accumulator accumulator = c.create();
      for (int step = 0; step < STEPS; step++) {
        model.nextStep(random, c, false, false, 0, SLOTS).applyTo(accumulator);
      }
      for (int slot = 0; slot < SLOTS; slot++) {
        assertMatches(c, result(accumulator, slot), model.expected(c, slot),
            c + " seed " + seed(info, c) + " slot " + slot);
      }
    }
  }

  /** Rows split at random over slots 1 and 2, then merged, equal all rows added to one slot. */
  @RepeatedTest(40)
  void splitThenMergeEqualsOneGroup(RepetitionInfo info) {
    for (Case c : cases()) {
      SplittableRandom random = new SplittableRandom(seed(info, c));
      boolean isWeighted = random.nextBoolean();
      boolean allowsRetraction = isWeighted && c.isRetractable();
      Model model = new Model();
      Accumulator split = c.create();
      Accumulator single = c.create();
      for (int step = 0; step < STEPS; step++) {
        Step s = model.nextStep(random, c, isWeighted, allowsRetraction, 1, 2);
        s.applyTo(split);
        s.withSlotsMapped(1, 0).withSlotsMapped(2, 0).applyTo(single);
      }
      String context = c + " seed " + seed(info, c) + (isWeighted ? " weighted" : "");
      Object sourceBefore = result(split, 2);
      split.merge(1, 2);
      assertMatches(c, result(split, 1), result(single, 0), context);
      assertThat(result(split, 2)).as(context + ": merge source unchanged").isEqualTo(sourceBefore);

      // merging into an empty slot copies: later rows for the copy leave the original alone
      split.merge(3, 1);
      assertThat(result(split, 3)).as(context).isEqualTo(result(split, 1));
      Object original = result(split, 1);
      Step more = model.nextStep(random, c, isWeighted, false, 3, 1);
      more.applyTo(split);
      assertThat(result(split, 1)).as(context + ": merge target is a copy").isEqualTo(original);
    }
  }

  /** Snapshot every slot mid-stream, restore into a fresh accumulator, and continue both identically. */
  @RepeatedTest(40)
  void snapshotRestoreContinuesIdentically(RepetitionInfo info) {
    for (Case c : cases()) {
      SplittableRandom random = new SplittableRandom(seed(info, c));
      boolean isWeighted = random.nextBoolean();
      Model model = new Model();
      List<Step> steps = new ArrayList<>();
      for (int step = 0; step < STEPS; step++) {
        steps.add(model.nextStep(random, c, isWeighted, isWeighted && c.isRetractable(), 0, SLOTS));
      }
      int cut = random.nextInt(STEPS);
      Accumulator original = c.create();
      for (int i = 0; i < cut; i++) {
        steps.get(i).applyTo(original);
      }
      Accumulator restored = AccumulatorFixtures.copyBySnapshot(original, c.spec(), SLOTS);
      String context = c + " seed " + seed(info, c) + " cut " + cut;
      assertSameResults(original, restored, context);
      for (int i = cut; i < STEPS; i++) {
        steps.get(i).applyTo(original);
        steps.get(i).applyTo(restored);
        assertSameResults(original, restored, context + " step " + i);
      }
      // merges compare arrival order across groups: rows added after the restore must still come later
      for (Accumulator a : List.of(original, restored)) {
        a.merge(0, 1);
        a.merge(3, 2);
      }
      assertSameResults(original, restored, context + " after merges");
    }
  }

  private static void assertSameResults(Accumulator expected, Accumulator actual, String context) {
    for (int slot = 0; slot < SLOTS; slot++) {
      // Double.equals compares bits: a restored accumulator must be bit-for-bit identical
      assertThat(result(actual, slot)).as(context + " slot " + slot).isEqualTo(result(expected, slot));
    }
  }

  private static long seed(RepetitionInfo info, Case c) {
    return info.getCurrentRepetition() * 1_000_003L + c.toString().hashCode();
  }

  // ---- cases ----

  /** One aggregate call under test. */
  record Case(AggregateKind kind, DataType type, int timeColumn) {
    boolean isRetractable() {
      return kind != AggregateKind.FIRST_VALUE && kind != AggregateKind.LAST_VALUE
          && kind != AggregateKind.APPROX_COUNT_DISTINCT && kind != AggregateKind.ARRAY_AGG;
    }

    boolean isExact() {
      return kind != AggregateKind.APPROX_COUNT_DISTINCT;
    }

    /** Variance over floating point carries rounding residue of retracted values; keep magnitudes small. */
    boolean hasWideValues() {
      return switch (kind) {
        case VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP -> false;
        default -> true;
      };
    }

    AccumulatorSpec spec() {
      return AccumulatorFixtures.spec(kind, type, timeColumn, -1);
    }

    Accumulator create() {
      Accumulator accumulator = Accumulators.create(spec());
      accumulator.ensureCapacity(SLOTS);
      return accumulator;
    }

    @Override
    public String toString() {
      return kind + "(" + type.sql() + (timeColumn >= 0 ? " by time" : "") + ")";
    }
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case(AggregateKind.COUNT_STAR, BIGINT, -1));
    cases.add(new Case(AggregateKind.COUNT, VARCHAR, -1));
    for (DataType t : List.of(INT, BIGINT, DOUBLE, DECIMAL)) {
      cases.add(new Case(AggregateKind.SUM, t, -1));
      cases.add(new Case(AggregateKind.AVG, t, -1));
    }
    for (DataType t : List.of(BIGINT, DOUBLE, VARCHAR, DECIMAL, BOOLEAN)) {
      cases.add(new Case(AggregateKind.MIN, t, -1));
      cases.add(new Case(AggregateKind.MAX, t, -1));
      cases.add(new Case(AggregateKind.COUNT_DISTINCT, t, -1));
    }
    for (AggregateKind k : List.of(AggregateKind.VAR_SAMP, AggregateKind.VAR_POP, AggregateKind.STDDEV_SAMP,
        AggregateKind.STDDEV_POP)) {
      cases.add(new Case(k, DOUBLE, -1));
    }
    cases.add(new Case(AggregateKind.VAR_SAMP, BIGINT, -1));
    cases.add(new Case(AggregateKind.STDDEV_POP, DECIMAL, -1));
    cases.add(new Case(AggregateKind.BOOL_AND, BOOLEAN, -1));
    cases.add(new Case(AggregateKind.BOOL_OR, BOOLEAN, -1));
    for (AggregateKind k : List.of(AggregateKind.FIRST_VALUE, AggregateKind.LAST_VALUE)) {
      cases.add(new Case(k, BIGINT, TIME));
      cases.add(new Case(k, DOUBLE, TIME));
      cases.add(new Case(k, DECIMAL, TIME));
      cases.add(new Case(k, VARCHAR, -1));
    }
    cases.add(new Case(AggregateKind.APPROX_COUNT_DISTINCT, BIGINT, -1));
    cases.add(new Case(AggregateKind.APPROX_COUNT_DISTINCT, VARCHAR, -1));
    cases.add(new Case(AggregateKind.ARRAY_AGG, BIGINT, TIME));
    cases.add(new Case(AggregateKind.ARRAY_AGG, VARCHAR, TIME));
    cases.add(new Case(AggregateKind.ARRAY_AGG, DOUBLE, -1));
    return cases;
  }

  // ---- random input ----

  static Object randomValue(SplittableRandom random, Case c) {
    if (random.nextInt(7) == 0) {
      return null;
    }
    boolean isWide = c.hasWideValues() && random.nextInt(10) == 0;
    DataType t = c.type();
    return switch (t.kind()) {
      case INT -> (long) random.nextInt(isWide ? Integer.MIN_VALUE : -20, isWide ? Integer.MAX_VALUE : 21);
      case BIGINT -> isWide ? random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L)
          : (long) random.nextInt(-20, 21);
      // quarters are exact in binary, so sums do not depend on the order of additions
      case DOUBLE -> random.nextInt(40) == 0 ? -0.0 : random.nextInt(-80, 81) / 4.0;
      case DECIMAL -> BigDecimal.valueOf(random.nextInt(-500, 501), 2);
      case BOOLEAN -> (long) random.nextInt(2);
      case VARCHAR -> {
        int length = random.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
          sb.append("abAB".charAt(random.nextInt(4)));
        }
        yield sb.toString();
      }
      default -> throw new IllegalArgumentException(t.toString());
    };
  }

  /** One add call: a batch with its slots, weights and include flags. */
  record Step(Batch batch, int[] slots, long[] weights, boolean[] include) {
    void applyTo(Accumulator accumulator) {
      accumulator.add(batch, slots, batch.rowCount(), weights, include);
    }

    Step withSlotsMapped(int from, int to) {
      int[] mapped = slots.clone();
      for (int i = 0; i < mapped.length; i++) {
        if (mapped[i] == from) {
          mapped[i] = to;
        }
      }
      return new Step(batch, mapped, weights, include);
    }
  }

  /** One copy of a row still present in a group. */
  record Row(Object value, long time, long arrival) {}

  /** The reference: per slot, every row copy still present. */
  static final class Model {
    private final List<List<Row>> slots = new ArrayList<>();
    private long nextArrival;

    Model() {
      for (int i = 0; i < SLOTS; i++) {
        slots.add(new ArrayList<>());
      }
    }

    /**
     * A random batch of rows for slots in {@code [firstSlot, firstSlot + slotCount)} (and a few for slot -1),
     * recorded in the model as it will be applied.
     */
    Step nextStep(SplittableRandom random, Case c, boolean isWeighted, boolean allowsRetraction,
        int firstSlot, int slotCount) {
      int n = 1 + random.nextInt(40);
      Object[] values = new Object[n];
      long[] times = new long[n];
      int[] rowSlots = new int[n];
      long[] weights = isWeighted ? new long[n] : null;
      boolean[] include = random.nextInt(4) == 0 ? new boolean[n] : null;
      for (int r = 0; r < n; r++) {
        int slot = random.nextInt(12) == 0 ? -1 : firstSlot + random.nextInt(slotCount);
        rowSlots[r] = slot;
        boolean isCounted = slot >= 0 && (include == null || (include[r] = random.nextInt(8) != 0));
        times[r] = random.nextInt(12);
        List<Row> present = slot >= 0 ? slots.get(slot) : null;
        if (allowsRetraction && present != null && !present.isEmpty() && random.nextInt(3) == 0) {
          Row victim = present.get(random.nextInt(present.size()));
          values[r] = victim.value();
          weights[r] = -1;
          if (isCounted) {
            present.remove(victim);
          }
          continue;
        }
        values[r] = randomValue(random, c);
        long weight = isWeighted ? (random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3)) : 1;
        if (isWeighted) {
          weights[r] = weight;
        }
        if (isCounted && weight > 0) {
          long arrival = nextArrival++;
          for (int k = 0; k < weight; k++) {
            present.add(new Row(values[r], times[r], arrival));
          }
        }
      }
      Batch batch = AccumulatorFixtures.batch(c.type(), values, times, null);
      return new Step(batch, rowSlots, weights, include);
    }

    /** The result of {@code c} over the rows present in {@code slot}, in storage form. */
    Object expected(Case c, int slot) {
      List<Row> rows = slots.get(slot);
      List<Object> values = new ArrayList<>();
      for (Row row : rows) {
        if (row.value() != null) {
          values.add(row.value());
        }
      }
      return switch (c.kind()) {
        case COUNT_STAR -> (long) rows.size();
        case COUNT -> (long) values.size();
        case COUNT_DISTINCT -> (long) distinct(values).size();
        case SUM -> values.isEmpty() ? null : sum(values);
        case AVG -> values.isEmpty() ? null : average(values);
        case MIN, MAX -> values.isEmpty() ? null : extreme(values, c.kind() == AggregateKind.MAX);
        case VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP -> variance(c.kind(), values);
        case BOOL_AND -> values.isEmpty() ? null : (values.contains(0L) ? 0L : 1L);
        case BOOL_OR -> values.isEmpty() ? null : (values.contains(1L) ? 1L : 0L);
        case FIRST_VALUE, LAST_VALUE -> firstOrLast(c, rows);
        case ARRAY_AGG -> arrayAgg(c, rows);
        case APPROX_COUNT_DISTINCT -> throw new IllegalArgumentException("approximate");
      };
    }

    private static Set<Object> distinct(List<Object> values) {
      Set<Object> set = new HashSet<>();
      for (Object v : values) {
        set.add(switch (v) {
          case Double d -> d == 0 ? 0.0 : d;
          case BigDecimal d -> d.stripTrailingZeros();
          default -> v;
        });
      }
      return set;
    }

    private static Object sum(List<Object> values) {
      return switch (values.get(0)) {
        case Long l -> {
          BigInteger sum = BigInteger.ZERO;
          for (Object v : values) {
            sum = sum.add(BigInteger.valueOf((Long) v));
          }
          yield sum.longValueExact();
        }
        case Double d -> {
          double sum = 0;
          for (Object v : values) {
            sum += (Double) v;
          }
          yield sum;
        }
        default -> {
          BigDecimal sum = BigDecimal.ZERO.setScale(2);
          for (Object v : values) {
            sum = sum.add((BigDecimal) v);
          }
          yield sum;
        }
      };
    }

    private static Object average(List<Object> values) {
      BigDecimal sum = BigDecimal.ZERO;
      for (Object v : values) {
        sum = sum.add(toDecimal(v));
      }
      return sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128).doubleValue();
    }

    private static BigDecimal toDecimal(Object v) {
      return switch (v) {
        case Long l -> BigDecimal.valueOf(l);
        case Double d -> new BigDecimal(d);
        default -> (BigDecimal) v;
      };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object extreme(List<Object> values, boolean isMax) {
      Comparator<Object> order = values.get(0) instanceof Double
          ? (a, b) -> Double.compare((Double) a, (Double) b)
          : (a, b) -> ((Comparable) a).compareTo(b);
      Object best = values.get(0);
      for (Object v : values) {
        int cmp = order.compare(v, best);
        if (isMax ? cmp > 0 : cmp < 0) {
          best = v;
        }
      }
      return best;
    }

    private static Object variance(AggregateKind kind, List<Object> values) {
      boolean isSample = kind == AggregateKind.VAR_SAMP || kind == AggregateKind.STDDEV_SAMP;
      int n = values.size();
      if (n == 0 || (isSample && n < 2)) {
        return null;
      }
      double mean = 0;
      for (Object v : values) {
        mean += toDecimal(v).doubleValue();
      }
      mean /= n;
      double squares = 0;
      for (Object v : values) {
        double d = toDecimal(v).doubleValue() - mean;
        squares += d * d;
      }
      double variance = squares / (isSample ? n - 1 : n);
      boolean isStddev = kind == AggregateKind.STDDEV_SAMP || kind == AggregateKind.STDDEV_POP;
      return isStddev ? Math.sqrt(variance) : variance;
    }

    /** All values, NULLs included, by event time (when the case has one) and then arrival. */
    private static Object arrayAgg(Case c, List<Row> rows) {
      if (rows.isEmpty()) {
        return null;
      }
      List<Row> sorted = new ArrayList<>(rows);
      sorted.sort((a, b) -> {
        long ta = c.timeColumn() >= 0 ? a.time() : 0;
        long tb = c.timeColumn() >= 0 ? b.time() : 0;
        return ta != tb ? Long.compare(ta, tb) : Long.compare(a.arrival(), b.arrival());
      });
      List<Object> values = new ArrayList<>();
      for (Row row : sorted) {
        values.add(row.value());
      }
      return values;
    }

    private static Object firstOrLast(Case c, List<Row> rows) {
      if (rows.isEmpty()) {
        return null;
      }
      boolean isLast = c.kind() == AggregateKind.LAST_VALUE;
      Row best = rows.get(0);
      for (Row row : rows) {
        long time = c.timeColumn() >= 0 ? row.time() : 0;
        long bestTime = c.timeColumn() >= 0 ? best.time() : 0;
        int cmp = time != bestTime ? Long.compare(time, bestTime) : Long.compare(row.arrival(), best.arrival());
        if (isLast ? cmp > 0 : cmp < 0) {
          best = row;
        }
      }
      return best.value();
    }
  }

  // ---- comparison ----

  static void assertMatches(Case c, Object actual, Object expected, String context) {
    if (expected instanceof Double e && actual instanceof Double a) {
      switch (c.kind()) {
        case AVG -> assertThat(a).as(context).isCloseTo(e, withinRelative(e, 1e-12));
        case VAR_SAMP, VAR_POP -> assertThat(a).as(context).isCloseTo(e, withinRelative(e, 1e-9));
        // near zero a square root magnifies rounding residue: compare the variances
        case STDDEV_SAMP, STDDEV_POP -> assertThat(a * a).as(context).isCloseTo(e * e, withinRelative(e * e, 1e-9));
        default -> assertThat(a).as(context).isEqualTo(e);
      }
      return;
    }
    assertThat(actual).as(context).isEqualTo(expected);
  }

  private static org.assertj.core.data.Offset<Double> withinRelative(double expected, double relative) {
    return org.assertj.core.data.Offset.offset(Math.max(1e-9, Math.abs(expected) * relative));
  }
}
