package dev.vigil.scrape;

/**
 * A configuration file could not be (fully) applied; the message is Prometheus 2.42's, as its reload
 * endpoint and logs print it ({@code couldn't load configuration (--config.file="...")}: ...).
 */
public final class ConfigReloadException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigReloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
