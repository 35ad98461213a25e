package dev.vigil.scrape.textparse;

/** The kinds of entry a text parser returns, as Prometheus 2.42's {@code textparse.Entry}. */
public enum Entry {
  /** {@code # TYPE <family> <type>}. */
  TYPE,
  /** {@code # HELP <family> <text>}. */
  HELP,
  /** {@code # UNIT <family> <unit>}; OpenMetrics only. */
  UNIT,
  /**
   * Any other comment line; only the 0.0.4 text format has these. Prometheus 2.42's OpenMetrics parser
   * rejects a {@code #} line that is not TYPE, HELP, UNIT or EOF.
   */
  COMMENT,
  /** One sample: labels, value and optional timestamp. */
  SERIES,
  /** The end of the exposition; returned again by every later call. */
  EOF
}
