package dev.vigil.core.model;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a randomised test body with a seed that is reported when the body fails. The seed comes from
 * the {@code vigil.seed} system property when it is set (to replay a failure), else a fresh one per
 * run. Lives in core's tests because vigil-testkit depends on core and cannot be used here.
 */
public final class Seeded {
  public static final String PROPERTY = "vigil.seed";

  private Seeded() {}

  /** The seed for this run: {@code -Dvigil.seed} when given, else a new one. */
  public static long seed() {
    String fixed = System.getProperty(PROPERTY);
    if (fixed != null && !fixed.isBlank()) {
      return Long.parseLong(fixed.trim());
    }
    // Only the choice of seed is unseeded; everything the test draws comes from Random(seed).
    return System.nanoTime() * 0x9E3779B97F4A7C15L;
  }

  /** Runs {@code body} with a {@code Random} built from {@link #seed()}; a failure names the seed. */
  public static void run(Consumer<Random> body) {
    long seed = seed();
    try {
      body.accept(new Random(seed));
    } catch (Throwable t) {
      AssertionError e = new AssertionError(
          "seed=" + seed + " (replay with -D" + PROPERTY + "=" + seed + "): " + t, t);
      throw e;
    }
  }
}
