package dev.vigil.scrape.discovery;

import java.io.IOException;

/** A DNS lookup or exchange that failed, or a response that is malformed. */
public final class DnsException extends IOException {
  public DnsException(String message) {
    super(message);
  }

  public DnsException(String message, Throwable cause) {
    super(message, cause);
  }
}
