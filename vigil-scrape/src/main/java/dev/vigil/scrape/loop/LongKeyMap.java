package dev.vigil.scrape.loop;

import java.util.Arrays;

/**
 * A hash map from long keys (label set hashes) to values without boxing: the staleness sets of a
 * scrape take one entry per sample, so a {@code HashMap<Long, ...>} would allocate a key and a node
 * per sample. Open addressing with linear probing, at most half full; values are never null, which
 * marks a free slot. Entries are read by slot ({@link #capacity()}, {@link #valueAt}). Not thread-safe.
 */
final class LongKeyMap<V> {
  private static final int MIN_CAPACITY = 16;

  private long[] keys = new long[MIN_CAPACITY];
  private Object[] values = new Object[MIN_CAPACITY];
  private int size;

  /** Maps {@code key} to {@code value} (not null), replacing what it mapped to. */
  void put(long key, V value) {
    if (value == null) {
      throw new IllegalArgumentException("values cannot be null");
    }
    int slot = find(key);
    if (values[slot] == null) {
      if (2 * (size + 1) > keys.length) {
        grow();
        slot = find(key);
      }
      keys[slot] = key;
      size++;
    }
    values[slot] = value;
  }

  boolean containsKey(long key) {
    return values[find(key)] != null;
  }

  int size() {
    return size;
  }

  /** The number of slots; {@link #valueAt} of each is its entry's value, or null for a free slot. */
  int capacity() {
    return values.length;
  }

  @SuppressWarnings("unchecked")
  V valueAt(int slot) {
    return (V) values[slot];
  }

  long keyAt(int slot) {
    return keys[slot];
  }

  /** Empties the map, keeping its slots: it fills to about the same size again on the next scrape. */
  void clear() {
    if (size > 0) {
      Arrays.fill(values, null);
      size = 0;
    }
  }

  /** The slot holding {@code key}, or the free slot where it would go. */
  private int find(long key) {
    int mask = keys.length - 1;
    int i = spread(key) & mask;
    while (values[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        int slot = find(oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  private static int spread(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
