package io.laminardb.core.operator.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.TestOperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.operator.aggregate.AccumulatorSpec;
import io.laminardb.core.operator.aggregate.AggregateKind;
import io.laminardb.core.operator.aggregate.AggregateLayout;
import io.laminardb.core.operator.aggregate.AggregateSpec;
import io.laminardb.core.operator.aggregate.EmitMode;
import io.laminardb.core.operator.aggregate.GroupAggregateOperator;
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
 * Snapshot between steps, restore into a fresh operator, continue: the restored operator must emit exactly
 * what the uninterrupted one emits (the contract durability builds on).
 */
class AggregateSnapshotTest {
  private static final Schema INPUT = Schema.of(new Field("k", DataType.of(TypeKind.VARCHAR)),
      new Field("v", DataType.of(TypeKind.BIGINT)), new Field("ts", DataType.of(TypeKind.BIGINT)));

  enum Shape {
    TUMBLE_ON_WATERMARK,
    HOP_CHANGES,
    SESSION_ON_WATERMARK,
    SESSION_CHANGES,
    GROUP_CHANGES,
    GROUP_ON_UPDATE
  }

  private static AggregateSpec spec(EmitMode mode, boolean windowed) {
    List<Field> out = new ArrayList<>();
    out.add(new Field("k", DataType.of(TypeKind.VARCHAR)));
    if (windowed) {
      out.add(new Field("ws", DataType.of(TypeKind.TIMESTAMP)));
    }
    out.add(new Field("n", DataType.of(TypeKind.BIGINT)));
    out.add(new Field("s", DataType.of(TypeKind.BIGINT)));
    out.add(new Field("f", DataType.of(TypeKind.BIGINT)));
    int base = windowed ? 2 : 1;
    int weight = -1;
    if (mode == EmitMode.CHANGES) {
      weight = out.size();
      out.add(new Field("__weight", DataType.of(TypeKind.BIGINT)));
    }
    List<AccumulatorSpec> accumulators = List.of(
        new AccumulatorSpec(AggregateKind.COUNT_STAR, -1, null, -1, DataType.of(TypeKind.BIGINT), -1),
        new AccumulatorSpec(AggregateKind.SUM, 1, DataType.of(TypeKind.BIGINT), -1, DataType.of(TypeKind.BIGINT),
            -1),
        new AccumulatorSpec(AggregateKind.FIRST_VALUE, 1, DataType.of(TypeKind.BIGINT), 2,
            DataType.of(TypeKind.BIGINT), -1));
    AggregateLayout layout = new AggregateLayout(new int[] {0}, windowed ? 1 : -1, -1,
        new int[] {base, base + 1, base + 2}, weight);
    return new AggregateSpec(INPUT, new int[] {0}, accumulators, layout, new Schema(out), mode, -1, 0);
  }

  private static Supplier<Operator> factory(Shape shape) {
    return switch (shape) {
      case TUMBLE_ON_WATERMARK -> () -> new WindowAggregateOperator(spec(EmitMode.ON_WATERMARK, true),
          WindowSpec.tumble(100, 0), 2, 50);
      case HOP_CHANGES -> () -> new WindowAggregateOperator(spec(EmitMode.CHANGES, true),
          WindowSpec.hop(50, 150, 0), 2, 0);
      case SESSION_ON_WATERMARK -> () -> new SessionAggregateOperator(spec(EmitMode.ON_WATERMARK, true), 30,
          2, 20);
      case SESSION_CHANGES -> () -> new SessionAggregateOperator(spec(EmitMode.CHANGES, true), 30, 2, 0);
      case GROUP_CHANGES -> () -> new GroupAggregateOperator(spec(EmitMode.CHANGES, false));
      case GROUP_ON_UPDATE -> () -> new GroupAggregateOperator(spec(EmitMode.ON_UPDATE, false));
    };
  }

  /** Collects emitted rows as text, one list entry per step. */
  private static final class Recorder implements Output {
    final List<String> steps = new ArrayList<>();
    StringBuilder current = new StringBuilder();

    @Override
    public void emit(Batch batch) {
      List<String> rows = new ArrayList<>();
      for (int r = 0; r < batch.rowCount(); r++) {
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < batch.columnCount(); c++) {
          row.append(batch.getStored(c, r)).append(',');
        }
        rows.add(row.toString());
      }
      rows.sort(null);
      current.append(rows);
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
    op.onStepEnd();
    recorder.endStep();
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void restoredOperatorContinuesIdentically(Shape shape) throws Exception {
    SplittableRandom random = new SplittableRandom(shape.ordinal() + 7);
    List<Batch> batches = new ArrayList<>();
    List<Long> watermarks = new ArrayList<>();
    long time = 0;
    for (int s = 0; s < 40; s++) {
      Batch b = new Batch(INPUT, 8);
      int n = 1 + random.nextInt(6);
      for (int r = 0; r < n; r++) {
        time += random.nextInt(15);
        b.column(0).setStored(r, "k" + random.nextInt(3));
        b.column(1).setStored(r, (long) random.nextInt(100));
        b.column(2).setStored(r, time - random.nextInt(10));
      }
      b.setRowCount(n);
      batches.add(b);
      watermarks.add(time - 20);
    }
    Supplier<Operator> factory = factory(shape);
    Recorder original = new Recorder();
    Operator uninterrupted = open(factory, original);
    for (int i = 0; i < batches.size(); i++) {
      step(uninterrupted, original, batches.get(i), watermarks.get(i));
    }

    Recorder first = new Recorder();
    Operator before = open(factory, first);
    int cut = 17;
    for (int i = 0; i < cut; i++) {
      step(before, first, batches.get(i), watermarks.get(i));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    before.state().snapshot(new DataOutputStream(bytes));
    Recorder second = new Recorder();
    Operator after = open(factory, second);
    after.state().restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    for (int i = cut; i < batches.size(); i++) {
      step(after, second, batches.get(i), watermarks.get(i));
    }
    List<String> combined = new ArrayList<>(first.steps);
    combined.addAll(second.steps);
    assertThat(combined).isEqualTo(original.steps);
    assertThat(after.state().sizeBytes()).isPositive();
  }
}
