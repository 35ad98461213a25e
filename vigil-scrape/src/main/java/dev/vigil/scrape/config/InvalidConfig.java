package dev.vigil.scrape.config;

/**
 * Stops reading at the first check that fails, as Prometheus's decoder does for every error that is
 * not a type mismatch; {@link PrometheusConfig} turns it into a {@link ConfigException} with the file.
 */
final class InvalidConfig extends RuntimeException {
  final int line;

  InvalidConfig(int line, String reason) {
    super(reason);
    this.line = line;
  }

  InvalidConfig(int line, String reason, Throwable cause) {
    super(reason, cause);
    this.line = line;
  }
}
