package dev.vigil.testkit.peer;

/** A peer process could not be started, did not answer in time, or failed in a way the caller did not expect. */
public class PeerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PeerException(String message) {
    super(message);
  }

  public PeerException(String message, Throwable cause) {
    super(message, cause);
  }
}
