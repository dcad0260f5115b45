package io.laminardb.core.operator.aggregate;

import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.BIGINT;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.BOOLEAN;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.DECIMAL;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.DOUBLE;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.FILTER;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.INT;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.TIME;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.VARCHAR;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.add;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.allIn;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.batch;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.create;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.result;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.slots;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.TypeKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AccumulatorsTest {
  // ---- COUNT ----

  @Test
  void countStarAddsWeightsOfAllRowsIncludingNulls() {
    Accumulator count = create(AggregateKind.COUNT_STAR, BIGINT);
    Batch b = batch(BIGINT, 1, null, 3, 4);
    add(count, b, slots(0, 1, 0, 1));
    assertThat(result(count, 0)).isEqualTo(2L);
    assertThat(result(count, 1)).isEqualTo(2L);
    count.add(b, slots(0, 1, 0, 1), 4, new long[] {3, -1, -2, 0}, null);
    assertThat(result(count, 0)).isEqualTo(3L);
    assertThat(result(count, 1)).isEqualTo(1L);
    assertThat(result(count, 2)).isEqualTo(0L);
    assertThat(count.resultType().kind()).isEqualTo(TypeKind.BIGINT);
  }

  @Test
  void countOfArgumentSkipsNulls() {
    Accumulator count = create(AggregateKind.COUNT, VARCHAR);
    add(count, batch(VARCHAR, "a", null, "b", null), slots(0, 0, 1, 1));
    assertThat(result(count, 0)).isEqualTo(1L);
    assertThat(result(count, 1)).isEqualTo(1L);
    assertThat(result(count, 2)).isEqualTo(0L);
  }

  // ---- SUM ----

  @Test
  void sumOfIntIsBigintAndNullWithoutNonNullInput() {
    Accumulator sum = create(AggregateKind.SUM, INT);
    assertThat(sum.resultType().kind()).isEqualTo(TypeKind.BIGINT);
    add(sum, batch(INT, 2_000_000_000, 2_000_000_000, null, null), slots(0, 0, 1, 1));
    assertThat(result(sum, 0)).isEqualTo(4_000_000_000L);
    assertThat(result(sum, 1)).isNull();
    assertThat(result(sum, 2)).isNull();
  }

  @Test
  void sumIsNullAgainAfterAllInputsAreRetracted() {
    Accumulator sum = create(AggregateKind.SUM, BIGINT);
    Batch b = batch(BIGINT, 5, 0);
    sum.add(b, slots(0, 0), 2, new long[] {1, 1}, null);
    assertThat(result(sum, 0)).isEqualTo(5L);
    sum.add(b, slots(0, 0), 2, new long[] {-1, -1}, null);
    assertThat(result(sum, 0)).isNull();
  }

  @Test
  void bigintOverflowFailsWhenWrittenButTransientOverflowIsExact() {
    Accumulator sum = create(AggregateKind.SUM, BIGINT);
    Batch b = batch(BIGINT, Long.MAX_VALUE, 1);
    add(sum, b, slots(0, 0));
    assertThatThrownBy(() -> result(sum, 0))
        .isInstanceOfSatisfying(LaminarException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUERY_EXECUTION));
    sum.add(b, slots(0, 0), 2, new long[] {0, -1}, null);
    assertThat(result(sum, 0)).isEqualTo(Long.MAX_VALUE);
    // the 128-bit state also handles weight * value beyond 64 bits
    sum.add(batch(BIGINT, Long.MAX_VALUE, Long.MIN_VALUE), slots(1, 1), 2, new long[] {4, 3}, null);
    assertThat(result(sum, 1)).isEqualTo(Long.MAX_VALUE - 3);
  }

  @Test
  void sumOfIntWithIntResultChecksRange() {
    AccumulatorSpec s = new AccumulatorSpec(AggregateKind.SUM, 0, INT, -1, INT, -1);
    Accumulator sum = Accumulators.create(s);
    add(sum, batch(INT, Integer.MAX_VALUE, 1), slots(0, 0));
    assertThatThrownBy(() -> result(sum, 0)).isInstanceOf(LaminarException.class)
        .hasMessageContaining("LDB-7001");
  }

  @Test
  void sumOfDoubleKeepsNanAndInfinityRetractable() {
    Accumulator sum = create(AggregateKind.SUM, DOUBLE);
    Batch b = batch(DOUBLE, 1.5, Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY, 2.0);
    sum.add(b, slots(0, 0, 1, 2, 2), 5, new long[] {1, 1, 1, 1, 1}, null);
    assertThat(result(sum, 0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(result(sum, 1)).isEqualTo(Double.NaN);
    assertThat(result(sum, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
    sum.add(b, slots(0, 0, 1, 2, 2), 5, new long[] {0, -1, 0, -1, 0}, null);
    assertThat(result(sum, 0)).isEqualTo(1.5);
    assertThat(result(sum, 2)).isEqualTo(2.0);
  }

  @Test
  void sumOfDoubleRestartsFromZeroWhenEmptied() {
    Accumulator sum = create(AggregateKind.SUM, DOUBLE);
    Batch b = batch(DOUBLE, 0.1, 1e20);
    sum.add(b, slots(0, 0), 2, new long[] {1, 1}, null);
    sum.add(b, slots(0, 0), 2, new long[] {-1, -1}, null);
    assertThat(result(sum, 0)).isNull();
    add(sum, batch(DOUBLE, 0.25), slots(0), new long[] {1});
    assertThat(result(sum, 0)).isEqualTo(0.25);
  }

  @Test
  void sumOfDecimalIsExactAtTheResultScale() {
    Accumulator sum = create(AggregateKind.SUM, DECIMAL);
    assertThat(sum.resultType()).isEqualTo(DataType.of(TypeKind.DECIMAL, 38, 2));
    Batch b = batch(DECIMAL, new BigDecimal("1.50"), new BigDecimal("2.25"), null, new BigDecimal("0.1"));
    add(sum, b, slots(0, 0, 1, 0));
    assertThat(result(sum, 0)).isEqualTo(new BigDecimal("3.85"));
    assertThat(result(sum, 1)).isNull();
    sum.add(b, slots(0, 0, 0, 0), 4, new long[] {-1, 2, 5, 0}, null);
    assertThat(result(sum, 0)).isEqualTo(new BigDecimal("6.85"));
  }

  // ---- AVG ----

  @Test
  void avgIsDouble() {
    Accumulator avg = create(AggregateKind.AVG, BIGINT);
    assertThat(avg.resultType().kind()).isEqualTo(TypeKind.DOUBLE);
    add(avg, batch(BIGINT, 1, 2, null, 7), slots(0, 0, 0, 1));
    assertThat(result(avg, 0)).isEqualTo(1.5);
    assertThat(result(avg, 1)).isEqualTo(7.0);
    assertThat(result(avg, 2)).isNull();
    avg.add(batch(BIGINT, 2), slots(0), 1, new long[] {-1}, null);
    assertThat(result(avg, 0)).isEqualTo(1.0);
  }

  @Test
  void avgOfDecimalAndOfHugeIntegers() {
    Accumulator avg = create(AggregateKind.AVG, DECIMAL);
    add(avg, batch(DECIMAL, new BigDecimal("1.00"), new BigDecimal("0.50"), new BigDecimal("0.25")),
        slots(0, 0, 0));
    assertThat((Double) result(avg, 0)).isCloseTo(1.75 / 3, within(1e-15));

    Accumulator big = create(AggregateKind.AVG, BIGINT);
    add(big, batch(BIGINT, Long.MAX_VALUE, Long.MAX_VALUE), slots(0, 0));
    assertThat(result(big, 0)).isEqualTo((double) Long.MAX_VALUE);

    AccumulatorSpec decimalResult = new AccumulatorSpec(AggregateKind.AVG, 0, DECIMAL, -1, DECIMAL, -1);
    Accumulator exact = Accumulators.create(decimalResult);
    add(exact, batch(DECIMAL, new BigDecimal("1.00"), new BigDecimal("2.00"), new BigDecimal("2.00")),
        slots(0, 0, 0));
    assertThat(result(exact, 0)).isEqualTo(new BigDecimal("1.67"));
  }

  // ---- MIN / MAX ----

  @Test
  void minAndMaxIgnoreNulls() {
    Accumulator min = create(AggregateKind.MIN, BIGINT);
    Accumulator max = create(AggregateKind.MAX, BIGINT);
    Batch b = batch(BIGINT, 5, null, -3, 8, null);
    for (Accumulator a : new Accumulator[] {min, max}) {
      add(a, b, slots(0, 0, 0, 0, 1));
    }
    assertThat(result(min, 0)).isEqualTo(-3L);
    assertThat(result(max, 0)).isEqualTo(8L);
    assertThat(result(min, 1)).isNull();
    assertThat(result(max, 2)).isNull();
  }

  @Test
  void minAndMaxOfDoublesUseTotalOrder() {
    Accumulator min = create(AggregateKind.MIN, DOUBLE);
    Accumulator max = create(AggregateKind.MAX, DOUBLE);
    Batch b = batch(DOUBLE, 0.0, -0.0, Double.NaN, -1.5, Double.NEGATIVE_INFINITY, 0.0, -0.0);
    for (Accumulator a : new Accumulator[] {min, max}) {
      add(a, b, slots(0, 0, 0, 0, 0, 1, 1));
    }
    assertThat(result(min, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(result(max, 0)).isEqualTo(Double.NaN);
    assertThat(result(min, 1)).isEqualTo(-0.0);
    assertThat(result(max, 1)).isEqualTo(0.0);
  }

  @Test
  void minAndMaxOfStringsDecimalsAndBooleans() {
    Accumulator minText = create(AggregateKind.MIN, VARCHAR);
    Accumulator maxText = create(AggregateKind.MAX, VARCHAR);
    Batch text = batch(VARCHAR, "pear", "apple", null, "zebra", "Zulu");
    add(minText, text, allIn(0, 5));
    add(maxText, text, allIn(0, 5));
    assertThat(result(minText, 0)).isEqualTo("Zulu");
    assertThat(result(maxText, 0)).isEqualTo("zebra");

    Accumulator maxDecimal = create(AggregateKind.MAX, DECIMAL);
    add(maxDecimal, batch(DECIMAL, new BigDecimal("9.5"), new BigDecimal("10.00"), new BigDecimal("-11")),
        allIn(0, 3));
    assertThat(result(maxDecimal, 0)).isEqualTo(new BigDecimal("10.00"));

    Accumulator minBool = create(AggregateKind.MIN, BOOLEAN);
    add(minBool, batch(BOOLEAN, true, false, true), allIn(0, 3));
    assertThat(result(minBool, 0)).isEqualTo(0L);
  }

  @Test
  void minMaxRetractsExactlyOnChangelogInput() {
    for (DataType type : new DataType[] {BIGINT, DOUBLE, VARCHAR}) {
      Accumulator min = create(AggregateKind.MIN, type);
      Object[] values = type == VARCHAR ? new Object[] {"c", "a", "b", "a"}
          : type == DOUBLE ? new Object[] {3.0, 1.0, 2.0, 1.0} : new Object[] {3L, 1L, 2L, 1L};
      Batch b = batch(type, values);
      min.add(b, allIn(0, 4), 4, new long[] {1, 1, 1, 1}, null);
      assertThat(result(min, 0)).isEqualTo(values[1]);
      min.add(b, allIn(0, 4), 4, new long[] {0, -1, 0, 0}, null);
      assertThat(result(min, 0)).as("one copy of the minimum is left").isEqualTo(values[1]);
      min.add(b, allIn(0, 4), 4, new long[] {0, 0, 0, -1}, null);
      assertThat(result(min, 0)).isEqualTo(values[2]);
      min.add(b, allIn(0, 4), 4, new long[] {-1, 0, -1, 0}, null);
      assertThat(result(min, 0)).isNull();
      min.add(b, allIn(0, 4), 4, new long[] {2, 0, 0, 0}, null);
      assertThat(result(min, 0)).isEqualTo(values[0]);
    }
  }

  @Test
  void minMaxSummaryGroupsRetractWhatTheyCanAndRefuseTheRest() {
    Accumulator max = create(AggregateKind.MAX, BIGINT);
    Batch b = batch(BIGINT, 1, 5, 5, 3);
    add(max, b, allIn(0, 4)); // no weights: summary of {1, 3, 5, 5}
    max.add(b, allIn(0, 4), 4, new long[] {-1, -1, 0, 0}, null);
    assertThat(result(max, 0)).isEqualTo(5L);
    max.add(b, allIn(0, 4), 4, new long[] {0, 0, -1, 0}, null); // {3}, but the summary only knows "< 5"
    assertThatThrownBy(() -> result(max, 0))
        .isInstanceOfSatisfying(LaminarException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL));
    add(max, batch(BIGINT, 4), slots(0)); // 4 > 3, but the summary cannot know
    assertThatThrownBy(() -> result(max, 0)).isInstanceOf(LaminarException.class);
    add(max, batch(BIGINT, 5), slots(0)); // at least the old extreme: known again
    assertThat(result(max, 0)).isEqualTo(5L);

    Accumulator emptied = create(AggregateKind.MAX, BIGINT);
    add(emptied, b, allIn(0, 4));
    emptied.add(b, allIn(0, 4), 4, new long[] {-1, -1, -1, -1}, null);
    assertThat(result(emptied, 0)).isNull();
  }

  @Test
  void minMaxMergeAcrossRepresentations() {
    Accumulator max = create(AggregateKind.MAX, BIGINT);
    max.add(batch(BIGINT, 4, 9), slots(0, 0), 2, new long[] {1, 1}, null); // slot 0: multiset
    add(max, batch(BIGINT, 9, 2), slots(1, 1)); // slot 1: summary
    max.merge(0, 1);
    assertThat(result(max, 0)).isEqualTo(9L);
    // the merged group knows the extreme has multiplicity 2
    max.add(batch(BIGINT, 9), slots(0), 1, new long[] {-1}, null);
    assertThat(result(max, 0)).isEqualTo(9L);
    max.merge(2, 0);
    assertThat(result(max, 2)).isEqualTo(9L);
  }

  // ---- FIRST_VALUE / LAST_VALUE ----

  @Test
  void firstAndLastFollowEventTimeWithTiesByArrival() {
    Accumulator first = Accumulators.create(spec(AggregateKind.FIRST_VALUE, VARCHAR, TIME, -1));
    Accumulator last = Accumulators.create(spec(AggregateKind.LAST_VALUE, VARCHAR, TIME, -1));
    Batch b = batch(VARCHAR, new Object[] {"b", "a1", "a2", "c1", "c2", "z"}, new long[] {20, 10, 10, 30, 30, 5},
        null);
    int[] s = slots(0, 0, 0, 0, 0, 1);
    add(first, b, s);
    add(last, b, s);
    assertThat(result(first, 0)).isEqualTo("a1");
    assertThat(result(last, 0)).isEqualTo("c2");
    // a later batch with equal times: FIRST keeps the earlier arrival, LAST takes the later one
    Batch later = batch(VARCHAR, new Object[] {"a3", "c3"}, new long[] {10, 30}, null);
    add(first, later, slots(0, 0));
    add(last, later, slots(0, 0));
    assertThat(result(first, 0)).isEqualTo("a1");
    assertThat(result(last, 0)).isEqualTo("c3");
    assertThat(result(first, 1)).isEqualTo("z");
    assertThat(result(last, 2)).isNull();
  }

  @Test
  void firstAndLastUseArrivalOrderWithoutTimeColumnAndRespectNulls() {
    Accumulator first = create(AggregateKind.FIRST_VALUE, BIGINT);
    Accumulator last = create(AggregateKind.LAST_VALUE, BIGINT);
    Batch b = batch(BIGINT, new Object[] {null, 7, 8, null}, new long[] {9, 1, 5, 0}, null);
    add(first, b, slots(0, 0, 1, 1));
    add(last, b, slots(0, 0, 1, 1));
    assertThat(result(first, 0)).isNull(); // the first row's value is NULL
    assertThat(result(last, 0)).isEqualTo(7L);
    assertThat(result(first, 1)).isEqualTo(8L);
    assertThat(result(last, 1)).isNull();
  }

  @Test
  void firstAndLastIgnoreRowsWithoutEventTimeAndRefuseRetraction() {
    Accumulator first = Accumulators.create(spec(AggregateKind.FIRST_VALUE, DOUBLE, TIME, -1));
    Batch b = batch(DOUBLE, new Object[] {1.0, 2.0}, new long[] {0, 5}, null);
    AccumulatorFixtures.setNull(b, TIME, 0);
    add(first, b, slots(0, 0));
    assertThat(result(first, 0)).isEqualTo(2.0);
    assertThat(first.canRetract()).isFalse();
    assertThatThrownBy(() -> first.add(b, slots(0, 0), 2, new long[] {1, -1}, null))
        .isInstanceOfSatisfying(LaminarException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.SQL_UNSUPPORTED);
          assertThat(e.getMessage()).contains("cannot compute FIRST_VALUE over a changelog stream");
        });
  }

  @Test
  void firstAndLastMergeKeepsTheirTieRule() {
    Accumulator first = Accumulators.create(spec(AggregateKind.FIRST_VALUE, BIGINT, TIME, -1));
    Accumulator last = Accumulators.create(spec(AggregateKind.LAST_VALUE, BIGINT, TIME, -1));
    Batch b = batch(BIGINT, new Object[] {1, 2, 3, 4}, new long[] {7, 7, 7, 7}, null);
    int[] s = slots(1, 0, 1, 0);
    add(first, b, s);
    add(last, b, s);
    first.merge(0, 1);
    last.merge(0, 1);
    assertThat(result(first, 0)).isEqualTo(1L);
    assertThat(result(last, 0)).isEqualTo(4L);
  }

  // ---- variance family ----

  @Test
  void varianceFamilyOnAKnownSample() {
    Object[] data = {2, 4, 4, 4, 5, 5, 7, 9, null};
    Batch b = batch(BIGINT, data);
    double[] expected = {32.0 / 7, 4.0, Math.sqrt(32.0 / 7), 2.0};
    AggregateKind[] kinds = {AggregateKind.VAR_SAMP, AggregateKind.VAR_POP, AggregateKind.STDDEV_SAMP,
        AggregateKind.STDDEV_POP};
    for (int i = 0; i < kinds.length; i++) {
      Accumulator a = create(kinds[i], BIGINT);
      assertThat(a.resultType().kind()).isEqualTo(TypeKind.DOUBLE);
      add(a, b, allIn(0, data.length));
      assertThat((Double) result(a, 0)).as(kinds[i].name()).isCloseTo(expected[i], within(1e-12));
      assertThat(result(a, 1)).isNull();
    }
  }

  @Test
  void sampleVariantsNeedTwoValuesAndRetractionReturnsToIt() {
    Accumulator sample = create(AggregateKind.VAR_SAMP, DOUBLE);
    Accumulator population = create(AggregateKind.VAR_POP, DOUBLE);
    Batch b = batch(DOUBLE, 1.5, 1e9 + 0.5, null);
    for (Accumulator a : new Accumulator[] {sample, population}) {
      a.add(b, allIn(0, 3), 3, new long[] {1, 0, 1}, null);
    }
    assertThat(result(sample, 0)).isNull();
    assertThat(result(population, 0)).isEqualTo(0.0);
    for (Accumulator a : new Accumulator[] {sample, population}) {
      a.add(b, allIn(0, 3), 3, new long[] {0, 1, 0}, null);
      a.add(b, allIn(0, 3), 3, new long[] {0, -1, 0}, null);
    }
    assertThat(result(sample, 0)).isNull();
    assertThat(result(population, 0)).isEqualTo(0.0);
    add(sample, batch(DOUBLE, Double.POSITIVE_INFINITY), slots(0), new long[] {1});
    assertThat(result(sample, 0)).isEqualTo(Double.NaN);
    add(sample, batch(DOUBLE, Double.POSITIVE_INFINITY), slots(0), new long[] {-1});
    assertThat(result(sample, 0)).isNull();
  }

  // ---- BOOL_AND / BOOL_OR ----

  @Test
  void boolAndOrWithNullsAndRetraction() {
    Accumulator and = create(AggregateKind.BOOL_AND, BOOLEAN);
    Accumulator or = create(AggregateKind.BOOL_OR, BOOLEAN);
    Batch b = batch(BOOLEAN, true, false, null, true, null);
    int[] s = slots(0, 0, 0, 1, 2);
    for (Accumulator a : new Accumulator[] {and, or}) {
      a.add(b, s, 5, new long[] {1, 1, 1, 1, 1}, null);
    }
    assertThat(result(and, 0)).isEqualTo(0L);
    assertThat(result(or, 0)).isEqualTo(1L);
    assertThat(result(and, 1)).isEqualTo(1L);
    assertThat(result(and, 2)).isNull();
    for (Accumulator a : new Accumulator[] {and, or}) {
      a.add(b, s, 5, new long[] {0, -1, 0, 0, 0}, null);
    }
    assertThat(result(and, 0)).isEqualTo(1L);
    for (Accumulator a : new Accumulator[] {and, or}) {
      a.add(b, s, 5, new long[] {-1, 0, 0, 0, 0}, null);
    }
    assertThat(result(and, 0)).isNull();
    assertThat(result(or, 0)).isNull();
  }

  // ---- COUNT(DISTINCT) ----

  @Test
  void countDistinctUsesSqlEquality() {
    Accumulator doubles = create(AggregateKind.COUNT_DISTINCT, DOUBLE);
    add(doubles, batch(DOUBLE, 0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L), 1.0, null),
        allIn(0, 6));
    assertThat(result(doubles, 0)).isEqualTo(3L);

    Accumulator decimals = create(AggregateKind.COUNT_DISTINCT, DECIMAL);
    add(decimals, batch(DECIMAL, new BigDecimal("1.0"), new BigDecimal("1.00"), new BigDecimal("0.00"),
        BigDecimal.ZERO), allIn(0, 4));
    assertThat(result(decimals, 0)).isEqualTo(2L);

    Accumulator text = create(AggregateKind.COUNT_DISTINCT, VARCHAR);
    add(text, batch(VARCHAR, "a", "b", "a", null), slots(0, 0, 0, 1));
    assertThat(result(text, 0)).isEqualTo(2L);
    assertThat(result(text, 1)).isEqualTo(0L);

    Accumulator bytes = create(AggregateKind.COUNT_DISTINCT, DataType.of(TypeKind.BINARY));
    add(bytes, batch(DataType.of(TypeKind.BINARY), new byte[] {1, 2}, new byte[] {1, 2}, new byte[] {2}),
        allIn(0, 3));
    assertThat(result(bytes, 0)).isEqualTo(2L);
  }

  @Test
  void countDistinctRetractsWhenTheLastCopyLeaves() {
    Accumulator distinct = create(AggregateKind.COUNT_DISTINCT, BIGINT);
    Batch b = batch(BIGINT, 1, 1, 2);
    distinct.add(b, allIn(0, 3), 3, new long[] {1, 2, 1}, null);
    assertThat(result(distinct, 0)).isEqualTo(2L);
    distinct.add(b, allIn(0, 3), 3, new long[] {-1, -1, 0}, null);
    assertThat(result(distinct, 0)).isEqualTo(2L);
    distinct.add(b, allIn(0, 3), 3, new long[] {-1, 0, -1}, null);
    assertThat(result(distinct, 0)).isEqualTo(0L);
  }

  // ---- APPROX_COUNT_DISTINCT ----

  @Test
  void approxCountDistinctIsExactForTinySetsAndRefusesRetraction() {
    Accumulator approx = create(AggregateKind.APPROX_COUNT_DISTINCT, VARCHAR);
    add(approx, batch(VARCHAR, "a", "b", "a", null, "c"), allIn(0, 5));
    assertThat(result(approx, 0)).isEqualTo(3L);
    assertThat(result(approx, 1)).isEqualTo(0L);
    assertThat(approx.canRetract()).isFalse();
    assertThatThrownBy(() -> approx.add(batch(VARCHAR, "a"), slots(0), 1, new long[] {-1}, null))
        .isInstanceOfSatisfying(LaminarException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SQL_UNSUPPORTED));
  }

  // ---- filtering, slots, capacity ----

  @Test
  void rowsAreSkippedByIncludeByFilterColumnAndByNegativeSlot() {
    AccumulatorSpec filtered = spec(AggregateKind.SUM, BIGINT, -1, FILTER);
    Accumulator sum = Accumulators.create(filtered);
    Batch b = batch(BIGINT, new Object[] {1, 2, 4, 8, 16, 32}, null,
        new Boolean[] {true, false, true, true, true, null});
    boolean[] include = {true, true, true, false, true, true};
    sum.add(b, slots(0, 0, -1, 0, 0, 0), 6, null, include);
    assertThat(result(sum, 0)).isEqualTo(17L);

    Accumulator unfiltered = create(AggregateKind.COUNT_STAR, BIGINT);
    unfiltered.add(b, slots(0, 0, -1, 0, 0, 0), 6, null, include);
    assertThat(result(unfiltered, 0)).isEqualTo(4L);
  }

  @Test
  void growingKeepsStateAndClearResets() {
    for (AggregateKind kind : AggregateKind.values()) {
      DataType type = kind == AggregateKind.BOOL_AND || kind == AggregateKind.BOOL_OR ? BOOLEAN : BIGINT;
      Accumulator a = create(kind, type);
      add(a, batch(type, 1), slots(2));
      Object before = result(a, 2);
      a.ensureCapacity(1000);
      add(a, batch(type, 1), slots(999));
      assertThat(result(a, 2)).as(kind.name()).isEqualTo(before);
      assertThat(result(a, 999)).as(kind.name()).isEqualTo(before);
      a.clear(2);
      assertThat(result(a, 2)).as(kind.name()).isEqualTo(result(a, 0));
      assertThat(a.sizeBytes(1000)).as(kind.name()).isGreaterThan(a.sizeBytes(10)).isPositive();
    }
  }

  @Test
  void writeSetsTheNullFlagAtTheGivenRow() {
    Accumulator sum = create(AggregateKind.SUM, BIGINT);
    add(sum, batch(BIGINT, 5), slots(1));
    LongColumn out = new LongColumn(4);
    sum.write(0, out, 2);
    assertThat(out.nulls[2]).isTrue();
    sum.write(1, out, 2);
    assertThat(out.nulls[2]).isFalse();
    assertThat(out.values[2]).isEqualTo(5L);

    Accumulator max = create(AggregateKind.MAX, VARCHAR);
    ObjectColumn text = new ObjectColumn(2);
    text.setStored(1, "stale");
    max.write(0, text, 1);
    assertThat(text.nulls[1]).isTrue();
    assertThat(text.values[1]).isNull();
  }

  @Test
  void resultTypeDefaultsWhenTheSpecHasNone() {
    Accumulator sum = Accumulators.create(new AccumulatorSpec(AggregateKind.SUM, 0, DOUBLE, -1, null, -1));
    assertThat(sum.resultType().kind()).isEqualTo(TypeKind.DOUBLE);
    assertThat(Accumulators.resultType(AggregateKind.COUNT_STAR, null).nullable()).isFalse();
    assertThat(Accumulators.resultType(AggregateKind.MAX, VARCHAR).kind()).isEqualTo(TypeKind.VARCHAR);
  }

  @Test
  void argumentTypesOutsideTheFunctionsDomainAreRejected() {
    assertThatThrownBy(() -> Accumulators.create(spec(AggregateKind.SUM, VARCHAR)))
        .isInstanceOfSatisfying(LaminarException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SQL_TYPE_MISMATCH));
    assertThatThrownBy(() -> Accumulators.create(spec(AggregateKind.BOOL_OR, BIGINT)))
        .isInstanceOf(LaminarException.class);
    assertThatThrownBy(() -> Accumulators.create(spec(AggregateKind.STDDEV_POP, VARCHAR)))
        .isInstanceOf(LaminarException.class);
  }
}
