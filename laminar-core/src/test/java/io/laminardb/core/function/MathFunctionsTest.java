package io.laminardb.core.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MathFunctionsTest {
  @Test
  void roundIsHalfAwayFromZero() {
    assertThat(MathFunctions.round(2.5)).isEqualTo(3.0);
    assertThat(MathFunctions.round(-2.5)).isEqualTo(-3.0);
    assertThat(MathFunctions.round(2.4999)).isEqualTo(2.0);
    assertThat(MathFunctions.round(0.49999999999999994)).isEqualTo(0.0);
    assertThat(MathFunctions.round(-0.4)).isEqualTo(-0.0);
    assertThat(MathFunctions.round(Double.NaN)).isNaN();
    assertThat(MathFunctions.round(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(MathFunctions.round(0.125, 2)).isEqualTo(0.13);
    assertThat(MathFunctions.round(-0.125, 2)).isEqualTo(-0.13);
    assertThat(MathFunctions.round(1234.5, -2)).isEqualTo(1200.0);
    assertThat(MathFunctions.round(15.0, -1)).isEqualTo(20.0);
    assertThat(MathFunctions.round(1e300, 10)).isEqualTo(1e300);
    assertThat(MathFunctions.round(1250L, -2)).isEqualTo(1300L);
    assertThat(MathFunctions.round(-1250L, -2)).isEqualTo(-1300L);
    assertThat(MathFunctions.round(1249L, -2)).isEqualTo(1200L);
    assertThat(MathFunctions.round(7L, 2)).isEqualTo(7L);
    assertThat(MathFunctions.round(7L, -30)).isEqualTo(0L);
    assertThat(MathFunctions.round(new BigDecimal("2.25"), 1)).isEqualTo(new BigDecimal("2.3"));
    assertThat(MathFunctions.round(new BigDecimal("-2.5"))).isEqualTo(new BigDecimal("-3"));
  }

  @Test
  void truncGoesTowardZero() {
    assertThat(MathFunctions.trunc(2.7)).isEqualTo(2.0);
    assertThat(MathFunctions.trunc(-2.7)).isEqualTo(-2.0);
    assertThat(MathFunctions.trunc(3.14159, 2)).isEqualTo(3.14);
    assertThat(MathFunctions.trunc(-3.14159, 2)).isEqualTo(-3.14);
    assertThat(MathFunctions.trunc(1299.0, -2)).isEqualTo(1200.0);
    assertThat(MathFunctions.trunc(-1299L, -2)).isEqualTo(-1200L);
    assertThat(MathFunctions.trunc(new BigDecimal("-2.75"))).isEqualTo(new BigDecimal("-2"));
    assertThat(MathFunctions.trunc(new BigDecimal("2.789"), 2)).isEqualTo(new BigDecimal("2.78"));
  }

  @Test
  void decimalCeilFloorAbs() {
    assertThat(MathFunctions.ceil(new BigDecimal("2.10"))).isEqualTo(new BigDecimal("3"));
    assertThat(MathFunctions.ceil(new BigDecimal("-2.10"))).isEqualTo(new BigDecimal("-2"));
    assertThat(MathFunctions.floor(new BigDecimal("-2.10"))).isEqualTo(new BigDecimal("-3"));
    assertThat(MathFunctions.abs(new BigDecimal("-2.50"))).isEqualTo(new BigDecimal("2.50"));
    assertThatThrownBy(() -> MathFunctions.abs(Long.MIN_VALUE)).hasMessageContaining("LDB-7001");
  }

  @Test
  void logarithmsAreExactOnPowersOfTheirBase() {
    assertThat(MathFunctions.log(10, 1000)).isEqualTo(3.0);
    assertThat(MathFunctions.log(2, 8)).isEqualTo(3.0);
    assertThat(MathFunctions.log(3, 81)).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(MathFunctions.log10(100)).isEqualTo(2.0);
    assertThat(MathFunctions.log2(1024)).isEqualTo(10.0);
    assertThat(MathFunctions.log2(0.25)).isEqualTo(-2.0);
    assertThat(MathFunctions.log2(3)).isEqualTo(StrictMath.log(3) / StrictMath.log(2));
    assertThat(MathFunctions.log2(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(MathFunctions.log2(-1)).isNaN();
    assertThat(MathFunctions.ln(1)).isEqualTo(0.0);
  }

  @Test
  void trigonometryAndAngles() {
    assertThat(MathFunctions.sin(0)).isEqualTo(0.0);
    assertThat(MathFunctions.cos(0)).isEqualTo(1.0);
    assertThat(MathFunctions.tan(0)).isEqualTo(0.0);
    assertThat(MathFunctions.asin(1)).isEqualTo(Math.PI / 2);
    assertThat(MathFunctions.acos(1)).isEqualTo(0.0);
    assertThat(MathFunctions.atan(1)).isEqualTo(Math.PI / 4);
    assertThat(MathFunctions.atan2(1, 1)).isEqualTo(Math.PI / 4);
    assertThat(MathFunctions.cot(Math.PI / 4)).isEqualTo(1 / StrictMath.tan(Math.PI / 4));
    assertThat(MathFunctions.degrees(Math.PI)).isEqualTo(180.0);
    assertThat(MathFunctions.radians(180)).isEqualTo(Math.PI);
    assertThat(MathFunctions.cbrt(27)).isEqualTo(3.0);
    assertThat(MathFunctions.cbrt(-8)).isEqualTo(-2.0);
    assertThat(MathFunctions.sinh(0)).isEqualTo(0.0);
    assertThat(MathFunctions.cosh(0)).isEqualTo(1.0);
    assertThat(MathFunctions.tanh(0)).isEqualTo(0.0);
  }

  @Test
  void gcdLcmFactorial() {
    assertThat(MathFunctions.gcd(12, 18)).isEqualTo(6);
    assertThat(MathFunctions.gcd(-12, 18)).isEqualTo(6);
    assertThat(MathFunctions.gcd(12, -18)).isEqualTo(6);
    assertThat(MathFunctions.gcd(0, 0)).isEqualTo(0);
    assertThat(MathFunctions.gcd(0, -5)).isEqualTo(5);
    assertThat(MathFunctions.gcd(Long.MIN_VALUE, 6)).isEqualTo(2);
    assertThatThrownBy(() -> MathFunctions.gcd(Long.MIN_VALUE, 0)).hasMessageContaining("LDB-7001");
    assertThat(MathFunctions.lcm(4, 6)).isEqualTo(12);
    assertThat(MathFunctions.lcm(-4, 6)).isEqualTo(12);
    assertThat(MathFunctions.lcm(0, 6)).isEqualTo(0);
    assertThatThrownBy(() -> MathFunctions.lcm(Long.MAX_VALUE, 2)).hasMessageContaining("LDB-7001");
    assertThat(MathFunctions.factorial(0)).isEqualTo(1);
    assertThat(MathFunctions.factorial(-3)).isEqualTo(1);
    assertThat(MathFunctions.factorial(5)).isEqualTo(120);
    assertThat(MathFunctions.factorial(20)).isEqualTo(2_432_902_008_176_640_000L);
    assertThatThrownBy(() -> MathFunctions.factorial(21)).hasMessageContaining("LDB-7001");
  }

  @Test
  void nanHandling() {
    assertThat(MathFunctions.isNan(Double.NaN)).isTrue();
    assertThat(MathFunctions.isNan(1)).isFalse();
    assertThat(MathFunctions.isZero(-0.0)).isTrue();
    assertThat(MathFunctions.nanvl(Double.NaN, 5)).isEqualTo(5.0);
    assertThat(MathFunctions.nanvl(1, 5)).isEqualTo(1.0);
  }
}
