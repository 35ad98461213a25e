package dev.vigil.scrape.config;

/**
 * How targets are reached over HTTP.
 *
 * @param basicAuth null when not configured
 * @param authorization null when not configured; also holds a legacy bearer token
 */
public record HttpClientConfig(
    BasicAuth basicAuth,
    Authorization authorization,
    TlsConfig tls,
    boolean followRedirects,
    boolean enableHttp2) {

  public static final HttpClientConfig DEFAULT = new HttpClientConfig(null, null, TlsConfig.NONE, true, true);
}
