package io.laminardb.core.operator.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.TestOperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Snapshot between two steps, restore into a fresh operator of the same spec, continue: the restored
 * operator must emit exactly what the original emits from that point on (rows and watermarks), for the
 * interval join (every type) and the ASOF join (every direction).
 */
class JoinSnapshotTest {
  static final Schema SIDE = Schema.of(new Field("id", DataType.of(TypeKind.BIGINT)),
      new Field("k", DataType.of(TypeKind.VARCHAR)), new Field("ts", DataType.of(TypeKind.BIGINT)));

  /** One input step: rows for a port, or a watermark for it. */
  record Step(int port, List<Object[]> rows, long watermark) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void intervalJoinRestoredMidStreamContinuesIdentically(long seed) throws IOException {
    JoinType type = JoinType.values()[(int) (seed % JoinType.values().length)];
    JoinLayout layout = new JoinLayout(type, SIDE, SIDE, new int[] {1}, new int[] {1}, 2, 2);
    check(seed, () -> new IntervalJoinOperator(layout, -50, 120));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void asofJoinRestoredMidStreamContinuesIdentically(long seed) throws IOException {
    JoinLayout layout = new JoinLayout(JoinType.LEFT, SIDE, SIDE, new int[] {1}, new int[] {1}, 2, 2);
    AsofDirection direction = AsofDirection.values()[(int) (seed % 3)];
    check(seed, () -> new AsofJoinOperator(layout, direction, false, seed % 2 == 0 ? 80 : Long.MAX_VALUE, true,
        -1));
  }

  private static void check(long seed, Supplier<Operator> factory) throws IOException {
    List<Step> steps = steps(seed);
    int cut = steps.size() / 2;
    Operator original = factory.get();
    Recorder before = new Recorder();
    original.open(context(), before);
    for (Step s : steps.subList(0, cut)) {
      apply(original, s);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    original.state().snapshot(new DataOutputStream(bytes));
    assertThat(original.state().sizeBytes()).isPositive();

    Operator restored = factory.get();
    Recorder afterRestore = new Recorder();
    restored.open(context(), afterRestore);
    restored.state().restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    Recorder afterOriginal = new Recorder();
    original.open(context(), afterOriginal);
    for (Step s : steps.subList(cut, steps.size())) {
      apply(original, s);
      apply(restored, s);
      assertThat(afterRestore.sortedStep()).as("seed %d step output", seed).isEqualTo(afterOriginal.sortedStep());
    }
    assertThat(afterRestore.watermarks).isEqualTo(afterOriginal.watermarks);
    assertThat(afterRestore.total).isPositive();
  }

  private static List<Step> steps(long seed) {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    List<Step> steps = new ArrayList<>();
    long[] time = {0, 0};
    long id = 0;
    for (int i = 0; i < 120; i++) {
      int port = rnd.nextInt(2);
      if (rnd.nextInt(4) == 0) {
        steps.add(new Step(port, null, time[port] - 100));
        continue;
      }
      List<Object[]> rows = new ArrayList<>();
      for (int r = 0, n = 1 + rnd.nextInt(4); r < n; r++) {
        int k = rnd.nextInt(5);
        rows.add(new Object[] {id++, k == 4 ? null : "k" + k, time[port] + rnd.nextInt(100)});
        time[port] += rnd.nextInt(30);
      }
      steps.add(new Step(port, rows, 0));
    }
    return steps;
  }

  private static void apply(Operator op, Step s) {
    if (s.rows() == null) {
      op.onWatermark(s.port(), s.watermark());
      return;
    }
    Batch b = new Batch(SIDE, s.rows().size());
    for (int r = 0; r < s.rows().size(); r++) {
      for (int c = 0; c < 3; c++) {
        b.column(c).setStored(r, s.rows().get(r)[c]);
      }
    }
    b.setRowCount(s.rows().size());
    op.onBatch(s.port(), b);
  }

  private static OperatorContext context() {
    return TestOperatorContext.INSTANCE;
  }

  private static final class Recorder implements Output {
    final List<String> step = new ArrayList<>();
    final List<Long> watermarks = new ArrayList<>();
    int total;

    @Override
    public void emit(Batch batch) {
      for (int r = 0; r < batch.rowCount(); r++) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < batch.columnCount(); c++) {
          sb.append(batch.getStored(c, r)).append('|');
        }
        step.add(sb.toString());
        total++;
      }
    }

    @Override
    public void emitWatermark(long watermark) {
      watermarks.add(watermark);
    }

    List<String> sortedStep() {
      List<String> copy = new ArrayList<>(step);
      java.util.Collections.sort(copy);
      step.clear();
      return copy;
    }
  }
}
