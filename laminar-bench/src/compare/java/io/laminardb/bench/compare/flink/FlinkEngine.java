package io.laminardb.bench.compare.flink;

import io.laminardb.bench.BenchQuery;
import io.laminardb.bench.compare.BidEvent;
import io.laminardb.bench.compare.CompareInput;
import io.laminardb.bench.compare.Engine;
import io.laminardb.bench.compare.EngineRun;
import io.laminardb.bench.compare.LatencyResult;
import io.laminardb.bench.compare.PacedSchedule;
import io.laminardb.bench.compare.TradeEvent;
import io.laminardb.bench.compare.flink.FlinkRows.Q1Row;
import io.laminardb.bench.compare.flink.FlinkRows.Q2Row;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Apache Flink's DataStream API on a local MiniCluster in this JVM, at parallelism 1 or 2, with object reuse on.
 * Events come from a number-sequence source mapped to the pre-built POJOs; windowed queries use event time with
 * bounded out-of-orderness of 1 s (LaminarDB's {@code WATERMARK FOR ts AS ts - INTERVAL '1' SECOND}); the end of
 * the bounded input closes every window. A run is timed from the first event entering the job to the last sink
 * closing, so the MiniCluster's start and job submission are not counted.
 */
public final class FlinkEngine implements Engine {
  private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(1);
  private final int parallelism;

  public FlinkEngine(int parallelism) {
    this.parallelism = parallelism;
  }

  @Override
  public String name() {
    return "flink-p" + parallelism;
  }

  @Override
  public EngineRun run(BenchQuery query, CompareInput input) throws Exception {
    FlinkProbe.reset(input.events(), null);
    StreamExecutionEnvironment env = environment(parallelism);
    DataStream<Long> indices = env.fromSequence(0, input.rows() - 1);
    switch (query.workload()) {
      case BIDS -> bidJob(query, indices.map(new EventSource.Lookup<BidEvent>())
          .returns(TypeInformation.of(BidEvent.class)));
      case TRADES -> vwapJob(indices.map(new EventSource.Lookup<TradeEvent>())
          .returns(TypeInformation.of(TradeEvent.class)));
    }
    env.execute(name() + "-" + query.label());
    return new EngineRun(input.rows(), FlinkProbe.elapsedNanos(), FlinkProbe.allocatedBytes(),
        FlinkProbe.output());
  }

  private static StreamExecutionEnvironment environment(int parallelism) {
    Configuration conf = new Configuration();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    env.getConfig().enableObjectReuse();
    return env;
  }

  private static void bidJob(BenchQuery query, DataStream<BidEvent> bids) {
    switch (query) {
      case Q0 -> finish(bids, BidHashes::q0);
      case Q1 -> finish(bids.map(bid -> {
        Q1Row row = new Q1Row();
        row.auction = bid.auction;
        row.bidder = bid.bidder;
        row.priceEur = bid.price * 0.908;
        row.ts = bid.ts;
        return row;
      }).returns(Q1Row.class), Q1Row::rowHash);
      case Q2 -> finish(q2(bids), Q2Row::rowHash);
      case Q5 -> finish(withEventTime(bids).keyBy(bid -> bid.auction, TypeInformation.of(Long.class))
          .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2)))
          .aggregate(new WindowFunctions.CountBids(), new WindowFunctions.Q5Window()), FlinkRows.Q5Row::rowHash);
      case Q7 -> finish(withEventTime(bids).windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
          .aggregate(new WindowFunctions.MaxPrice(), new WindowFunctions.Q7Window()), FlinkRows.Q7Row::rowHash);
      case SESSION -> finish(withEventTime(bids).keyBy(bid -> bid.bidder, TypeInformation.of(Long.class))
          .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(5)))
          .aggregate(new WindowFunctions.CountBids(), new WindowFunctions.SessionWindow()),
          FlinkRows.SessionRow::rowHash);
      default -> throw new IllegalArgumentException(query.label() + " does not read bids");
    }
  }

  private static DataStream<Q2Row> q2(DataStream<BidEvent> bids) {
    return bids.filter(bid -> bid.auction % 123 == 0).map(bid -> {
      Q2Row row = new Q2Row();
      row.auction = bid.auction;
      row.price = bid.price;
      row.sent = bid.sentNanos;
      return row;
    }).returns(Q2Row.class);
  }

  private static void vwapJob(DataStream<TradeEvent> trades) {
    DataStream<TradeEvent> timed = trades.assignTimestampsAndWatermarks(WatermarkStrategy
        .<TradeEvent>forBoundedOutOfOrderness(OUT_OF_ORDERNESS).withTimestampAssigner((trade, t) -> trade.ts));
    finish(timed.keyBy(trade -> trade.symbol, TypeInformation.of(String.class))
        .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
        .aggregate(new WindowFunctions.VwapAggregate(), new WindowFunctions.VwapWindow()),
        FlinkRows.VwapRow::rowHash);
  }

  private static DataStream<BidEvent> withEventTime(DataStream<BidEvent> bids) {
    return bids.assignTimestampsAndWatermarks(WatermarkStrategy
        .<BidEvent>forBoundedOutOfOrderness(OUT_OF_ORDERNESS).withTimestampAssigner((bid, t) -> bid.ts));
  }

  private static <T> void finish(DataStream<T> results, ChecksumSink.RowHasher<T> hasher) {
    results.process(new ChecksumSink<>(hasher)).returns(Long.class).sinkTo(new DiscardingSink<>());
  }

  /** Q0 and Q2 at this engine's parallelism, paced by one source subtask (so at parallelism 1 only). */
  @Override
  public LatencyResult latency(BenchQuery query, CompareInput input, PacedSchedule schedule) throws Exception {
    FlinkProbe.reset(input.events(), schedule);
    StreamExecutionEnvironment env = environment(parallelism);
    env.setParallelism(1);
    DataStream<BidEvent> bids = env.fromSequence(0, schedule.rows() - 1).map(new EventSource.Paced())
        .returns(BidEvent.class);
    switch (query) {
      case Q0 -> bids.process(new LatencySink<BidEvent>(bid -> bid.sentNanos)).returns(Long.class)
          .sinkTo(new DiscardingSink<>());
      case Q2 -> q2(bids).process(new LatencySink<Q2Row>(row -> row.sent)).returns(Long.class)
          .sinkTo(new DiscardingSink<>());
      default -> throw new IllegalArgumentException("latency runs Q0 and Q2 only");
    }
    env.execute(name() + "-latency-" + query.label());
    return schedule.result();
  }
}
