package io.laminardb.core.function;

/** Numeric functions on DOUBLE and BIGINT values. */
public final class MathFunctions {
  private MathFunctions() {}

  @SqlName("ABS")
  public static long abs(long v) {
    return Arithmetic.checkSign(v);
  }

  @SqlName("ABS")
  public static double abs(double v) {
    return Math.abs(v);
  }

  @SqlName({"CEIL", "CEILING"})
  public static double ceil(double v) {
    return Math.ceil(v);
  }

  @SqlName("FLOOR")
  public static double floor(double v) {
    return Math.floor(v);
  }

  @SqlName({"CEIL", "CEILING", "FLOOR"})
  public static long identity(long v) {
    return v;
  }

  /** ROUND half away from zero. */
  @SqlName("ROUND")
  public static double round(double v) {
    return Math.signum(v) * Math.floor(Math.abs(v) + 0.5);
  }

  @SqlName("ROUND")
  public static double round(double v, long digits) {
    double scale = Math.pow(10, digits);
    return round(v * scale) / scale;
  }

  @SqlName("ROUND")
  public static long round(long v) {
    return v;
  }

  @SqlName({"POWER", "POW"})
  public static double power(double base, double exponent) {
    return Math.pow(base, exponent);
  }

  @SqlName("SQRT")
  public static double sqrt(double v) {
    return Math.sqrt(v);
  }

  @SqlName("EXP")
  public static double exp(double v) {
    return Math.exp(v);
  }

  @SqlName("LN")
  public static double ln(double v) {
    return Math.log(v);
  }

  @SqlName("LOG10")
  public static double log10(double v) {
    return Math.log10(v);
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
}
