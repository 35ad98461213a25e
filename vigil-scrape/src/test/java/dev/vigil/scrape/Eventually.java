package dev.vigil.scrape;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits, bounded in time, for what another thread makes true. */
public final class Eventually {
  private Eventually() {}

  /** Whether {@code condition} held within {@code millis}, looked at every few milliseconds. */
  public static boolean within(long millis, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }
}
