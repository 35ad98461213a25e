package dev.vigil.core.storage;

/** A sample storage refused; the reason reads like Prometheus's. */
public class SampleRejectedException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** Why a sample was refused; the messages are Prometheus's, so logs and errors match. */
  public enum Reason {
    OUT_OF_ORDER("out of order sample"),
    DUPLICATE_TIMESTAMP("duplicate sample for timestamp"),
    OUT_OF_BOUNDS("out of bounds");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  private final Reason reason;

  public SampleRejectedException(Reason reason, String detail) {
    super(detail == null || detail.isEmpty() ? reason.message() : reason.message() + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
