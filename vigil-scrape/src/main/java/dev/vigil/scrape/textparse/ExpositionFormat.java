package dev.vigil.scrape.textparse;

/**
 * The exposition formats a scrape body can be in, and which one a response's Content-Type selects,
 * as Prometheus 2.42's {@code textparse.New} chooses.
 */
public enum ExpositionFormat {
  /** The Prometheus text format 0.0.4: the default for any body not declared OpenMetrics. */
  PROMETHEUS_TEXT,
  /** OpenMetrics 1.0 text, declared as {@code application/openmetrics-text}. */
  OPENMETRICS;

  private static final String OPENMETRICS_MEDIA_TYPE = "application/openmetrics-text";

  /**
   * The format of a body served with {@code contentType} (null or empty when there was none). Only a
   * well-formed {@code application/openmetrics-text} (any case, any valid parameters) selects
   * OpenMetrics; everything else falls back to the 0.0.4 text format, as in 2.42: a missing,
   * unknown or malformed Content-Type, and also 2.42's protobuf type, which Vigil never asks for.
   */
  public static ExpositionFormat forContentType(String contentType) {
    if (contentType == null || contentType.isEmpty()) {
      return PROMETHEUS_TEXT;
    }
    String mediaType = GoMediaType.parse(contentType);
    return OPENMETRICS_MEDIA_TYPE.equals(mediaType) ? OPENMETRICS : PROMETHEUS_TEXT;
  }

  /** A parser of this format over a whole body. */
  public ExpositionParser parser(byte[] body) {
    return parser(body, body.length);
  }

  /** A parser of this format over the first {@code length} bytes of {@code body}. */
  public ExpositionParser parser(byte[] body, int length) {
    return this == OPENMETRICS ? new OpenMetricsParser(body, length) : new PrometheusTextParser(body, length);
  }
}
