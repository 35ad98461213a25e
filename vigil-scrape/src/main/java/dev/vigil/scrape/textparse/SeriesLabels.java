package dev.vigil.scrape.textparse;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.LabelStrings;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The labels of the series line a text parser is on: the parser records where each label name and
 * (still escaped) value lies in its input, and {@link #build} turns them into {@link Labels} only when
 * asked. Built labels are kept in a small cache of recent series keyed by the series' bytes, so a later
 * line that spells the same series byte for byte (a backfill file repeating a series, a histogram's
 * bucket series point after point) shares them instead of decoding again.
 *
 * <p>Both exposition formats unescape label values alike and leave duplicate label names to the
 * appender, so this is the one place that builds labels for either parser. Not thread-safe.
 */
final class SeriesLabels {
  /** Longest series (name and labels) whose labels are kept for reuse by later lines. */
  private static final int MAX_REUSED_SERIES_BYTES = 4096;
  /** Slots of the recent-series cache, a power of two; direct-mapped by a hash of the series bytes. */
  private static final int CACHED_SERIES = 64;

  /** Per label of the current series: name start, name end, value start, value end (still escaped). */
  private int[] bounds = new int[16];
  private int count;

  /** Per slot: the bytes of a series whose labels were built, and those labels. */
  private final byte[][] cachedSeries = new byte[CACHED_SERIES][];
  private final int[] cachedLengths = new int[CACHED_SERIES];
  private final Labels[] cachedLabels = new Labels[CACHED_SERIES];

  /** Forgets the labels recorded for the previous series line. */
  void clear() {
    count = 0;
  }

  /** Records one label: its name {@code [nameFrom, nameTo)} and escaped value {@code [valueFrom, valueTo)}. */
  void add(int nameFrom, int nameTo, int valueFrom, int valueTo) {
    int at = count * 4;
    if (at + 4 > bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    bounds[at] = nameFrom;
    bounds[at + 1] = nameTo;
    bounds[at + 2] = valueFrom;
    bounds[at + 3] = valueTo;
    count++;
  }

  /**
   * The labels of the series whose bytes are {@code input[nameFrom, seriesEnd)}, starting with its
   * metric name {@code input[nameFrom, nameTo)}, plus the labels recorded since {@link #clear()}.
   *
   * @throws TextParseException on {@code line} when a label name occurs twice (or {@code __name__} is
   *     given in braces): 2.42's parsers let such a series through and its appender fails the scrape
   *     with {@code label name "x" is not unique}; a {@link Labels} cannot hold the duplicate
   */
  Labels build(byte[] input, int nameFrom, int nameTo, int seriesEnd, int line) throws TextParseException {
    int length = seriesEnd - nameFrom;
    if (length > MAX_REUSED_SERIES_BYTES) {
      return decode(input, nameFrom, nameTo, line);
    }
    int slot = slotOf(input, nameFrom, seriesEnd);
    byte[] cached = cachedSeries[slot];
    if (cached != null && cachedLengths[slot] == length
        && Arrays.equals(input, nameFrom, seriesEnd, cached, 0, length)) {
      return cachedLabels[slot];
    }
    Labels labels = decode(input, nameFrom, nameTo, line);
    remember(slot, input, nameFrom, length, labels);
    return labels;
  }

  private static int slotOf(byte[] input, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + input[i];
    }
    h ^= h >>> 16;
    return h & (CACHED_SERIES - 1);
  }

  /**
   * Keeps a series' bytes and labels in its slot: a label set is a function of those bytes alone, and
   * {@link Labels} are immutable, so a later line with the same bytes can share them.
   */
  private void remember(int slot, byte[] input, int from, int length, Labels labels) {
    byte[] cached = cachedSeries[slot];
    if (cached == null || cached.length < length) {
      cached = new byte[Math.max(length, 128)];
      cachedSeries[slot] = cached;
    }
    System.arraycopy(input, from, cached, 0, length);
    cachedLengths[slot] = length;
    cachedLabels[slot] = labels;
  }

  private Labels decode(byte[] input, int nameFrom, int nameTo, int line) throws TextParseException {
    int n = count + 1;
    String[] names = new String[n];
    String[] values = new String[n];
    names[0] = Labels.METRIC_NAME;
    values[0] = LabelStrings.intern(ascii(input, nameFrom, nameTo));
    for (int i = 0; i < count; i++) {
      int at = i * 4;
      names[i + 1] = LabelStrings.intern(ascii(input, bounds[at], bounds[at + 1]));
      values[i + 1] = LabelStrings.intern(Escapes.decode(input, bounds[at + 2], bounds[at + 3]));
    }
    // Sorting here (O(n log n), names are ASCII so String order is UTF-8 order) finds duplicates and
    // hands the builder sorted labels, keeping hostile series with huge label counts cheap.
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
    LabelsBuilder builder = Labels.builder();
    for (int i = 0; i < n; i++) {
      String name = names[order[i]];
      if (i > 0 && name.equals(names[order[i - 1]])) {
        throw new TextParseException(line, "label name " + GoQuote.quote(name) + " is not unique");
      }
      builder.add(name, values[order[i]]);
    }
    return builder.build();
  }

  private static String ascii(byte[] input, int from, int to) {
    return new String(input, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
