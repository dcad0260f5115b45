package io.laminardb.bench.compare;

import io.laminardb.bench.RowChecksum;

/**
 * One throughput run of one engine: input events, time from the first event entering the engine until its last
 * result was consumed, heap bytes allocated meanwhile by all threads (-1: not measurable) and the results'
 * checksum.
 */
public record EngineRun(long rowsIn, long elapsedNanos, long allocatedBytes, RowChecksum output) {

  public double eventsPerSecond() {
    return rowsIn / (elapsedNanos / 1e9);
  }

  public double bytesPerEvent() {
    return allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / rowsIn;
  }
}
