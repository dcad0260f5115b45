package io.laminardb.core.function;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;

/** Checked integer arithmetic for compiled expressions: overflow and division by zero are LDB-7001. */
public final class Arithmetic {
  private Arithmetic() {}

  public static long add(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      throw overflow();
    }
    return r;
  }

  public static long subtract(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      throw overflow();
    }
    return r;
  }

  public static long multiply(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
      return lo;
    }
    throw overflow();
  }

  public static long divide(long a, long b) {
    if (b == 0) {
      throw divisionByZero();
    }
    if (a == Long.MIN_VALUE && b == -1) {
      throw overflow();
    }
    return a / b;
  }

  public static long remainder(long a, long b) {
    if (b == 0) {
      throw divisionByZero();
    }
    return b == -1 ? 0 : a % b;
  }

  public static long negate(long a) {
    if (a == Long.MIN_VALUE) {
      throw overflow();
    }
    return -a;
  }

  /** Narrows to INT range, failing on overflow. */
  public static long checkInt(long v) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "integer overflow: " + v
          + " does not fit INT");
    }
    return v;
  }

  /** Narrows to SMALLINT range, failing on overflow. */
  public static long checkSmallint(long v) {
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "integer overflow: " + v
          + " does not fit SMALLINT");
    }
    return v;
  }

  /** ABS for BIGINT, failing for the one value without a positive counterpart. */
  public static long checkSign(long a) {
    return a < 0 ? negate(a) : a;
  }

  public static double remainder(double a, double b) {
    return a % b;
  }

  private static LaminarException overflow() {
    return new LaminarException(ErrorCode.QUERY_EXECUTION, "BIGINT overflow");
  }

  private static LaminarException divisionByZero() {
    return new LaminarException(ErrorCode.QUERY_EXECUTION, "division by zero");
  }
}
