package dev.vigil.tsdb;

import java.util.Random;

/**
 * Runs property tests from a seed: random per run unless -Dvigil.seed fixes one, and always named in
 * the failure so the run can be replayed.
 */
public final class Seeds {
  private Seeds() {}

  /** A property check over a seeded generator. */
  @FunctionalInterface
  public interface Property {
    void check(Random random) throws Exception;
  }

  public static void run(String what, Property property) throws Exception {
    String fixed = System.getProperty("vigil.seed");
    long seed = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
    try {
      property.check(new Random(seed));
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(what + ", seed=" + seed + " (replay with -Dvigil.seed=" + seed + "): "
          + e.getMessage(), e);
    }
  }
}
