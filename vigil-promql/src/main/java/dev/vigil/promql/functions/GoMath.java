package dev.vigil.promql.functions;

/**
 * Go's {@code math} functions where their results differ from {@link Math}'s beyond rounding: special
 * cases Go defines differently, and the behaviour of the amd64 assembly that Prometheus's release
 * binaries run. Everywhere else Java's functions agree with Go's to within an ulp or two.
 */
public final class GoMath {
  private static final double LN2 = 0.6931471805599453;
  /** 1/ln 2 and 1/ln 10 rounded once, as Go's constant arithmetic rounds them. */
  private static final double INV_LN2 = 1.4426950408889634;
  private static final double INV_LN10 = 0.4342944819032518;
  /** Go's amd64 {@code Exp} returns +Inf above this even before its scaling step overflows. */
  private static final double EXP_OVERFLOW = 709.782712893384;

  private static final double TWO_POW_28 = 0x1p28;
  private static final double TWO_POW_MINUS_28 = 0x1p-28;
  private static final long MANTISSA_BITS = 0x000FFFFFFFFFFFFFL;
  private static final long HALF_EXPONENT_BITS = 0x3FE0000000000000L;

  private GoMath() {}

  /**
   * Go's {@code math.Pow}. Java's {@link Math#pow} agrees except that Go returns 1 for {@code 1^y}
   * whatever y is (NaN and infinities included) and for {@code (-1)^±Inf}, where Java returns NaN.
   */
  public static double pow(double x, double y) {
    if (x == 1 || (x == -1 && Double.isInfinite(y))) {
      return 1;
    }
    return StrictMath.pow(x, y);
  }

  /**
   * Go's {@code math.Mod}: the exact remainder of x/y truncated towards zero, with the sign of x;
   * NaN when x is infinite, y is zero or either is NaN; x itself when y is infinite. Java's {@code %}
   * on doubles is defined the same way, case for case.
   */
  public static double mod(double x, double y) {
    return x % y;
  }

  /**
   * Go's amd64 {@code math.Exp}. It scales by 2^k with k = x·log2(e) rounded to nearest, and gives up
   * with +Inf once k reaches 1024, so for x from about 709.436 up to ln(MAX_VALUE) it returns +Inf
   * where the true result is still finite.
   */
  public static double exp(double x) {
    if (x > EXP_OVERFLOW || Math.rint(x * INV_LN2) >= 1024) {
      return Double.POSITIVE_INFINITY;
    }
    return StrictMath.exp(x);
  }

  /**
   * Go's amd64 {@code math.Log}. Its assembly splits x into mantissa and exponent straight from the
   * bits without normalising subnormal numbers, so for those it answers as if the exponent were
   * -1022 and the mantissa bits were a normal fraction.
   */
  public static double log(double x) {
    if (x > 0 && x < Double.MIN_NORMAL) {
      long bits = Double.doubleToRawLongBits(x);
      double fraction = Double.longBitsToDouble((bits & MANTISSA_BITS) | HALF_EXPONENT_BITS);
      return StrictMath.log(fraction) + -1022 * LN2;
    }
    return StrictMath.log(x);
  }

  /** Go's {@code math.Log2}: exact for powers of two, otherwise the log of the normalised fraction plus the exponent. */
  public static double log2(double x) {
    if (!(x > 0) || Double.isInfinite(x)) {
      return log(x);
    }
    int shift = 0;
    if (Math.getExponent(x) < Double.MIN_EXPONENT) {
      // Subnormal: scale into the normal range first so that the fraction keeps all its bits.
      x *= 0x1p54;
      shift = 54;
    }
    // x = fraction * 2^exponent with fraction in [0.5, 1), as Go's Frexp splits it.
    int exponent = Math.getExponent(x) + 1;
    double fraction = Math.scalb(x, -exponent);
    exponent -= shift;
    if (fraction == 0.5) {
      return exponent - 1;
    }
    return log(fraction) * INV_LN2 + exponent;
  }

  /** Go's {@code math.Log10}: the natural log scaled by 1/ln 10, so it shares {@link #log}'s quirks. */
  public static double log10(double x) {
    return log(x) * INV_LN10;
  }

  /** Go's {@code math.Sinh}: beyond |x| = 21 it is e^|x|/2 through {@link #exp}, so it overflows early too. */
  public static double sinh(double x) {
    if (Math.abs(x) > 21) {
      return Math.copySign(exp(Math.abs(x)) * 0.5, x);
    }
    return StrictMath.sinh(x);
  }

  /** Go's {@code math.Cosh}: beyond |x| = 21 it is e^|x|/2 through {@link #exp}. */
  public static double cosh(double x) {
    if (Math.abs(x) > 21) {
      return exp(Math.abs(x)) * 0.5;
    }
    return StrictMath.cosh(x);
  }

  /** Inverse hyperbolic sine (Java has none); odd, so ±0, ±Inf and NaN come back unchanged. */
  public static double asinh(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
      return x;
    }
    double a = Math.abs(x);
    double r;
    if (a > TWO_POW_28) {
      r = log(a) + LN2;
    } else if (a > 2) {
      r = log(2 * a + 1 / (Math.sqrt(a * a + 1) + a));
    } else if (a < TWO_POW_MINUS_28) {
      r = a;
    } else {
      r = StrictMath.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
    }
    return Math.copySign(r, x);
  }

  /** Inverse hyperbolic cosine: NaN below 1, 0 at 1, +Inf at +Inf. */
  public static double acosh(double x) {
    if (x < 1 || Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x == 1) {
      return 0;
    }
    if (x >= TWO_POW_28) {
      return log(x) + LN2;
    }
    if (x > 2) {
      return log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
    }
    double t = x - 1;
    return StrictMath.log1p(t + Math.sqrt(2 * t + t * t));
  }

  /** Inverse hyperbolic tangent: NaN outside [-1, 1], ±Inf at ±1. */
  public static double atanh(double x) {
    if (x < -1 || x > 1 || Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x == 1 || x == -1) {
      return x * Double.POSITIVE_INFINITY;
    }
    double a = Math.abs(x);
    double r;
    if (a < TWO_POW_MINUS_28) {
      r = a;
    } else if (a < 0.5) {
      double twice = a + a;
      r = 0.5 * StrictMath.log1p(twice + twice * a / (1 - a));
    } else {
      r = 0.5 * StrictMath.log1p((a + a) / (1 - a));
    }
    return Math.copySign(r, x);
  }

  /**
   * Go's {@code math.Max}: +Inf if either argument is +Inf, even against NaN (where Java answers
   * NaN); otherwise as {@link Math#max}, NaN winning and +0 beating -0.
   */
  public static double max(double x, double y) {
    if (x == Double.POSITIVE_INFINITY || y == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.max(x, y);
  }

  /** Go's {@code math.Min}: -Inf if either argument is -Inf, even against NaN; otherwise as {@link Math#min}. */
  public static double min(double x, double y) {
    if (x == Double.NEGATIVE_INFINITY || y == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    return Math.min(x, y);
  }

  /**
   * Go's {@code int64(x)} on amd64: truncation towards zero, and the "integer indefinite" value
   * {@link Long#MIN_VALUE} for NaN and for anything outside the int64 range (Java saturates instead,
   * and maps NaN to 0).
   */
  public static long toInt64(double x) {
    if (!(x >= -0x1p63 && x < 0x1p63)) {
      return Long.MIN_VALUE;
    }
    return (long) x;
  }
}
