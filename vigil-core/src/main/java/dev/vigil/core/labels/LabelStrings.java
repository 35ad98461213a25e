package dev.vigil.core.labels;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per distinct label name or short value, for label sets built from bytes (an
 * exposition, a WAL). Millions of series repeat a few thousand strings ({@code __name__} values,
 * label names, {@code mode="user"}), and a series' strings are most of what it costs in memory when
 * each parse makes its own. Bounded: when the table is full it starts afresh (strings handed out stay
 * valid and shared), so high-cardinality values cannot grow it without limit.
 */
public final class LabelStrings {
  /** Longer strings are rarely repeated and are left alone. */
  static final int MAX_LENGTH = 64;
  static final int MAX_ENTRIES = 1 << 20;

  private static final ConcurrentHashMap<String, String> TABLE = new ConcurrentHashMap<>();

  private LabelStrings() {}

  /** The shared instance equal to {@code s}, or {@code s} itself when it is long. */
  public static String intern(String s) {
    if (s.length() > MAX_LENGTH) {
      return s;
    }
    String shared = TABLE.putIfAbsent(s, s);
    if (shared != null) {
      return shared;
    }
    if (TABLE.size() > MAX_ENTRIES) {
      TABLE.clear();
    }
    return s;
  }
}
