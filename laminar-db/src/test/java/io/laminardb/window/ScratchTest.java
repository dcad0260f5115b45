package io.laminardb.window;

import io.laminardb.window.BatchOracle.Shape;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void run() {
    WindowOracleTest t = new WindowOracleTest();
    for (int r = 0; r < 3; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        t.windowsEqualBatchOracleWhenNothingIsLate(Shape.hop(5, 15), 1000 + i);
      }
      System.out.println("ROUND " + (System.nanoTime() - t0) / 1_000_000 + " ms; oracle " + WindowRun.oracleNanos / 1_000_000 + " db " + WindowRun.dbNanos / 1_000_000);
      WindowRun.oracleNanos = 0; WindowRun.dbNanos = 0;
    }
  }
}
