package io.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.error.LaminarException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class ApiTest {
  private static final String SOURCE = "CREATE SOURCE s (id BIGINT NOT NULL, name VARCHAR)";

  record In(long id, String name) {}

  record Out(long id, String name) {}

  private static String code(Throwable t) {
    return ((LaminarException) t).code();
  }

  @Test
  void typedSourceAndTypedSubscriptionMapByPosition() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute(SOURCE + "; CREATE STREAM o AS SELECT id * 10 AS id10, upper(name) AS n FROM s");
      Subscription<Out> out = db.subscribe("o", Out.class);
      db.start();
      SourceHandle<In> in = db.source("s", In.class);
      in.push(new In(1, "a"));
      assertThat(in.pushBatch(List.of(new In(2, "b"), new In(3, null)))).isEqualTo(2);
      db.awaitIdle();
      assertThat(out.poll()).containsExactly(new Out(10, "A"), new Out(20, "B"), new Out(30, null));
      assertThat(out.poll()).isEmpty();
    }
  }

  @Test
  void typedHandlesWithWrongShapesAreRejected() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(SOURCE);
      record Wrong(long id) {}
      record WrongType(String id, String name) {}
      assertThatThrownBy(() -> db.source("s", Wrong.class)).satisfies(e -> assertThat(code(e)).isEqualTo(
          "LDB-0006"));
      assertThatThrownBy(() -> db.subscribe("s", WrongType.class)).satisfies(e -> assertThat(code(e))
          .isEqualTo("LDB-0006"));
    }
  }

  @Test
  void everySubscriberReceivesEveryRowAndSubscribingToASourceGivesRawRows() throws Exception {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute(SOURCE);
      Subscription<Row> a = db.subscribe("s");
      Subscription<Row> b = db.subscribe("s");
      db.start();
      db.sourceUntyped("s").push(1L, "x");
      db.awaitIdle();
      assertThat(a.recv(Duration.ofSeconds(5))).extracting(r -> r.get("name")).containsExactly("x");
      assertThat(b.poll()).extracting(r -> r.get(0)).containsExactly(1L);
      assertThatThrownBy(() -> a.recv(Duration.ofMillis(1))).satisfies(e -> assertThat(code(e))
          .isEqualTo("LDB-0008"));
    }
  }

  @Test
  void concurrentPushersAndSubscribersLoseNothing() throws Exception {
    int threads = 4;
    int perThread = 5_000;
    try (LaminarDB db = LaminarDB.builder().bufferSize(1_024).build()) {
      db.execute(SOURCE + "; CREATE STREAM o AS SELECT id FROM s WHERE id >= 0");
      List<Subscription<Row>> subs = List.of(db.subscribe("o"), db.subscribe("o"), db.subscribe("o"));
      db.start();
      CountDownLatch done = new CountDownLatch(threads);
      for (int t = 0; t < threads; t++) {
        int base = t * perThread;
        Thread.ofPlatform().start(() -> {
          UntypedSourceHandle h = db.sourceUntyped("s");
          for (int i = 0; i < perThread; i++) {
            h.push((long) (base + i), "n");
          }
          done.countDown();
        });
      }
      assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
      db.awaitIdle();
      for (Subscription<Row> sub : subs) {
        List<Long> ids = new ArrayList<>();
        for (Row r : sub.poll()) {
          ids.add((Long) r.get(0));
        }
        Collections.sort(ids);
        assertThat(ids).hasSize(threads * perThread);
        for (int i = 0; i < ids.size(); i++) {
          assertThat(ids.get(i)).isEqualTo(i);
        }
      }
      assertThat(db.metrics().totalEventsIngested()).isEqualTo(threads * perThread);
    }
  }

  @Test
  void rejectPolicyRefusesPushesWhenTheBufferIsFull() {
    try (LaminarDB db = LaminarDB.builder().bufferSize(2).backpressure(Backpressure.REJECT).build()) {
      db.execute(SOURCE);
      UntypedSourceHandle h = db.sourceUntyped("s");
      assertThat(h.push(1L, "a")).isTrue();
      assertThat(h.push(2L, "b")).isTrue();
      assertThat(h.isBackpressured()).isTrue();
      assertThat(h.push(3L, "c")).isFalse();
      assertThat(h.pending()).isEqualTo(2);
      db.start();
      db.awaitIdle();
      assertThat(h.pending()).isZero();
      assertThat(h.push(3L, "c")).isTrue();
    }
  }

  @Test
  void blockPolicyWaitsForTheEngine() throws Exception {
    try (LaminarDB db = LaminarDB.builder().bufferSize(4).build()) {
      db.execute(SOURCE);
      Subscription<Row> sub = db.subscribe("s");
      db.start();
      UntypedSourceHandle h = db.sourceUntyped("s");
      for (long i = 0; i < 1_000; i++) {
        h.push(i, "x");
        assertThat(h.pending()).isLessThanOrEqualTo(4);
      }
      db.awaitIdle();
      assertThat(sub.poll()).hasSize(1_000);
    }
  }

  @Test
  void callbacksAndPublishersDeliverEachStep() throws Exception {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute(SOURCE);
      List<Row> received = new CopyOnWriteArrayList<>();
      CountDownLatch two = new CountDownLatch(2);
      AutoCloseable cb = db.subscribe("s", Row.class, rows -> {
        received.addAll(rows);
        rows.forEach(r -> two.countDown());
      });
      List<List<In>> published = new CopyOnWriteArrayList<>();
      CountDownLatch published2 = new CountDownLatch(2);
      db.publisher("s", In.class).subscribe(new Flow.Subscriber<>() {
        @Override
        public void onSubscribe(Flow.Subscription s) {
          s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<In> item) {
          published.add(item);
          published2.countDown();
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onComplete() {}
      });
      db.start();
      db.sourceUntyped("s").push(1L, "a");
      db.sourceUntyped("s").push(2L, "b");
      assertThat(two.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(published2.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(received).extracting(r -> r.get(0)).containsExactly(1L, 2L);
      assertThat(published).containsExactly(List.of(new In(1, "a")), List.of(new In(2, "b")));
      cb.close();
    }
  }

  @Test
  void arrowBatchesArePushedWhole() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build();
        RootAllocator allocator = new RootAllocator();
        BigIntVector ids = new BigIntVector("id", allocator);
        VarCharVector names = new VarCharVector("name", allocator)) {
      db.execute(SOURCE);
      Subscription<In> sub = db.subscribe("s", In.class);
      db.start();
      ids.allocateNew(2);
      names.allocateNew(2);
      ids.set(0, 7);
      ids.set(1, 8);
      names.setSafe(0, "p".getBytes());
      names.setNull(1);
      try (VectorSchemaRoot root = VectorSchemaRoot.of(ids, names)) {
        root.setRowCount(2);
        assertThat(db.sourceUntyped("s").pushArrow(root)).isEqualTo(2);
      }
      db.awaitIdle();
      assertThat(sub.poll()).containsExactly(new In(7, "p"), new In(8, null));
    }
  }

  @Test
  void lifecycleErrorsAreClear() {
    LaminarDB db = LaminarDB.open();
    db.execute(SOURCE);
    db.sourceUntyped("s").push(1L, "a");
    assertThatThrownBy(db::awaitIdle).satisfies(e -> assertThat(code(e)).isEqualTo("LDB-0005"));
    assertThatThrownBy(() -> db.subscribe("nope")).satisfies(e -> assertThat(code(e)).isEqualTo("LDB-1101"));
    assertThatThrownBy(() -> db.sourceUntyped("nope")).satisfies(e -> assertThat(code(e))
        .isEqualTo("LDB-5010"));
    assertThatThrownBy(() -> db.execute("   ")).satisfies(e -> assertThat(code(e)).isEqualTo("LDB-0005"));
    assertThatThrownBy(() -> db.execute("-- only a comment")).satisfies(e -> assertThat(code(e))
        .isEqualTo("LDB-0005"));
    db.start();
    db.awaitIdle();
    UntypedSourceHandle h = db.sourceUntyped("s");
    db.shutdown();
    assertThat(db.pipelineState()).isEqualTo(PipelineState.STOPPED);
    assertThatThrownBy(() -> h.push(2L, "b")).satisfies(e -> assertThat(code(e)).isEqualTo("LDB-0004"));
    assertThatThrownBy(() -> db.execute("SHOW SOURCES")).satisfies(e -> assertThat(code(e))
        .isEqualTo("LDB-0004"));
    db.close();
  }

  @Test
  void failedStatementsLeaveTheCatalogAsItWas() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(SOURCE);
      assertThatThrownBy(() -> db.execute("CREATE STREAM ok1 AS SELECT id FROM s; "
          + "CREATE STREAM bad AS SELECT nope FROM s")).satisfies(e -> assertThat(code(e))
          .isEqualTo("LDB-1100"));
      assertThat(db.streams()).extracting(ObjectInfo::name).containsExactly("ok1");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE s (x INT)")).satisfies(e -> assertThat(code(e))
          .isEqualTo("LDB-5012"));
      assertThat(db.sources().get(0).columns()).hasSize(2);
      assertThat(db.pipelineTopology().edges()).containsExactly(new PipelineTopology.Edge("s", "ok1"));
    }
  }

  @Test
  void configVariablesAreSubstitutedInStringLiterals() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).configVar("GREETING", "hi").build()) {
      db.execute(SOURCE + "; CREATE STREAM o AS SELECT '${GREETING}' || name AS g FROM s");
      Subscription<Row> sub = db.subscribe("o");
      db.start();
      db.sourceUntyped("s").push(1L, "!");
      db.awaitIdle();
      assertThat(sub.poll()).extracting(r -> r.get(0)).containsExactly("hi!");
      assertThatThrownBy(() -> db.execute("CREATE STREAM p AS SELECT '${MISSING}' AS m FROM s"))
          .satisfies(e -> assertThat(code(e)).isEqualTo("LDB-0003"));
    }
  }

  @Test
  void runtimeErrorsSkipTheStepAndTheQueryCarriesOn() {
    List<String> errors = new CopyOnWriteArrayList<>();
    try (LaminarDB db = LaminarDB.builder().deterministic(true)
        .errorListener((query, e) -> errors.add(query + " " + e.code())).build()) {
      db.execute(SOURCE + "; CREATE STREAM o AS SELECT 100 / id AS q FROM s");
      Subscription<Row> sub = db.subscribe("o");
      db.start();
      db.sourceUntyped("s").push(0L, "zero");
      db.sourceUntyped("s").push(4L, "four");
      db.awaitIdle();
      assertThat(errors).containsExactly("o LDB-7001");
      assertThat(sub.poll()).extracting(r -> r.get(0)).containsExactly(25L);
      assertThat(db.metrics().queryErrors()).isEqualTo(1);
    }
  }

  @Test
  void timestampsRoundTripAsLocalDateTime() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE t (ts TIMESTAMP NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND);"
          + "CREATE STREAM o AS SELECT ts, ts + INTERVAL '1' MINUTE AS later FROM t");
      Subscription<Row> sub = db.subscribe("o");
      db.start();
      LocalDateTime at = LocalDateTime.of(2024, 1, 1, 10, 0, 0);
      db.sourceUntyped("t").push(at);
      db.awaitIdle();
      Row row = sub.poll().get(0);
      assertThat(row.get(0)).isEqualTo(at);
      assertThat(row.get(1)).isEqualTo(at.plusMinutes(1));
      assertThat(db.sourceUntyped("t").currentWatermark())
          .isEqualTo(at.toInstant(java.time.ZoneOffset.UTC).toEpochMilli() - 2_000);
    }
  }
}
