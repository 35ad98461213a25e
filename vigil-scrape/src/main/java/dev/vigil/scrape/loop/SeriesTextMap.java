package dev.vigil.scrape.loop;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * A hash map of entries keyed by series text, looked up straight from a range of the scraped body: a
 * scrape of a series seen before hashes its bytes and allocates nothing. A text is known by its
 * 128-bit MurmurHash3 under a seed drawn for each map, not by a copy of its bytes: a copy would cost
 * each series of a head its text again (60-odd bytes for node-exporter's) and a cache miss more per
 * sample to compare it. Two texts of one target sharing a hash would take one entry; at 2^-128 a
 * pair, with a seed no target knows, that is not a risk worth those bytes (and a target could only
 * ever send one of its own series' samples as another's, which its body can do anyway). Open
 * addressing with linear probing, at most half full. Not thread-safe.
 */
final class SeriesTextMap<E extends SeriesTextMap.Keyed> {
  private static final int MIN_CAPACITY = 16;

  /** The 128-bit hash naming a series text in one map. */
  record TextKey(long first, long second) {}

  /** What the map stores: an entry that carries the key of its series text. */
  abstract static class Keyed {
    private final long first;
    private final long second;

    Keyed(TextKey key) {
      this.first = key.first();
      this.second = key.second();
    }

    boolean hasKey(long keyFirst, long keySecond) {
      return first == keyFirst && second == keySecond;
    }
  }

  private final Murmur3x128 hasher = new Murmur3x128(ThreadLocalRandom.current().nextLong());
  private Object[] table = new Object[MIN_CAPACITY];
  private int size;

  /**
   * The entry of the text {@code bytes[from, to)}, or null. {@code expected}, an entry of this map
   * (or null), is tried before the table: a caller that can guess the entry saves the table's cache
   * miss when the guess is right.
   */
  @SuppressWarnings("unchecked")
  E get(byte[] bytes, int from, int to, E expected) {
    hasher.hash(bytes, from, to);
    long first = hasher.first();
    long second = hasher.second();
    if (expected != null && expected.hasKey(first, second)) {
      return expected;
    }
    int mask = table.length - 1;
    for (int i = (int) first & mask; ; i = (i + 1) & mask) {
      E entry = (E) table[i];
      if (entry == null || entry.hasKey(first, second)) {
        return entry;
      }
    }
  }

  /** The key of the text {@code bytes[from, to)} in this map, for a new entry. */
  TextKey keyOf(byte[] bytes, int from, int to) {
    hasher.hash(bytes, from, to);
    return new TextKey(hasher.first(), hasher.second());
  }

  /** Adds {@code entry}, replacing the one with the same text; returns that one, or null. */
  @SuppressWarnings("unchecked")
  E put(E entry) {
    int slot = slotOf(entry);
    E previous = (E) table[slot];
    if (previous == null && 2 * (size + 1) > table.length) {
      rehash(table.length * 2);
      slot = slotOf(entry);
    }
    table[slot] = entry;
    if (previous == null) {
      size++;
    }
    return previous;
  }

  /** Removes every entry that matches; the table shrinks when most of them went. */
  @SuppressWarnings("unchecked")
  void removeIf(Predicate<E> doomed) {
    int kept = 0;
    for (int i = 0; i < table.length; i++) {
      if (table[i] != null) {
        if (doomed.test((E) table[i])) {
          table[i] = null;
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
    int capacity = table.length;
    while (capacity > MIN_CAPACITY && 8 * size < capacity) {
      capacity /= 2;
    }
    rehash(capacity);
  }

  int size() {
    return size;
  }

  /** The number of slots; {@link #valueAt} of each is its entry, or null for a free slot. */
  int capacity() {
    return table.length;
  }

  @SuppressWarnings("unchecked")
  E valueAt(int slot) {
    return (E) table[slot];
  }

  /** The slot holding the entry with {@code entry}'s key, or the free slot where it would go. */
  private int slotOf(Keyed entry) {
    int mask = table.length - 1;
    int i = (int) entry.first & mask;
    while (table[i] != null && !((Keyed) table[i]).hasKey(entry.first, entry.second)) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void rehash(int capacity) {
    Object[] old = table;
    table = new Object[capacity];
    for (Object entry : old) {
      if (entry != null) {
        table[slotOf((Keyed) entry)] = entry;
      }
    }
  }
}
