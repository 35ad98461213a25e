package dev.vigil.scrape.loop;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * A hash map keyed by series text, looked up straight from a range of the scraped body: a scrape of a
 * series seen before hashes and compares its bytes and allocates nothing. Open addressing with linear
 * probing over parallel arrays kept at most half full; a key is stored as an exact copy of its bytes,
 * so an entry costs those bytes and three array slots. Not thread-safe.
 */
final class SeriesTextMap<V> {
  private static final int MIN_CAPACITY = 16;

  private byte[][] keys;
  private int[] hashes;
  private Object[] values;
  private int size;

  SeriesTextMap() {
    allocate(MIN_CAPACITY);
  }

  /** The value of the text {@code bytes[from, to)}, or null. */
  @SuppressWarnings("unchecked")
  V get(byte[] bytes, int from, int to) {
    int slot = find(bytes, from, to, hash(bytes, from, to));
    return slot < 0 ? null : (V) values[slot];
  }

  /** Maps the text {@code bytes[from, to)} to {@code value}; returns what it mapped to before, or null. */
  @SuppressWarnings("unchecked")
  V put(byte[] bytes, int from, int to, V value) {
    int hash = hash(bytes, from, to);
    int slot = find(bytes, from, to, hash);
    if (slot >= 0) {
      V previous = (V) values[slot];
      values[slot] = value;
      return previous;
    }
    if (2 * (size + 1) > keys.length) {
      rehash(keys.length * 2);
    }
    insert(Arrays.copyOfRange(bytes, from, to), hash, value);
    size++;
    return null;
  }

  /** Removes every entry whose value matches; the arrays shrink when most of them went. */
  @SuppressWarnings("unchecked")
  void removeIf(Predicate<V> doomed) {
    int kept = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        if (doomed.test((V) values[i])) {
          keys[i] = null;
          values[i] = null;
        } else {
          kept++;
        }
      }
    }
    if (kept == size) {
      return;
    }
    size = kept;
    // Linear probing cannot leave holes inside a run: reinsert every survivor.
    int capacity = keys.length;
    while (capacity > MIN_CAPACITY && 8 * size < capacity) {
      capacity /= 2;
    }
    rehash(capacity);
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

  private int find(byte[] bytes, int from, int to, int hash) {
    int mask = keys.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      byte[] key = keys[i];
      if (key == null) {
        return -1;
      }
      if (hashes[i] == hash && Arrays.equals(key, 0, key.length, bytes, from, to)) {
        return i;
      }
    }
  }

  private void insert(byte[] key, int hash, Object value) {
    int mask = keys.length - 1;
    int i = hash & mask;
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    hashes[i] = hash;
    values[i] = value;
  }

  private void rehash(int capacity) {
    byte[][] oldKeys = keys;
    int[] oldHashes = hashes;
    Object[] oldValues = values;
    allocate(capacity);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        insert(oldKeys[i], oldHashes[i], oldValues[i]);
      }
    }
  }

  private void allocate(int capacity) {
    keys = new byte[capacity][];
    hashes = new int[capacity];
    values = new Object[capacity];
  }

  private static int hash(byte[] bytes, int from, int to) {
    long h = XxHash64.hash(bytes, from, to - from);
    return (int) (h ^ (h >>> 32));
  }
}
