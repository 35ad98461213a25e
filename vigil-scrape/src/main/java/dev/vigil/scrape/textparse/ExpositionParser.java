package dev.vigil.scrape.textparse;

import dev.vigil.core.labels.Labels;

/**
 * What a scrape reads from either exposition format: a pull parser over one exposition held in a byte
 * array. Call {@link #next()} until it returns {@link Entry#EOF}; after each entry the accessors for
 * that kind of entry describe it, and throw {@link IllegalStateException} for another kind. After an
 * error, {@code next()} throws the same error again. Implementations are not thread-safe.
 */
public interface ExpositionParser {
  /** Advances to the next entry; {@link Entry#EOF} at the end, and on every call after. */
  Entry next() throws TextParseException;

  /** The 1-based line the current entry starts on (0 before the first). */
  int lineNumber();

  /** The metric family a TYPE or HELP (or UNIT) entry is about. */
  String metricFamily();

  /** The type of a TYPE entry, named as Prometheus 2.42's {@code MetricType}: counter, gauge, ... unknown. */
  String type();

  /** The unescaped text of a HELP entry. */
  String help();

  /** The labels of a SERIES entry, {@code __name__} included. */
  Labels labels() throws TextParseException;

  /**
   * The bytes the current entry was read from, valid until the next call of {@link #next()}; callers
   * must not change them. A SERIES entry's text is {@code [seriesStart(), seriesEnd())} of them.
   */
  byte[] buffer();

  /**
   * Where the metric name and labels of a SERIES entry, exactly as written, start in {@link #buffer()}:
   * equal text means equal labels, so a scrape keys its series cache by this text and skips {@link
   * #labels()} for series it has seen, as 2.42 keys by {@code p.Series()}'s bytes.
   */
  int seriesStart();

  /** Where the text of a SERIES entry ends (exclusive) in {@link #buffer()}. */
  int seriesEnd();

  /** The value of a SERIES entry; a NaN has Go's bits ({@link dev.vigil.core.model.GoFloat#NORMAL_NAN_BITS}). */
  double value();

  /** Whether the SERIES entry carries its own timestamp. */
  boolean hasTimestamp();

  /** The timestamp of a SERIES entry in milliseconds; only valid when {@link #hasTimestamp()}. */
  long timestampMillis();
}
