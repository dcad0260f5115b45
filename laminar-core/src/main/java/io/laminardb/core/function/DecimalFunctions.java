package io.laminardb.core.function;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** DECIMAL division and remainder with SQL errors. */
public final class DecimalFunctions {
  private DecimalFunctions() {}

  public static BigDecimal divide(BigDecimal a, BigDecimal b, int scale) {
    if (b.signum() == 0) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "division by zero");
    }
    return a.divide(b, scale, RoundingMode.HALF_UP);
  }

  public static BigDecimal remainder(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "division by zero");
    }
    return a.remainder(b);
  }
}
