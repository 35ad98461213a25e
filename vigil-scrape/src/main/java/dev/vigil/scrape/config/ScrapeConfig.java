package dev.vigil.scrape.config;

import dev.vigil.scrape.relabel.RelabelConfig;
import java.util.List;
import java.util.Map;

/**
 * One scrape job, with the global interval and timeout already filled in. Durations are in
 * milliseconds; limits are unsigned, 0 meaning none.
 *
 * @param params query parameters sent with every scrape, each name with its values in order
 * @param bodySizeLimitBytes the largest uncompressed response accepted
 */
public record ScrapeConfig(
    String jobName,
    boolean honorLabels,
    boolean honorTimestamps,
    Map<String, List<String>> params,
    long scrapeIntervalMillis,
    long scrapeTimeoutMillis,
    String metricsPath,
    String scheme,
    long bodySizeLimitBytes,
    long sampleLimit,
    long targetLimit,
    long labelLimit,
    long labelNameLengthLimit,
    long labelValueLengthLimit,
    HttpClientConfig http,
    List<TargetGroup> staticConfigs,
    List<FileSdConfig> fileSdConfigs,
    List<DnsSdConfig> dnsSdConfigs,
    List<RelabelConfig> relabelConfigs,
    List<RelabelConfig> metricRelabelConfigs) {

  public ScrapeConfig {
    params = Map.copyOf(params);
    staticConfigs = List.copyOf(staticConfigs);
    fileSdConfigs = List.copyOf(fileSdConfigs);
    dnsSdConfigs = List.copyOf(dnsSdConfigs);
    relabelConfigs = List.copyOf(relabelConfigs);
    metricRelabelConfigs = List.copyOf(metricRelabelConfigs);
  }
}
