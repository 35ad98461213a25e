package dev.vigil.scrape.config;

/**
 * A configuration that cannot be used. The message reads like Prometheus's
 * ({@code parsing YAML file F: reason}), with the line of the offending section when it is known
 * and Prometheus's own reason does not already carry lines.
 */
public final class ConfigException extends Exception {
  private final String file;
  private final int line;
  private final String reason;

  public ConfigException(String file, int line, String reason, Throwable cause) {
    super(render(file, line, reason), cause);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  private static String render(String file, int line, String reason) {
    String where = line > 0 ? "line " + line + ": " : "";
    return "parsing YAML file " + file + ": " + where + reason;
  }

  public String file() {
    return file;
  }

  /** The 1-based line of the section at fault, or 0 when the reason lists its own lines or none applies. */
  public int line() {
    return line;
  }

  /** Prometheus's wording of what is wrong, without the file and line. */
  public String reason() {
    return reason;
  }
}
