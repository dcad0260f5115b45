package io.laminardb.core.operator.over;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.Operator;
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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Snapshot between steps, restore into a fresh operator, continue: the restored analytic and top-N
 * operators must emit exactly what uninterrupted ones emit, at every cut point (held LEAD rows, rings,
 * running aggregates, pinned values and ranked rows all travel in the snapshot).
 */
class OverSnapshotTest {
  private static final DataType BIGINT = DataType.of(TypeKind.BIGINT);
  private static final Schema INPUT = Schema.of(new Field("k", DataType.of(TypeKind.VARCHAR)),
      new Field("v", BIGINT), new Field("d", DataType.of(TypeKind.DOUBLE)), new Field("ts", BIGINT));

  enum Shape {
    LAG_LEAD_FRAMES,
    ROW_NUMBER_UPSERT,
    RANK_CHANGES,
    DENSE_RANK_CHANGES,
    /** Rows keyed by ts % 8 (column 3 below) replace each other. */
    RANK_OVER_UPSERT_INPUT,
    /** Partitioned by a 50 ms window start (column 3) that the watermark closes: partitions are evicted. */
    ROW_NUMBER_EVICTING,
    LAG_EVICTING
  }

  private static boolean isEvicting(Shape shape) {
    return shape == Shape.ROW_NUMBER_EVICTING || shape == Shape.LAG_EVICTING;
  }

  private static Supplier<Operator> factory(Shape shape) {
    return switch (shape) {
      case LAG_LEAD_FRAMES -> () -> {
        List<AnalyticFunction> functions = List.of(
            new AnalyticFunction(AnalyticKind.LAG, 1, 2, 0, 0, -1, -5L, BIGINT),
            new AnalyticFunction(AnalyticKind.LEAD, 1, 2, 0, 0, 1, null, BIGINT),
            new AnalyticFunction(AnalyticKind.SUM, 2, 0, 3, 1, -1, null, DataType.of(TypeKind.DOUBLE)),
            new AnalyticFunction(AnalyticKind.MAX, 1, 0, -1, 2, -1, null, BIGINT),
            new AnalyticFunction(AnalyticKind.COUNT_STAR, -1, 0, -1, 0, -1, null, BIGINT),
            new AnalyticFunction(AnalyticKind.NTH_VALUE, 1, 3, -1, 1, -1, null, BIGINT),
            new AnalyticFunction(AnalyticKind.FIRST_VALUE, 2, 0, 2, 0, -1, null, DataType.of(TypeKind.DOUBLE)));
        List<Field> out = new ArrayList<>(INPUT.fields());
        for (int f = 0; f < functions.size(); f++) {
          out.add(new Field("f" + f, functions.get(f).resultType()));
        }
        return new AnalyticOperator(INPUT, new Schema(out), new int[] {0}, 3, functions, null, "analytic");
      };
      case ROW_NUMBER_UPSERT -> topN(RankKind.ROW_NUMBER, 3, false, null);
      case RANK_CHANGES -> topN(RankKind.RANK, 2, true, null);
      case DENSE_RANK_CHANGES -> topN(RankKind.DENSE_RANK, 2, true, null);
      case RANK_OVER_UPSERT_INPUT -> topN(RankKind.RANK, 2, true, new int[] {3});
      case ROW_NUMBER_EVICTING -> () -> new TopNOperator(INPUT, topNSchema(true), new int[] {3},
          new SortKey[] {new SortKey(1, true, true), new SortKey(2, false, false)}, RankKind.ROW_NUMBER, 2, true,
          true, null, new PartitionExpiry(0, 50), "top");
      case LAG_EVICTING -> () -> {
        List<AnalyticFunction> functions = List.of(
            new AnalyticFunction(AnalyticKind.LAG, 1, 1, 0, 0, -1, null, BIGINT),
            new AnalyticFunction(AnalyticKind.SUM, 2, 0, 2, 0, -1, null, DataType.of(TypeKind.DOUBLE)));
        List<Field> out = new ArrayList<>(INPUT.fields());
        for (int f = 0; f < functions.size(); f++) {
          out.add(new Field("f" + f, functions.get(f).resultType()));
        }
        return new AnalyticOperator(INPUT, new Schema(out), new int[] {3}, 3, functions,
            new PartitionExpiry(0, 50), "analytic");
      };
    };
  }

  private static Schema topNSchema(boolean isChanges) {
    List<Field> out = new ArrayList<>(INPUT.fields());
    out.add(new Field("r", BIGINT));
    if (isChanges) {
      out.add(new Field("__weight", BIGINT));
    }
    return new Schema(out);
  }

  private static Supplier<Operator> topN(RankKind kind, long limit, boolean isChanges, int[] upsertKey) {
    Schema out = topNSchema(isChanges);
    SortKey[] keys = {new SortKey(1, true, true), new SortKey(2, false, false)};
    return () -> new TopNOperator(INPUT, out, new int[] {0}, keys, kind, limit, isChanges, true,
        upsertKey, null, "top");
  }

  /** Collects emitted rows as text, one list entry per step (rows in emission order). */
  private static final class Recorder implements Output {
    final List<String> steps = new ArrayList<>();
    StringBuilder current = new StringBuilder();

    @Override
    public void emit(Batch batch) {
      for (int r = 0; r < batch.rowCount(); r++) {
        current.append('[');
        for (int c = 0; c < batch.columnCount(); c++) {
          current.append(batch.getStored(c, r)).append(',');
        }
        current.append(']');
      }
    }

    @Override
    public void emitWatermark(long watermark) {
      current.append(" wm=").append(watermark);
    }

    void endStep() {
      steps.add(current.toString());
      current = new StringBuilder();
    }
  }

  private static Operator open(Supplier<Operator> factory, Recorder recorder) {
    Operator op = factory.get();
    op.open(TestOperatorContext.INSTANCE, recorder);
    return op;
  }

  private static void step(Operator op, Recorder recorder, Batch batch, long watermark) {
    op.onBatch(0, batch);
    op.onWatermark(0, watermark);
    if (op.needsStepEnd()) {
      op.onStepEnd();
    }
    recorder.endStep();
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void restoredOperatorContinuesIdentically(Shape shape) throws Exception {
    SplittableRandom random = new SplittableRandom(shape.ordinal() + 11);
    List<Batch> batches = new ArrayList<>();
    List<Long> watermarks = new ArrayList<>();
    long time = 0;
    for (int s = 0; s < 50; s++) {
      Batch b = new Batch(INPUT, 8);
      int n = 1 + random.nextInt(6);
      for (int r = 0; r < n; r++) {
        time += random.nextInt(15);
        b.column(0).setStored(r, random.nextInt(8) == 0 ? null : "k" + random.nextInt(3));
        b.column(1).setStored(r, random.nextInt(6) == 0 ? null : (long) random.nextInt(20));
        b.column(2).setStored(r, (double) random.nextInt(100) / 4);
        long ts = time - random.nextInt(30);
        b.column(3).setStored(r, shape == Shape.RANK_OVER_UPSERT_INPUT ? (long) random.nextInt(8)
            : isEvicting(shape) ? ts / 50 * 50 : ts);
      }
      b.setRowCount(n);
      batches.add(b);
      watermarks.add(time - 25 - random.nextInt(20));
    }
    Supplier<Operator> factory = factory(shape);
    Recorder original = new Recorder();
    Operator uninterrupted = open(factory, original);
    for (int i = 0; i < batches.size(); i++) {
      step(uninterrupted, original, batches.get(i), watermarks.get(i));
    }
    assertThat(String.join("", original.steps)).contains("[");
    if (isEvicting(shape)) {
      // About 25 windows went by; only those the watermark has not closed are kept.
      var partitions = uninterrupted.state() instanceof TopNState t ? t.partitions
          : ((AnalyticState) uninterrupted.state()).partitions;
      assertThat(partitions.size()).isBetween(1, 3);
    }
    for (int cut = 1; cut < batches.size(); cut += 7) {
      Recorder first = new Recorder();
      Operator before = open(factory, first);
      for (int i = 0; i < cut; i++) {
        step(before, first, batches.get(i), watermarks.get(i));
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      before.state().snapshot(new DataOutputStream(bytes));
      Recorder second = new Recorder();
      Operator after = open(factory, second);
      after.state().restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      after.onWatermark(0, watermarks.get(cut - 1));
      if (after.needsStepEnd()) {
        after.onStepEnd();
      }
      second.current = new StringBuilder();
      for (int i = cut; i < batches.size(); i++) {
        step(after, second, batches.get(i), watermarks.get(i));
      }
      List<String> combined = new ArrayList<>(first.steps);
      combined.addAll(second.steps);
      assertThat(combined).as("cut at step %d", cut).isEqualTo(original.steps);
      if (!isEvicting(shape)) {
        assertThat(after.state().sizeBytes()).isPositive();
      }
    }
  }
}
