package io.laminardb.core.function;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numeric functions on DOUBLE, BIGINT and DECIMAL values (DataFusion/PostgreSQL semantics). Transcendental
 * functions use {@link StrictMath} so results are identical on every platform (replays, tests).
 */
public final class MathFunctions {
  private static final double LN_2 = StrictMath.log(2);

  private MathFunctions() {}

  @SqlName("ABS")
  public static long abs(long v) {
    return Arithmetic.checkSign(v);
  }

  @SqlName("ABS")
  public static double abs(double v) {
    return Math.abs(v);
  }

  @SqlName("ABS")
  public static BigDecimal abs(BigDecimal v) {
    return v.abs();
  }

  @SqlName({"CEIL", "CEILING"})
  public static double ceil(double v) {
    return Math.ceil(v);
  }

  @SqlName({"CEIL", "CEILING"})
  public static BigDecimal ceil(BigDecimal v) {
    return v.setScale(0, RoundingMode.CEILING);
  }

  @SqlName("FLOOR")
  public static double floor(double v) {
    return Math.floor(v);
  }

  @SqlName("FLOOR")
  public static BigDecimal floor(BigDecimal v) {
    return v.setScale(0, RoundingMode.FLOOR);
  }

  @SqlName({"CEIL", "CEILING", "FLOOR", "TRUNC", "TRUNCATE"})
  public static long identity(long v) {
    return v;
  }

  /** ROUND half away from zero. */
  @SqlName("ROUND")
  public static double round(double v) {
    double a = Math.abs(v);
    double f = Math.floor(a);
    return Math.copySign(a - f >= 0.5 ? f + 1 : f, v);
  }

  /**
   * ROUND(v, digits) half away from zero, computed on the scaled binary value as DataFusion does: a value
   * such as 2.675 (stored as 2.67499...) rounds to 2.67. Use DECIMAL for exact decimal rounding.
   */
  @SqlName("ROUND")
  public static double round(double v, long digits) {
    if (digits >= 0) {
      double scale = StrictMath.pow(10, Math.min(digits, 400));
      double scaled = v * scale;
      return Double.isInfinite(scaled) ? v : round(scaled) / scale;
    }
    double scale = StrictMath.pow(10, Math.min(-digits, 400));
    return round(v / scale) * scale;
  }

  @SqlName("ROUND")
  public static long round(long v) {
    return v;
  }

  /** ROUND(v, digits) on an integer: negative digits round to tens, hundreds, ... half away from zero. */
  @SqlName("ROUND")
  public static long round(long v, long digits) {
    if (digits >= 0) {
      return v;
    }
    long unit = powerOfTen(-digits);
    if (unit == 0) {
      return 0;
    }
    long rest = v % unit;
    long down = v - rest;
    if (Math.abs(rest) * 2 >= unit) {
      return Arithmetic.add(down, v < 0 ? -unit : unit);
    }
    return down;
  }

  @SqlName("ROUND")
  public static BigDecimal round(BigDecimal v) {
    return v.setScale(0, RoundingMode.HALF_UP);
  }

  @SqlName("ROUND")
  public static BigDecimal round(BigDecimal v, long digits) {
    return v.setScale(clampScale(digits), RoundingMode.HALF_UP);
  }

  /** TRUNC: toward zero. */
  @SqlName({"TRUNC", "TRUNCATE"})
  public static double trunc(double v) {
    return v < 0 ? Math.ceil(v) : Math.floor(v);
  }

  @SqlName({"TRUNC", "TRUNCATE"})
  public static double trunc(double v, long digits) {
    if (digits >= 0) {
      double scale = StrictMath.pow(10, Math.min(digits, 400));
      double scaled = v * scale;
      return Double.isInfinite(scaled) ? v : trunc(scaled) / scale;
    }
    double scale = StrictMath.pow(10, Math.min(-digits, 400));
    return trunc(v / scale) * scale;
  }

  @SqlName({"TRUNC", "TRUNCATE"})
  public static long trunc(long v, long digits) {
    if (digits >= 0) {
      return v;
    }
    long unit = powerOfTen(-digits);
    return unit == 0 ? 0 : v - v % unit;
  }

  @SqlName({"TRUNC", "TRUNCATE"})
  public static BigDecimal trunc(BigDecimal v) {
    return v.setScale(0, RoundingMode.DOWN);
  }

  @SqlName({"TRUNC", "TRUNCATE"})
  public static BigDecimal trunc(BigDecimal v, long digits) {
    return v.setScale(clampScale(digits), RoundingMode.DOWN);
  }

  /** 10^n, or 0 when it does not fit a BIGINT (so rounding to that unit gives 0). */
  private static long powerOfTen(long n) {
    long p = 1;
    for (long i = 0; i < n; i++) {
      if (p > Long.MAX_VALUE / 10) {
        return 0;
      }
      p *= 10;
    }
    return p;
  }

  private static int clampScale(long digits) {
    return (int) Math.max(-1000, Math.min(1000, digits));
  }

  @SqlName({"POWER", "POW"})
  public static double power(double base, double exponent) {
    return StrictMath.pow(base, exponent);
  }

  @SqlName("SQRT")
  public static double sqrt(double v) {
    return Math.sqrt(v);
  }

  @SqlName("CBRT")
  public static double cbrt(double v) {
    return StrictMath.cbrt(v);
  }

  @SqlName("EXP")
  public static double exp(double v) {
    return StrictMath.exp(v);
  }

  @SqlName("LN")
  public static double ln(double v) {
    return StrictMath.log(v);
  }

  /** LOG(x) is the base-10 logarithm (PostgreSQL, DataFusion). */
  @SqlName({"LOG10", "LOG"})
  public static double log10(double v) {
    return StrictMath.log10(v);
  }

  /** LOG(base, x); exact for bases 2 and 10 on their powers. */
  @SqlName("LOG")
  public static double log(double base, double v) {
    if (base == 10) {
      return StrictMath.log10(v);
    }
    if (base == 2) {
      return log2(v);
    }
    return StrictMath.log(v) / StrictMath.log(base);
  }

  /** Base-2 logarithm; exact for powers of two. */
  @SqlName("LOG2")
  public static double log2(double v) {
    if (v > 0 && v < Double.POSITIVE_INFINITY && v >= Double.MIN_NORMAL
        && (Double.doubleToRawLongBits(v) & 0x000F_FFFF_FFFF_FFFFL) == 0) {
      return Math.getExponent(v);
    }
    return StrictMath.log(v) / LN_2;
  }

  @SqlName("SIN")
  public static double sin(double v) {
    return StrictMath.sin(v);
  }

  @SqlName("COS")
  public static double cos(double v) {
    return StrictMath.cos(v);
  }

  @SqlName("TAN")
  public static double tan(double v) {
    return StrictMath.tan(v);
  }

  @SqlName("COT")
  public static double cot(double v) {
    return 1 / StrictMath.tan(v);
  }

  @SqlName("ASIN")
  public static double asin(double v) {
    return StrictMath.asin(v);
  }

  @SqlName("ACOS")
  public static double acos(double v) {
    return StrictMath.acos(v);
  }

  @SqlName("ATAN")
  public static double atan(double v) {
    return StrictMath.atan(v);
  }

  @SqlName("ATAN2")
  public static double atan2(double y, double x) {
    return StrictMath.atan2(y, x);
  }

  @SqlName("SINH")
  public static double sinh(double v) {
    return StrictMath.sinh(v);
  }

  @SqlName("COSH")
  public static double cosh(double v) {
    return StrictMath.cosh(v);
  }

  @SqlName("TANH")
  public static double tanh(double v) {
    return StrictMath.tanh(v);
  }

  @SqlName("DEGREES")
  public static double degrees(double radians) {
    return Math.toDegrees(radians);
  }

  @SqlName("RADIANS")
  public static double radians(double degrees) {
    return Math.toRadians(degrees);
  }

  @SqlName("SIGN")
  public static double sign(double v) {
    return Math.signum(v);
  }

  @SqlName("SIGN")
  public static long sign(long v) {
    return Long.signum(v);
  }

  @SqlName("PI")
  public static double pi() {
    return Math.PI;
  }

  /** Greatest common divisor, always non-negative; gcd(0, 0) = 0. */
  @SqlName("GCD")
  public static long gcd(long a, long b) {
    long x = a;
    long y = b;
    while (y != 0) {
      long t = x % y;
      x = y;
      y = t;
    }
    return Arithmetic.checkSign(x);
  }

  /** Least common multiple, always non-negative; 0 when either argument is 0. */
  @SqlName("LCM")
  public static long lcm(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return Arithmetic.checkSign(Arithmetic.multiply(a / gcd(a, b), b));
  }

  /** n! for n up to 20; 1 for n below 2 (DataFusion); larger n overflow BIGINT (LDB-7001). */
  @SqlName("FACTORIAL")
  public static long factorial(long n) {
    if (n > 20) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "BIGINT overflow in factorial(" + n + ")");
    }
    long r = 1;
    for (long i = 2; i <= n; i++) {
      r *= i;
    }
    return r;
  }

  @SqlName("ISNAN")
  public static boolean isNan(double v) {
    return Double.isNaN(v);
  }

  @SqlName("ISZERO")
  public static boolean isZero(double v) {
    return v == 0;
  }

  /** {@code x} unless it is NaN, then {@code y}. */
  @SqlName("NANVL")
  public static double nanvl(double x, double y) {
    return Double.isNaN(x) ? y : x;
  }
}
