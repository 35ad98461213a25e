package dev.vigil.scrape.loop;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * A hash map of entries keyed by series text, looked up straight from a range of the scraped body: a
 * scrape of a series seen before hashes and compares its bytes and allocates nothing. Each entry holds
 * its own key (an exact copy of the bytes) and hash, so a lookup reads the table slot, the entry and
 * the key's bytes, and nothing else: on a head of many series each of those is a cache miss. Open
 * addressing with linear probing, at most half full. Not thread-safe.
 */
final class SeriesTextMap<E extends SeriesTextMap.Keyed> {
  private static final int MIN_CAPACITY = 16;

  /** What the map stores: an entry that carries its series text and the text's hash. */
  abstract static class Keyed {
    private final byte[] text;
    private final int hash;

    /** Copies the text {@code bytes[from, to)}. */
    Keyed(byte[] bytes, int from, int to) {
      this.text = Arrays.copyOfRange(bytes, from, to);
      this.hash = hash(bytes, from, to);
    }

    boolean hasText(byte[] bytes, int from, int to, int textHash) {
      return hash == textHash && Arrays.equals(text, 0, text.length, bytes, from, to);
    }
  }

  private Object[] table = new Object[MIN_CAPACITY];
  private int size;

  /** The entry of the text {@code bytes[from, to)}, or null. */
  @SuppressWarnings("unchecked")
  E get(byte[] bytes, int from, int to) {
    int hash = hash(bytes, from, to);
    int mask = table.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      E entry = (E) table[i];
      if (entry == null || entry.hasText(bytes, from, to, hash)) {
        return entry;
      }
    }
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

  /** The slot holding the entry with {@code entry}'s text, or the free slot where it would go. */
  private int slotOf(Keyed entry) {
    int mask = table.length - 1;
    int i = entry.hash & mask;
    while (table[i] != null && !((Keyed) table[i]).hasText(entry.text, 0, entry.text.length, entry.hash)) {
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

  private static int hash(byte[] bytes, int from, int to) {
    long h = XxHash64.hash(bytes, from, to - from);
    return (int) (h ^ (h >>> 32));
  }
}
