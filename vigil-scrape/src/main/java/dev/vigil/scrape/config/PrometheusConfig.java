package dev.vigil.scrape.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The scrape part of {@code prometheus.yml}, read as Prometheus 2.42 reads it: the same defaults,
 * the same checks, and the same error texts, plus the line of the section at fault.
 *
 * @param ruleFiles rule file paths or globs, as written
 * @param scrapeConfigs the jobs, each with its interval and timeout resolved
 * @param directory what Prometheus takes relative file paths in the config to be relative to: the
 *     directory part of the loaded file's path as given (Go's filepath.Dir), "." for parsed text.
 *     Paths in the records stay as written.
 */
public record PrometheusConfig(
    GlobalConfig global, List<String> ruleFiles, List<ScrapeConfig> scrapeConfigs, String directory) {
  public PrometheusConfig {
    ruleFiles = List.copyOf(ruleFiles);
    scrapeConfigs = List.copyOf(scrapeConfigs);
  }

  /** A configuration whose relative paths are relative to the working directory. */
  public PrometheusConfig(GlobalConfig global, List<String> ruleFiles, List<ScrapeConfig> scrapeConfigs) {
    this(global, ruleFiles, scrapeConfigs, ".");
  }

  /** @throws ConfigException when the file cannot be read or is not a valid configuration */
  public static PrometheusConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
    }
    PrometheusConfig config = parse(text, file.toString());
    return new PrometheusConfig(config.global(), config.ruleFiles(), config.scrapeConfigs(),
        GoFilePath.dir(file.toString()));
  }

  /**
   * Parses configuration text.
   *
   * @param source names the text in error messages, usually its file
   * @throws ConfigException when the text is not a valid configuration
   */
  public static PrometheusConfig parse(String text, String source) throws ConfigException {
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new ConfigException(source, line, "yaml: " + e.getProblem(), e);
    } catch (YAMLException e) {
      throw new ConfigException(source, 0, "yaml: " + e.getMessage(), e);
    }
    YamlReader yaml = new YamlReader();
    try {
      PrometheusConfig config = new PrometheusConfigReader(yaml).read(root);
      if (config == null) {
        throw new ConfigException(source, 0, yaml.typeErrorReport(), null);
      }
      return config;
    } catch (InvalidConfig e) {
      throw new ConfigException(source, e.line, e.getMessage(), e);
    }
  }
}
