package dev.vigil.testkit.peer;

/**
 * A peer is not installed and the build does not require it ({@code vigil.requirePeers} is not
 * "true"): the test should be skipped, not failed. Test code turns it into its framework's skip
 * (JUnit: {@code Assumptions.abort(e.getMessage())}); left uncaught it fails the test, which errs on
 * the loud side.
 */
public final class PeerMissingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String peer;

  public PeerMissingException(String peer, String message) {
    super(message);
    this.peer = peer;
  }

  public String peer() {
    return peer;
  }
}
