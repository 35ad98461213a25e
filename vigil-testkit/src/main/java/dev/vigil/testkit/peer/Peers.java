package dev.vigil.testkit.peer;

/**
 * The policy when a peer (promtool, prometheus...) is not installed. On a developer machine the
 * interop test is skipped with a loud line on stderr; in CI, which sets the system property {@value
 * #REQUIRE_PROPERTY} to "true" and installs the peers, a missing peer fails the build, so interop
 * coverage can never silently disappear.
 */
public final class Peers {
  /** System property; "true" turns a missing peer into a failure. */
  public static final String REQUIRE_PROPERTY = "vigil.requirePeers";

  private Peers() {}

  /** Whether missing peers fail the build ({@value #REQUIRE_PROPERTY}=true). */
  public static boolean required() {
    return Boolean.parseBoolean(System.getProperty(REQUIRE_PROPERTY, "false").trim());
  }

  /**
   * Returns when {@code available}; otherwise throws an {@link AssertionError} if peers are
   * {@linkplain #required() required}, else prints {@code PEER MISSING: <name> not installed —
   * interop test skipped; CI installs it} to stderr and throws {@link PeerMissingException}, which
   * the caller turns into a skipped test.
   */
  public static void require(String name, boolean available) {
    if (available) {
      return;
    }
    if (required()) {
      throw new AssertionError("PEER MISSING: " + name + " not installed, and -D" + REQUIRE_PROPERTY
          + "=true requires it (install Debian's prometheus package, or put it on PATH)");
    }
    String message = "PEER MISSING: " + name + " not installed — interop test skipped; CI installs it";
    System.err.println(message);
    throw new PeerMissingException(name, message);
  }
}
