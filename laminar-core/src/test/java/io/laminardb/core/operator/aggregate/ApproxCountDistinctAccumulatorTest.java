package io.laminardb.core.operator.aggregate;

import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.BIGINT;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.DECIMAL;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.DOUBLE;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.VARCHAR;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.type.DataType;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Accuracy of the HyperLogLog sketch: 2^11 registers, standard error about 2.3%. */
class ApproxCountDistinctAccumulatorTest {
  private static final int BATCH = 1024;

  @ParameterizedTest
  @CsvSource({
      "BIGINT, 10000, 1", "BIGINT, 25000, 2", "BIGINT, 50000, 3", "BIGINT, 100000, 4",
      "VARCHAR, 10000, 5", "VARCHAR, 40000, 6", "VARCHAR, 100000, 7",
      "DOUBLE, 20000, 8", "DOUBLE, 100000, 9", "DECIMAL, 30000, 10"})
  void estimateIsWithinFivePercentAndMergesExactly(String typeName, int distinct, long seed) {
    DataType type = switch (typeName) {
      case "BIGINT" -> BIGINT;
      case "VARCHAR" -> VARCHAR;
      case "DOUBLE" -> DOUBLE;
      default -> DECIMAL;
    };
    SplittableRandom random = new SplittableRandom(seed);
    Accumulator approx = Accumulators.create(AccumulatorFixtures.spec(AggregateKind.APPROX_COUNT_DISTINCT, type));
    approx.ensureCapacity(3);
    long base = random.nextLong(1L << 40);
    Object[] values = new Object[BATCH];
    int[] slots = new int[BATCH];
    // every distinct value once into slot 0 and at random into slot 1 or 2, then again (duplicates)
    for (int pass = 0; pass < 2; pass++) {
      for (int start = 0; start < distinct; start += BATCH) {
        int n = Math.min(BATCH, distinct - start);
        for (int i = 0; i < n; i++) {
          values[i] = value(type, base + start + i);
        }
        Batch batch = AccumulatorFixtures.batch(type, java.util.Arrays.copyOf(values, n));
        approx.add(batch, new int[n], n, null, null);
        for (int i = 0; i < n; i++) {
          slots[i] = 1 + random.nextInt(2);
        }
        approx.add(batch, slots, n, null, null);
      }
      long estimate = (Long) result(approx, 0);
      assertThat(Math.abs(estimate - distinct) / (double) distinct)
          .as("estimate %d for %d distinct %s", estimate, distinct, typeName).isLessThan(0.05);
    }
    approx.merge(1, 2);
    assertThat(result(approx, 1)).as("merge is the register maximum").isEqualTo(result(approx, 0));
  }

  private static Object value(DataType type, long i) {
    return switch (type.kind()) {
      case BIGINT -> i;
      case VARCHAR -> "user-" + i;
      case DOUBLE -> i * 0.5;
      default -> BigDecimal.valueOf(i, 2);
    };
  }
}
