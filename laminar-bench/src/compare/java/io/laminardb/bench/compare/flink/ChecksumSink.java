package io.laminardb.bench.compare.flink;

import io.laminardb.bench.RowChecksum;
import java.io.Serializable;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The end of every throughput job: hashes each result row into a subtask-local checksum, handed to
 * {@link FlinkProbe} when the subtask closes (after its input ended). Emits nothing.
 */
final class ChecksumSink<T> extends ProcessFunction<T, Long> {
  private static final long serialVersionUID = 1L;

  /** The result hash of a row. */
  interface RowHasher<T> extends Serializable {
    long hash(T row);
  }

  private final RowHasher<T> hasher;
  private transient RowChecksum checksum;

  ChecksumSink(RowHasher<T> hasher) {
    this.hasher = hasher;
  }

  @Override
  public void open(OpenContext context) {
    checksum = new RowChecksum();
  }

  @Override
  public void processElement(T row, Context context, Collector<Long> out) {
    checksum.addHashed(hasher.hash(row));
  }

  @Override
  public void close() {
    FlinkProbe.finished(checksum);
  }
}
