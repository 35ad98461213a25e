package dev.vigil.tsdb;

import java.util.Random;

/** Seeds for property tests: random per run unless -Dvigil.seed fixes one; always printed on failure. */
final class Seeds {
  private Seeds() {}

  static long next() {
    String fixed = System.getProperty("vigil.seed");
    return fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
  }
}
