package io.laminardb.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.time.ManualClock;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.plan.QueryPlan;
import io.laminardb.core.plan.ScanSpec;
import io.laminardb.core.plan.UnionSpec;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepLoopTest {
  private final Schema schema = Schema.of(new Field("ts", DataType.of(TypeKind.BIGINT)));

  private Batch rows(long... values) {
    Batch b = new Batch(schema, values.length);
    for (int i = 0; i < values.length; i++) {
      b.longColumn(0).values[i] = values[i];
    }
    b.setRowCount(values.length);
    return b;
  }

  @Test
  void stepsRunInOrderAndCascadesFinishWithinTheStep() {
    Pipeline pipeline = new Pipeline(new ManualClock());
    StepLoop loop = new StepLoop(pipeline);
    SourceNode a = new SourceNode("a", schema, pipeline, 0, 1, 10);
    SourceNode b = new SourceNode("b", schema, pipeline, -1, 1, 0);
    pipeline.addSource(a);
    pipeline.addSource(b);
    QueryRuntime union = pipeline.prepareQuery("u", new QueryPlan(new UnionSpec(List.of(
        new ScanSpec("a", schema), new ScanSpec("b", schema)), schema), schema));
    QueryRuntime cascade = pipeline.prepareQuery("c", new QueryPlan(new ScanSpec("u", schema), schema));
    loop.runControl(() -> pipeline.activate(union));
    loop.runControl(() -> pipeline.activate(cascade));
    List<Long> steps = new ArrayList<>();
    cascade.output().addListener(batch -> steps.add((long) batch.rowCount()));
    loop.submitPush(a, rows(100, 120));
    loop.submitPush(b, rows(1));
    loop.submitWatermark(b, 50);
    loop.start("test-compute");
    loop.awaitIdle(Duration.ofSeconds(30));
    assertThat(steps).containsExactly(2L, 1L);
    assertThat(a.currentWatermark()).isEqualTo(110);
    // the union's watermark is the minimum of its inputs, and it reaches the cascade in the same step
    assertThat(cascade.output().watermark()).isEqualTo(50);
    loop.stop(Duration.ofSeconds(10));
    assertThatThrownBy(() -> loop.submitPush(a, rows(1))).hasMessageContaining("LDB-0004");
  }
}
