package dev.vigil.core.model;

import java.math.BigInteger;

/**
 * The shortest decimal that reads back as a given double, and of those the closest (ties to even):
 * the digits Go's strconv writes for precision -1. Implements Ulf Adams's Ryū algorithm (PLDI 2018):
 * the double's rounding interval is scaled by a power of ten using 128-bit fixed-point powers of
 * five, then digits are dropped while the interval still tells them apart. No allocation besides the
 * result, no big-number arithmetic after class initialisation.
 */
final class ShortestDigits {
  private static final int MANTISSA_BITS = 52;
  private static final int EXPONENT_BIAS = 1023;
  private static final int POW5_BITCOUNT = 125;
  private static final int POW5_INV_BITCOUNT = 125;
  private static final int POW5_TABLE_SIZE = 326;
  private static final int POW5_INV_TABLE_SIZE = 342;

  /** 5^i scaled to 125 bits: {high, low} 64-bit halves. */
  private static final long[][] POW5_SPLIT = new long[POW5_TABLE_SIZE][];
  /** 2^(bits(5^i) - 1 + 125) / 5^i + 1: {high, low}. */
  private static final long[][] POW5_INV_SPLIT = new long[POW5_INV_TABLE_SIZE][];

  static {
    BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    for (int i = 0; i < Math.max(POW5_TABLE_SIZE, POW5_INV_TABLE_SIZE); i++) {
      BigInteger pow5 = BigInteger.valueOf(5).pow(i);
      int bits = pow5.bitLength();
      if (i < POW5_TABLE_SIZE) {
        int shift = bits - POW5_BITCOUNT;
        BigInteger scaled = shift >= 0 ? pow5.shiftRight(shift) : pow5.shiftLeft(-shift);
        POW5_SPLIT[i] = new long[] {scaled.shiftRight(64).longValue(), scaled.and(mask64).longValue()};
      }
      if (i < POW5_INV_TABLE_SIZE) {
        BigInteger inv = BigInteger.ONE.shiftLeft(bits - 1 + POW5_INV_BITCOUNT).divide(pow5).add(BigInteger.ONE);
        POW5_INV_SPLIT[i] = new long[] {inv.shiftRight(64).longValue(), inv.and(mask64).longValue()};
      }
    }
  }

  /** value = digits × 10^exponent, with no trailing zero in digits removable without losing v. */
  record Result(long digits, int exponent) {}

  private ShortestDigits() {}

  /** For a positive finite double. */
  static Result of(double v) {
    long bits = Double.doubleToRawLongBits(v);
    long ieeeMantissa = bits & ((1L << MANTISSA_BITS) - 1);
    int ieeeExponent = (int) (bits >>> MANTISSA_BITS) & 0x7ff;
    int e2;
    long m2;
    if (ieeeExponent == 0) {
      e2 = 1 - EXPONENT_BIAS - MANTISSA_BITS - 2;
      m2 = ieeeMantissa;
    } else {
      e2 = ieeeExponent - EXPONENT_BIAS - MANTISSA_BITS - 2;
      m2 = (1L << MANTISSA_BITS) | ieeeMantissa;
    }
    boolean acceptBounds = (m2 & 1) == 0;
    long mv = 4 * m2;
    int mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1 : 0;

    long vr;
    long vp;
    long vm;
    int e10;
    boolean vmIsTrailingZeros = false;
    boolean vrIsTrailingZeros = false;
    if (e2 >= 0) {
      int q = log10Pow2(e2) - (e2 > 3 ? 1 : 0);
      e10 = q;
      int k = POW5_INV_BITCOUNT + pow5bits(q) - 1;
      int i = -e2 + q + k;
      long[] mul = POW5_INV_SPLIT[q];
      vr = mulShift(mv, mul, i);
      vp = mulShift(mv + 2, mul, i);
      vm = mulShift(mv - 1 - mmShift, mul, i);
      if (q <= 21) {
        if (mv % 5 == 0) {
          vrIsTrailingZeros = multipleOfPowerOf5(mv, q);
        } else if (acceptBounds) {
          vmIsTrailingZeros = multipleOfPowerOf5(mv - 1 - mmShift, q);
        } else if (multipleOfPowerOf5(mv + 2, q)) {
          vp--;
        }
      }
    } else {
      int q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
      e10 = q + e2;
      int i = -e2 - q;
      int k = pow5bits(i) - POW5_BITCOUNT;
      int j = q - k;
      long[] mul = POW5_SPLIT[i];
      vr = mulShift(mv, mul, j);
      vp = mulShift(mv + 2, mul, j);
      vm = mulShift(mv - 1 - mmShift, mul, j);
      if (q <= 1) {
        vrIsTrailingZeros = true;
        if (acceptBounds) {
          vmIsTrailingZeros = mmShift == 1;
        } else {
          vp--;
        }
      } else if (q < 63) {
        vrIsTrailingZeros = (mv & ((1L << q) - 1)) == 0;
      }
    }

    int removed = 0;
    int lastRemovedDigit = 0;
    long output;
    if (vmIsTrailingZeros || vrIsTrailingZeros) {
      while (vp / 10 > vm / 10) {
        vmIsTrailingZeros &= vm % 10 == 0;
        vrIsTrailingZeros &= lastRemovedDigit == 0;
        lastRemovedDigit = (int) (vr % 10);
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed++;
      }
      if (vmIsTrailingZeros) {
        while (vm % 10 == 0) {
          vrIsTrailingZeros &= lastRemovedDigit == 0;
          lastRemovedDigit = (int) (vr % 10);
          vr /= 10;
          vp /= 10;
          vm /= 10;
          removed++;
        }
      }
      if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
        lastRemovedDigit = 4;
      }
      boolean roundUp = (vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5;
      output = vr + (roundUp ? 1 : 0);
    } else {
      boolean roundUp = false;
      if (vp / 100 > vm / 100) {
        roundUp = vr % 100 >= 50;
        vr /= 100;
        vp /= 100;
        vm /= 100;
        removed += 2;
      }
      while (vp / 10 > vm / 10) {
        roundUp = vr % 10 >= 5;
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed++;
      }
      output = vr + (vr == vm || roundUp ? 1 : 0);
    }
    return new Result(output, e10 + removed);
  }

  /** (m × mul) >> shift, for m &lt; 2^55, mul a 125-bit number as {high, low}, shift &gt; 64. */
  private static long mulShift(long m, long[] mul, int shift) {
    long lowHigh = Math.multiplyHigh(m, mul[1]) + ((mul[1] >> 63) & m);
    long highLow = m * mul[0];
    long highHigh = Math.multiplyHigh(m, mul[0]) + ((mul[0] >> 63) & m);
    long sumLow = lowHigh + highLow;
    long sumHigh = highHigh + (Long.compareUnsigned(sumLow, lowHigh) < 0 ? 1 : 0);
    int s = shift - 64;
    return (sumHigh << (64 - s)) | (sumLow >>> s);
  }

  private static int pow5bits(int e) {
    return (int) ((e * 1217359L) >>> 19) + 1;
  }

  private static int log10Pow2(int e) {
    return (int) ((e * 78913L) >>> 18);
  }

  private static int log10Pow5(int e) {
    return (int) ((e * 732923L) >>> 20);
  }

  private static boolean multipleOfPowerOf5(long value, int p) {
    int count = 0;
    long v = value;
    while (v > 0 && v % 5 == 0) {
      v /= 5;
      count++;
    }
    return count >= p;
  }
}
