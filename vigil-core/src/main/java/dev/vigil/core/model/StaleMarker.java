package dev.vigil.core.model;

/**
 * Prometheus marks a series as gone by writing a NaN with one specific bit pattern. It must survive
 * every copy bit for bit, so code that handles values keeps raw bits ({@link
 * Double#doubleToRawLongBits}) and never canonicalises NaNs.
 */
public final class StaleMarker {
  /** The bit pattern of Prometheus's staleness marker. */
  public static final long STALE_NAN_BITS = 0x7ff0000000000002L;

  /** The staleness marker as a double; compare with {@link #isStale}, never with {@code ==}. */
  public static final double STALE_NAN = Double.longBitsToDouble(STALE_NAN_BITS);

  private StaleMarker() {}

  public static boolean isStale(double v) {
    return Double.doubleToRawLongBits(v) == STALE_NAN_BITS;
  }
}
