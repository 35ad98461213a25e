package dev.vigil.scrape.http;

/**
 * A scrape config's HTTP client cannot be made (an unreadable or unusable CA file, client certificate
 * or key, contradicting TLS versions), where Prometheus refuses to create or reload the scrape pool.
 * The message is Prometheus's error text, {@code error creating HTTP client: <reason>}.
 */
public final class HttpClientSetupException extends Exception {
  private final String reason;

  HttpClientSetupException(String reason, Throwable cause) {
    super("error creating HTTP client: " + reason, cause);
    this.reason = reason;
  }

  /** The reason alone, as prometheus/common's {@code NewClientFromConfig} words it. */
  public String reason() {
    return reason;
  }
}
