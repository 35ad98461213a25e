package dev.vigil.scrape.config;

import java.util.List;

/**
 * The scrape configs with every relative file path joined to the config file's directory, as
 * Prometheus's SetDirectory does after loading, so file_sd globs, TLS files and credential files are
 * found wherever the server was started. The loaded {@link PrometheusConfig} keeps paths as written
 * (its YAML rendering joins them itself).
 */
public final class ConfigPaths {
  private ConfigPaths() {}

  public static List<ScrapeConfig> resolved(PrometheusConfig config) {
    String dir = config.directory();
    return config.scrapeConfigs().stream().map(c -> resolve(dir, c)).toList();
  }

  private static ScrapeConfig resolve(String dir, ScrapeConfig c) {
    return new ScrapeConfig(c.jobName(), c.honorLabels(), c.honorTimestamps(), c.params(),
        c.scrapeIntervalMillis(), c.scrapeTimeoutMillis(), c.metricsPath(), c.scheme(), c.bodySizeLimitBytes(),
        c.sampleLimit(), c.targetLimit(), c.labelLimit(), c.labelNameLengthLimit(), c.labelValueLengthLimit(),
        resolve(dir, c.http()), c.staticConfigs(),
        c.fileSdConfigs().stream()
            .map(f -> new FileSdConfig(f.files().stream().map(p -> GoFilePath.joinDir(dir, p)).toList(),
                f.refreshIntervalMillis()))
            .toList(),
        c.dnsSdConfigs(), c.relabelConfigs(), c.metricRelabelConfigs());
  }

  private static HttpClientConfig resolve(String dir, HttpClientConfig h) {
    BasicAuth basic = h.basicAuth() == null ? null
        : new BasicAuth(h.basicAuth().username(), h.basicAuth().password(),
            GoFilePath.joinDir(dir, h.basicAuth().passwordFile()));
    Authorization auth = h.authorization() == null ? null
        : new Authorization(h.authorization().type(), h.authorization().credentials(),
            GoFilePath.joinDir(dir, h.authorization().credentialsFile()));
    TlsConfig t = h.tls();
    TlsConfig tls = new TlsConfig(GoFilePath.joinDir(dir, t.caFile()), GoFilePath.joinDir(dir, t.certFile()),
        GoFilePath.joinDir(dir, t.keyFile()), t.serverName(), t.insecureSkipVerify(), t.minVersion(), t.maxVersion());
    return new HttpClientConfig(basic, auth, tls, h.followRedirects(), h.enableHttp2());
  }
}
