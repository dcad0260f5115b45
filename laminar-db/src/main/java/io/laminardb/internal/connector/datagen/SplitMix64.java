package io.laminardb.internal.connector.datagen;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast, fully specified generator, so a seed yields the same
 * rows on every JDK. Not thread-safe; one per generator.
 */
final class SplitMix64 {
  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  long nextLong() {
    long z = state += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound) for {@code 0 < bound <= 2^31} (multiply-shift; bias below 2^-32). */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in [0, bound] for {@code 0 <= bound < 2^31}. */
  long nextLongInclusive(long bound) {
    return ((nextLong() >>> 32) * (bound + 1)) >>> 32;
  }

  boolean nextBoolean() {
    return nextLong() < 0;
  }
}
