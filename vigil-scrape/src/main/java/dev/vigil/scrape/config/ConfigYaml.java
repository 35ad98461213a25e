package dev.vigil.scrape.config;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.PromDuration;
import dev.vigil.scrape.relabel.RelabelConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A configuration as Prometheus 2.42 shows it at {@code /api/v1/status/config}: its Go structs
 * marshalled by yaml.v2 after loading. So every default is filled in, fields come in struct order
 * (the HTTP client's fields inline in the scrape config, then its service discovery sections by name),
 * {@code omitempty} fields are left out when zero, secrets read {@code <secret>}, a legacy bearer token
 * appears as the authorization it became, and relative file paths are joined to the config's directory.
 *
 * <p>Only the sections Vigil reads are shown; Prometheus would also show {@code alerting},
 * {@code remote_write}, {@code remote_read}, {@code storage} and {@code tracing} when a file sets them.
 */
public final class ConfigYaml {
  private static final String SECRET = "<secret>";
  /** TLSConfig's versions have no value-receiver marshaller, so yaml.v2 writes their uint16 value. */
  private static final Map<String, String> TLS_VERSION_NUMBERS =
      Map.of("TLS10", "769", "TLS11", "770", "TLS12", "771", "TLS13", "772");

  private final String directory;

  private ConfigYaml(String directory) {
    this.directory = directory;
  }

  /** The YAML text, byte for byte what Prometheus serves as {@code data.yaml}. */
  public static String render(PrometheusConfig config) {
    return GoYamlEmitter.emit(new ConfigYaml(config.directory()).config(config));
  }

  private GoYamlNode config(PrometheusConfig config) {
    return new GoYamlStruct()
        .field("global", global(config.global()))
        .omitEmpty("rule_files", config.ruleFiles().isEmpty(), () -> GoYamlNode.strings(paths(config.ruleFiles())))
        .omitEmpty("scrape_configs", config.scrapeConfigs().isEmpty(),
            () -> sequence(config.scrapeConfigs(), this::scrapeConfig))
        .build();
  }

  private GoYamlNode global(GlobalConfig global) {
    GoYamlStruct fields = new GoYamlStruct();
    duration(fields, "scrape_interval", global.scrapeIntervalMillis());
    duration(fields, "scrape_timeout", global.scrapeTimeoutMillis());
    duration(fields, "evaluation_interval", global.evaluationIntervalMillis());
    return fields
        .omitEmpty("query_log_file", path(global.queryLogFile()))
        .omitEmpty("external_labels", global.externalLabels().isEmpty(), () -> labelMap(global.externalLabels()))
        .build();
  }

  private GoYamlNode scrapeConfig(ScrapeConfig job) {
    GoYamlStruct fields = new GoYamlStruct()
        .string("job_name", job.jobName())
        .omitEmpty("honor_labels", job.honorLabels())
        .field("honor_timestamps", GoYamlNode.bool(job.honorTimestamps()))
        .omitEmpty("params", job.params().isEmpty(), () -> params(job.params()));
    duration(fields, "scrape_interval", job.scrapeIntervalMillis());
    duration(fields, "scrape_timeout", job.scrapeTimeoutMillis());
    fields.omitEmpty("metrics_path", job.metricsPath())
        .omitEmpty("scheme", job.scheme())
        .omitEmpty("body_size_limit", job.bodySizeLimitBytes() == 0,
            () -> GoYamlNode.string(ByteSize.format(job.bodySizeLimitBytes())))
        .omitEmptyUnsigned("sample_limit", job.sampleLimit())
        .omitEmptyUnsigned("target_limit", job.targetLimit())
        .omitEmptyUnsigned("label_limit", job.labelLimit())
        .omitEmptyUnsigned("label_name_length_limit", job.labelNameLengthLimit())
        .omitEmptyUnsigned("label_value_length_limit", job.labelValueLengthLimit());
    httpClient(fields, job.http());
    return fields
        .omitEmpty("relabel_configs", job.relabelConfigs().isEmpty(),
            () -> sequence(job.relabelConfigs(), ConfigYaml::relabelConfig))
        .omitEmpty("metric_relabel_configs", job.metricRelabelConfigs().isEmpty(),
            () -> sequence(job.metricRelabelConfigs(), ConfigYaml::relabelConfig))
        .omitEmpty("dns_sd_configs", job.dnsSdConfigs().isEmpty(), () -> sequence(job.dnsSdConfigs(), ConfigYaml::dnsSd))
        .omitEmpty("file_sd_configs", job.fileSdConfigs().isEmpty(), () -> sequence(job.fileSdConfigs(), this::fileSd))
        .omitEmpty("static_configs", job.staticConfigs().isEmpty(),
            () -> sequence(job.staticConfigs(), ConfigYaml::staticConfig))
        .build();
  }

  /** url.Values: each parameter's values as a list, an empty one included. */
  private static GoYamlNode params(Map<String, List<String>> params) {
    Map<String, GoYamlNode> values = new LinkedHashMap<>();
    params.forEach((name, list) -> values.put(name, GoYamlNode.strings(list)));
    return GoYamlNode.stringMap(values);
  }

  /** The fields of prometheus/common's HTTPClientConfig, which the scrape config inlines. */
  private void httpClient(GoYamlStruct fields, HttpClientConfig http) {
    BasicAuth basic = http.basicAuth();
    Authorization auth = http.authorization();
    fields.omitEmpty("basic_auth", basic == null, () -> new GoYamlStruct()
            .string("username", basic.username())
            .omitEmpty("password", basic.password().isEmpty(), () -> GoYamlNode.string(SECRET))
            .omitEmpty("password_file", path(basic.passwordFile()))
            .build())
        .omitEmpty("authorization", auth == null, () -> new GoYamlStruct()
            .omitEmpty("type", auth.type())
            .omitEmpty("credentials", auth.credentials().isEmpty(), () -> GoYamlNode.string(SECRET))
            .omitEmpty("credentials_file", path(auth.credentialsFile()))
            .build())
        .omitEmpty("tls_config", http.tls().equals(TlsConfig.NONE), () -> tls(http.tls()))
        .field("follow_redirects", GoYamlNode.bool(http.followRedirects()))
        .field("enable_http2", GoYamlNode.bool(http.enableHttp2()));
  }

  private GoYamlNode tls(TlsConfig tls) {
    return new GoYamlStruct()
        .omitEmpty("ca_file", path(tls.caFile()))
        .omitEmpty("cert_file", path(tls.certFile()))
        .omitEmpty("key_file", path(tls.keyFile()))
        .omitEmpty("server_name", tls.serverName())
        .field("insecure_skip_verify", GoYamlNode.bool(tls.insecureSkipVerify()))
        .omitEmpty("min_version", tls.minVersion().isEmpty(),
            () -> GoYamlNode.plain(TLS_VERSION_NUMBERS.get(tls.minVersion())))
        .omitEmpty("max_version", tls.maxVersion().isEmpty(),
            () -> GoYamlNode.plain(TLS_VERSION_NUMBERS.get(tls.maxVersion())))
        .build();
  }

  /** relabel.Config; its regex is never zero, and an empty one marshals as null. */
  private static GoYamlNode relabelConfig(RelabelConfig rule) {
    String regex = rule.regex().source();
    return new GoYamlStruct()
        .omitEmpty("source_labels", rule.sourceLabels().isEmpty(), () -> GoYamlNode.flowStrings(rule.sourceLabels()))
        .omitEmpty("separator", rule.separator())
        .field("regex", regex.isEmpty() ? GoYamlNode.nil() : GoYamlNode.string(regex))
        .omitEmptyUnsigned("modulus", rule.modulus())
        .omitEmpty("target_label", rule.targetLabel())
        .omitEmpty("replacement", rule.replacement())
        .string("action", rule.action().configName())
        .build();
  }

  private static GoYamlNode dnsSd(DnsSdConfig dns) {
    GoYamlStruct fields = new GoYamlStruct().field("names", GoYamlNode.strings(dns.names()));
    duration(fields, "refresh_interval", dns.refreshIntervalMillis());
    return fields
        .string("type", dns.type())
        .field("port", GoYamlNode.plain(Integer.toString(dns.port())))
        .build();
  }

  private GoYamlNode fileSd(FileSdConfig file) {
    GoYamlStruct fields = new GoYamlStruct().field("files", GoYamlNode.strings(paths(file.files())));
    duration(fields, "refresh_interval", file.refreshIntervalMillis());
    return fields.build();
  }

  private static GoYamlNode staticConfig(TargetGroup group) {
    List<String> addresses = group.targets().stream().map(target -> target.getOrEmpty("__address__")).toList();
    return new GoYamlStruct()
        .field("targets", GoYamlNode.strings(addresses))
        .omitEmpty("labels", group.labels().isEmpty(), () -> labelMap(group.labels()))
        .build();
  }

  private static GoYamlNode labelMap(Labels labels) {
    Map<String, GoYamlNode> values = new LinkedHashMap<>();
    labels.forEach((name, value) -> values.put(name, GoYamlNode.string(value)));
    return GoYamlNode.stringMap(values);
  }

  /** A model.Duration, zero being omitted. */
  private static void duration(GoYamlStruct fields, String name, long millis) {
    fields.omitEmpty(name, millis == 0, () -> GoYamlNode.string(PromDuration.format(millis)));
  }

  private static <T> GoYamlNode sequence(List<T> items, Function<T, GoYamlNode> render) {
    return new GoYamlNode.Sequence(items.stream().map(render).toList(), false);
  }

  private String path(String path) {
    return GoFilePath.joinDir(directory, path);
  }

  private List<String> paths(List<String> paths) {
    return paths.stream().map(this::path).toList();
  }
}
