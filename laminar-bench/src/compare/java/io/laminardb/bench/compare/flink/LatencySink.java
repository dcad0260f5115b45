package io.laminardb.bench.compare.flink;

import java.io.Serializable;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** The end of a latency job: records each result row's push-to-here time in the run's schedule. */
final class LatencySink<T> extends ProcessFunction<T, Long> {
  private static final long serialVersionUID = 1L;

  /** The sent stamp a row carries. */
  interface SentStamp<T> extends Serializable {
    long sentNanos(T row);
  }

  private final SentStamp<T> stamp;

  LatencySink(SentStamp<T> stamp) {
    this.stamp = stamp;
  }

  @Override
  public void processElement(T row, Context context, Collector<Long> out) {
    FlinkProbe.schedule.record(stamp.sentNanos(row));
  }
}
