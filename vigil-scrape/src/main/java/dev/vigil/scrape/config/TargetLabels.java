package dev.vigil.scrape.config;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.LabelNames;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import dev.vigil.core.model.PromDuration;
import dev.vigil.scrape.relabel.Relabeling;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target's labels, assembled as Prometheus 2.42 does: its discovered labels plus the scrape config's
 * {@code job}, {@code __scheme__}, {@code __metrics_path__}, {@code __scrape_interval__},
 * {@code __scrape_timeout__} (where not already set) and {@code __param_*}; then target relabeling;
 * then a default port, the removal of {@code __meta_*} labels, and {@code instance} defaulting to the address.
 *
 * @param labels the final labels, still holding the {@code __} labels the scrape uses; empty when dropped
 * @param discoveredLabels the labels before relabeling, as Prometheus shows them for every target
 */
public record TargetLabels(Labels labels, Labels discoveredLabels) {
  static final String ADDRESS = "__address__";
  static final String SCHEME = "__scheme__";
  static final String METRICS_PATH = "__metrics_path__";
  static final String SCRAPE_INTERVAL = "__scrape_interval__";
  static final String SCRAPE_TIMEOUT = "__scrape_timeout__";

  /** True when relabeling dropped the target. */
  public boolean dropped() {
    return labels.isEmpty();
  }

  /** The labels the target's series get: those not starting with {@code __}. */
  public Labels publicLabels() {
    LabelsBuilder out = Labels.builder();
    labels.forEach((name, value) -> {
      if (!name.startsWith("__")) {
        out.add(name, value);
      }
    });
    return out.build();
  }

  /** The discovered labels of one target of a group: its own, then the group's where it has none of that name. */
  public static Labels discovered(TargetGroup group, int index) {
    Labels target = group.targets().get(index);
    LabelsBuilder out = target.toBuilder();
    group.labels().forEach((name, value) -> {
      if (!target.has(name)) {
        out.add(name, value);
      }
    });
    return out.build();
  }

  /**
   * Assembles and relabels one target.
   *
   * @throws IllegalArgumentException with Prometheus's reason when the target cannot be scraped
   */
  public static TargetLabels populate(Labels discovered, ScrapeConfig config) {
    Labels present = withoutEmptyValues(discovered);
    LabelsBuilder pre = present.toBuilder();
    setIfAbsent(pre, present, "job", config.jobName());
    setIfAbsent(pre, present, SCRAPE_INTERVAL, PromDuration.format(config.scrapeIntervalMillis()));
    setIfAbsent(pre, present, SCRAPE_TIMEOUT, PromDuration.format(config.scrapeTimeoutMillis()));
    setIfAbsent(pre, present, METRICS_PATH, config.metricsPath());
    setIfAbsent(pre, present, SCHEME, config.scheme());
    for (Map.Entry<String, List<String>> param : config.params().entrySet()) {
      if (!param.getValue().isEmpty()) {
        pre.set("__param_" + param.getKey(), param.getValue().get(0));
      }
    }
    Labels preRelabel = pre.build();
    Optional<Labels> relabeled = Relabeling.process(preRelabel, config.relabelConfigs());
    if (relabeled.isEmpty()) {
      return new TargetLabels(Labels.EMPTY, preRelabel);
    }
    return new TargetLabels(finish(relabeled.get(), config), preRelabel);
  }

  /** Prometheus treats a label with an empty value as absent. */
  private static Labels withoutEmptyValues(Labels labels) {
    LabelsBuilder out = Labels.builder();
    labels.forEach((name, value) -> {
      if (!value.isEmpty()) {
        out.add(name, value);
      }
    });
    return out.build();
  }

  private static void setIfAbsent(LabelsBuilder builder, Labels present, String name, String value) {
    if (!present.has(name)) {
      builder.set(name, value);
    }
  }

  private static Labels finish(Labels relabeled, ScrapeConfig config) {
    String address = relabeled.getOrEmpty(ADDRESS);
    if (address.isEmpty()) {
      throw new IllegalArgumentException("no address");
    }
    LabelsBuilder out = relabeled.toBuilder();
    if (!HostPort.splits(address) && HostPort.splits(address + ":1234")) {
      address = address + defaultPort(relabeled.getOrEmpty(SCHEME), config.scheme());
      out.set(ADDRESS, address);
    }
    if (address.contains("/")) {
      throw new IllegalArgumentException(GoQuote.quote(address) + " is not a valid hostname");
    }
    String interval = relabeled.getOrEmpty(SCRAPE_INTERVAL);
    String timeout = relabeled.getOrEmpty(SCRAPE_TIMEOUT);
    long intervalMillis = positiveDuration(interval, "scrape interval");
    long timeoutMillis = positiveDuration(timeout, "scrape timeout");
    if (timeoutMillis > intervalMillis) {
      throw new IllegalArgumentException("scrape timeout cannot be greater than scrape interval ("
          + GoQuote.quote(timeout) + " > " + GoQuote.quote(interval) + ")");
    }
    relabeled.forEach((name, value) -> {
      if (name.startsWith("__meta_")) {
        out.remove(name);
      }
    });
    if (!relabeled.has("instance")) {
      out.set("instance", address);
    }
    Labels result = out.build();
    result.forEach((name, value) -> {
      if (!LabelNames.isValidLabelValue(value)) {
        throw new IllegalArgumentException("invalid label value for " + GoQuote.quote(name) + ": " + GoQuote.quote(value));
      }
    });
    return result;
  }

  /** Prometheus reports the configured scheme even when relabeling changed the label. */
  private static String defaultPort(String scheme, String configuredScheme) {
    switch (scheme) {
      case "http":
      case "":
        return ":80";
      case "https":
        return ":443";
      default:
        throw new IllegalArgumentException("invalid scheme: " + GoQuote.quote(configuredScheme));
    }
  }

  private static long positiveDuration(String text, String what) {
    long millis;
    try {
      millis = PromDuration.parseMillis(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("error parsing " + what + ": " + e.getMessage(), e);
    }
    if (millis == 0) {
      throw new IllegalArgumentException(what + " cannot be 0");
    }
    return millis;
  }
}
