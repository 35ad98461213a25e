package dev.vigil.core.labels;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An immutable label set, sorted by name, with unique names. Equality, hashing and ordering follow
 * Prometheus: sets compare pairwise by name then value (in UTF-8 byte order), and a prefix sorts first.
 *
 * <p>Names and values live in one flat array (name, value, name, value...) so a label set costs one
 * object plus its strings, and comparisons touch one cache line more rather than one per label.
 */
public final class Labels implements Comparable<Labels> {
  public static final String METRIC_NAME = "__name__";
  public static final Labels EMPTY = new Labels(new String[0]);

  private final String[] pairs;
  private int hash;

  private Labels(String[] pairs) {
    this.pairs = pairs;
  }

  /** Builds a label set from alternating names and values; sorts them and rejects duplicate names. */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("labels need an even number of names and values");
    }
    LabelsBuilder builder = new LabelsBuilder(namesAndValues.length / 2);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      builder.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return builder.build();
  }

  public static Labels fromMap(Map<String, String> map) {
    LabelsBuilder builder = new LabelsBuilder(map.size());
    map.forEach(builder::add);
    return builder.build();
  }

  public static LabelsBuilder builder() {
    return new LabelsBuilder(8);
  }

  /** Wraps pairs that are already sorted by name with unique names; the array must not be changed afterwards. */
  static Labels wrapSorted(String[] pairs) {
    return pairs.length == 0 ? EMPTY : new Labels(pairs);
  }

  public int size() {
    return pairs.length / 2;
  }

  public boolean isEmpty() {
    return pairs.length == 0;
  }

  public String name(int i) {
    return pairs[2 * i];
  }

  public String value(int i) {
    return pairs[2 * i + 1];
  }

  /** Returns the value of the named label, or null when it is absent. */
  public String get(String name) {
    int lo = 0;
    int hi = size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Utf8Order.compare(pairs[2 * mid], name);
      if (c == 0) {
        return pairs[2 * mid + 1];
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }

  /** The value of the named label, or "" when absent, as Prometheus treats missing labels. */
  public String getOrEmpty(String name) {
    String value = get(name);
    return value == null ? "" : value;
  }

  public boolean has(String name) {
    return get(name) != null;
  }

  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < pairs.length; i += 2) {
      action.accept(pairs[i], pairs[i + 1]);
    }
  }

  /** A builder primed with this set's labels, for deriving a changed copy. */
  public LabelsBuilder toBuilder() {
    LabelsBuilder builder = new LabelsBuilder(size() + 2);
    forEach(builder::add);
    return builder;
  }

  @Override
  public int compareTo(Labels other) {
    int n = Math.min(pairs.length, other.pairs.length);
    for (int i = 0; i < n; i++) {
      int c = Utf8Order.compare(pairs[i], other.pairs[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pairs.length, other.pairs.length);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Labels)) {
      return false;
    }
    Labels other = (Labels) o;
    return hashCode() == other.hashCode() && Arrays.equals(pairs, other.pairs);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(pairs);
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  /** Prometheus's rendering: {@code {__name__="up", job="node"}} with Go-quoted values. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(pairs.length * 12);
    sb.append('{');
    for (int i = 0; i < pairs.length; i += 2) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(pairs[i]).append('=');
      GoQuote.appendQuoted(sb, pairs[i + 1]);
    }
    return sb.append('}').toString();
  }
}
