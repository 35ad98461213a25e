package dev.vigil.it;

import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One seed per test class: random per run unless {@code -Dvigil.seed} fixes it, printed when the
 * class starts and again for each failed test, so any failure can be replayed.
 */
final class Seeds implements TestWatcher {
  private final long seed;

  private Seeds(long seed) {
    this.seed = seed;
  }

  /** A fresh seed (or the fixed one), announced on stdout. */
  static Seeds forClass(Class<?> testClass) {
    String fixed = System.getProperty("vigil.seed");
    long seed = fixed != null ? Long.parseLong(fixed.trim()) : new Random().nextLong();
    System.out.println(testClass.getSimpleName() + " seed=" + seed + " (replay with -Dvigil.seed=" + seed + ")");
    return new Seeds(seed);
  }

  long seed() {
    return seed;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    System.err.println("FAILED " + context.getDisplayName() + " with seed=" + seed
        + " (replay with -Dvigil.seed=" + seed + ")");
  }

  @Override
  public String toString() {
    return "seed=" + seed;
  }
}
