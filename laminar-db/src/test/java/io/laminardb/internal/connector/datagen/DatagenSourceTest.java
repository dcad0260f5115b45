package io.laminardb.internal.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.ColumnInfo;
import io.laminardb.UntypedSourceHandle;
import io.laminardb.common.error.LaminarException;
import io.laminardb.common.time.ManualClock;
import io.laminardb.internal.connector.SourceConnector;
import io.laminardb.internal.connector.SourceConnectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class DatagenSourceTest {
  private static final List<ColumnInfo> TRADES = List.of(
      new ColumnInfo("symbol", "VARCHAR", false),
      new ColumnInfo("price", "DOUBLE", false),
      new ColumnInfo("volume", "BIGINT", false),
      new ColumnInfo("ts", "TIMESTAMP(3)", false));

  /** Collects pushed batches; optionally rejects the first few pushes, like a full REJECT-policy buffer. */
  private static final class CollectingHandle implements UntypedSourceHandle {
    final List<List<Object[]>> batches = new ArrayList<>();
    final AtomicInteger rejectionsLeft;
    final CountDownLatch firstPush = new CountDownLatch(1);

    CollectingHandle(int rejections) {
      this.rejectionsLeft = new AtomicInteger(rejections);
    }

    synchronized List<Object[]> rows() {
      List<Object[]> all = new ArrayList<>();
      batches.forEach(all::addAll);
      return all;
    }

    @Override
    public String name() {
      return "trades";
    }

    @Override
    public List<ColumnInfo> schema() {
      return TRADES;
    }

    @Override
    public boolean push(Object... values) {
      return pushRows(List.<Object[]>of(values)) == 1;
    }

    @Override
    public synchronized int pushRows(List<Object[]> rows) {
      if (rejectionsLeft.getAndDecrement() > 0) {
        return 0;
      }
      batches.add(rows);
      firstPush.countDown();
      return rows.size();
    }

    @Override
    public int pushArrow(VectorSchemaRoot root) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void watermark(long epochMillis) {}

    @Override
    public UntypedSourceHandle partition(int partitionId) {
      throw new UnsupportedOperationException("the generator pushes unpartitioned");
    }

    @Override
    public long currentWatermark() {
      return Long.MIN_VALUE;
    }

    @Override
    public long pending() {
      return 0;
    }

    @Override
    public long capacity() {
      return Long.MAX_VALUE;
    }

    @Override
    public boolean isBackpressured() {
      return false;
    }
  }

  private static DatagenSource create(Map<String, String> options) {
    return (DatagenSource) new DatagenSourceFactory().create("trades", TRADES, options, new ManualClock(0));
  }

  @Test
  void pushesExactlyLimitRowsInBatchesThenStops() throws InterruptedException {
    CollectingHandle handle = new CollectingHandle(0);
    try (DatagenSource source = create(Map.of("limit", "5000", "batch_size", "1000", "seed", "9"))) {
      source.start(handle);
      assertThat(source.awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
      assertThat(source.rowsPushed()).isEqualTo(5000);
      assertThat(source.isActive()).isFalse();
    }
    assertThat(handle.batches).hasSize(5).allSatisfy(b -> assertThat(b).hasSize(1000));
    List<Object[]> expected = new MarketDataGenerator("trades",
        DatagenConfig.defaults(DatagenKind.TRADES).withSeed(9), TRADES).nextBatch(5000);
    List<Object[]> actual = handle.rows();
    for (int i = 0; i < 5000; i++) {
      assertThat(actual.get(i)).containsExactly(expected.get(i));
    }
  }

  @Test
  void retriesRejectedBatches() throws InterruptedException {
    CollectingHandle handle = new CollectingHandle(3);
    try (DatagenSource source = create(Map.of("limit", "2048"))) {
      source.start(handle);
      assertThat(source.awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(handle.rows()).hasSize(2048);
    assertThat(handle.rows().get(0)[3]).isEqualTo(0L);
  }

  @Test
  void closeStopsAnUnboundedSource() throws InterruptedException {
    CollectingHandle handle = new CollectingHandle(0);
    DatagenSource source = create(Map.of("kind", "trades"));
    source.start(handle);
    assertThat(handle.firstPush.await(60, TimeUnit.SECONDS)).isTrue();
    source.close();
    assertThat(source.isActive()).isFalse();
    long pushed = source.rowsPushed();
    assertThat(pushed).isPositive();
    assertThat(handle.rows()).hasSize((int) pushed);
    source.close(); // idempotent
  }

  @Test
  void startsOnlyOnce() throws InterruptedException {
    try (DatagenSource source = create(Map.of("limit", "10"))) {
      CollectingHandle handle = new CollectingHandle(0);
      source.start(handle);
      assertThatThrownBy(() -> source.start(handle)).isInstanceOf(LaminarException.class)
          .hasMessageContaining("already started");
      assertThat(source.awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void factoryValidatesEagerly() {
    assertThatThrownBy(() -> create(Map.of("colour", "red"))).isInstanceOf(LaminarException.class)
        .hasMessageContainingAll("LDB-5005", "'colour'");
    assertThatThrownBy(() -> new DatagenSourceFactory().create("q", TRADES, Map.of("kind", "quotes"),
        new ManualClock(0))).isInstanceOf(LaminarException.class).hasMessageContainingAll("'price'", "quotes");
  }

  @Test
  void isFoundByServiceLoader() {
    List<String> names = new ArrayList<>();
    for (SourceConnectorFactory f : ServiceLoader.load(SourceConnectorFactory.class)) {
      names.add(f.name());
    }
    assertThat(names).contains("datagen");
    SourceConnector c = ServiceLoader.load(SourceConnectorFactory.class).stream()
        .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("datagen")).findFirst().orElseThrow()
        .create("trades", TRADES, Map.of(), new ManualClock(0));
    c.close();
  }
}
