package dev.vigil.scrape.config;

/**
 * TLS towards targets. Versions are Prometheus's names ({@code TLS10} to {@code TLS13}), empty when unset.
 */
public record TlsConfig(
    String caFile,
    String certFile,
    String keyFile,
    String serverName,
    boolean insecureSkipVerify,
    String minVersion,
    String maxVersion) {

  public static final TlsConfig NONE = new TlsConfig("", "", "", "", false, "", "");
}
