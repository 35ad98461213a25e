package dev.vigil.scrape.textparse;

import java.io.IOException;

/**
 * Malformed exposition text. The message is {@code line N: <reason>}, where the reason is worded as
 * Prometheus 2.42 words it, so that a failed scrape reads the same in Vigil and in Prometheus.
 *
 * <p>Checked, and an {@link IOException}: bad text is an expected outcome of reading a target's body
 * or a file, never a bug, and every caller already handles the I/O failures of getting that text.
 */
public final class TextParseException extends IOException {
  private final int lineNumber;
  private final String reason;

  public TextParseException(int lineNumber, String reason) {
    super("line " + lineNumber + ": " + reason);
    this.lineNumber = lineNumber;
    this.reason = reason;
  }

  /** The 1-based line the error is on. */
  public int lineNumber() {
    return lineNumber;
  }

  /** The message without the line number, as Prometheus 2.42 would report it. */
  public String reason() {
    return reason;
  }
}
