package dev.vigil.tsdb.index;

import java.util.List;

/** Lazy set operations over postings: intersection, union and difference. */
public final class PostingsOps {
  private PostingsOps() {}

  public static Postings intersect(List<Postings> its) {
    if (its.isEmpty()) {
      return Postings.EMPTY;
    }
    if (its.size() == 1) {
      return its.get(0);
    }
    return new Intersection(its.toArray(new Postings[0]));
  }

  public static Postings merge(List<Postings> its) {
    if (its.isEmpty()) {
      return Postings.EMPTY;
    }
    if (its.size() == 1) {
      return its.get(0);
    }
    return new Union(its);
  }

  /** The references of {@code full} that are not in {@code drop}. */
  public static Postings without(Postings full, Postings drop) {
    return new Difference(full, drop);
  }

  /** Drains postings into an array, for tests and for materialising small results. */
  public static long[] toArray(Postings p) {
    long[] out = new long[16];
    int n = 0;
    while (p.next()) {
      if (n == out.length) {
        out = java.util.Arrays.copyOf(out, n * 2);
      }
      out[n++] = p.at();
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static final class Intersection implements Postings {
    private final Postings[] its;
    private long cur = -1;

    Intersection(Postings[] its) {
      this.its = its;
    }

    @Override
    public boolean next() {
      if (!its[0].next()) {
        return false;
      }
      return align(its[0].at());
    }

    @Override
    public boolean seek(long v) {
      if (cur >= v) {
        return true;
      }
      if (!its[0].seek(v)) {
        return false;
      }
      return align(its[0].at());
    }

    /** Seeks every iterator to a common reference at or after {@code target}. */
    private boolean align(long target) {
      int agreeing = 0;
      int i = 0;
      while (agreeing < its.length) {
        Postings p = its[i];
        if (!p.seek(target)) {
          return false;
        }
        long at = p.at();
        if (at == target) {
          agreeing++;
        } else {
          target = at;
          agreeing = 1;
        }
        i = (i + 1) % its.length;
      }
      cur = target;
      return true;
    }

    @Override
    public long at() {
      return cur;
    }
  }

  /**
   * A k-way union over a binary min-heap of iterators keyed by their current reference (kept in a
   * parallel array, so sifting does not call through the interface). Seeking advances only the
   * iterators whose head is below the target.
   */
  private static final class Union implements Postings {
    private final Postings[] sources;
    private final Postings[] heap;
    private final long[] keys;
    private int size;
    private boolean started;
    private long cur = -1;

    Union(List<Postings> its) {
      sources = its.toArray(new Postings[0]);
      heap = new Postings[sources.length];
      keys = new long[sources.length];
    }

    private boolean start(long seekTo) {
      started = true;
      for (Postings p : sources) {
        if (seekTo < 0 ? p.next() : p.seek(seekTo)) {
          heap[size] = p;
          keys[size] = p.at();
          size++;
        }
      }
      for (int i = size / 2 - 1; i >= 0; i--) {
        siftDown(i);
      }
      return pop();
    }

    /** Moves to the smallest head and advances every iterator positioned on it. */
    private boolean pop() {
      if (size == 0) {
        return false;
      }
      cur = keys[0];
      while (size > 0 && keys[0] == cur) {
        advanceTop(heap[0].next());
      }
      return true;
    }

    /** Re-sorts the top after it moved, or drops it when it is exhausted. */
    private void advanceTop(boolean hasMore) {
      if (hasMore) {
        keys[0] = heap[0].at();
      } else {
        size--;
        heap[0] = heap[size];
        keys[0] = keys[size];
        heap[size] = null;
      }
      siftDown(0);
    }

    private void siftDown(int i) {
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          return;
        }
        int r = l + 1;
        int m = r < size && keys[r] < keys[l] ? r : l;
        if (keys[i] <= keys[m]) {
          return;
        }
        Postings p = heap[i];
        heap[i] = heap[m];
        heap[m] = p;
        long k = keys[i];
        keys[i] = keys[m];
        keys[m] = k;
        i = m;
      }
    }

    @Override
    public boolean next() {
      return started ? pop() : start(-1);
    }

    @Override
    public boolean seek(long v) {
      if (!started) {
        return start(v);
      }
      if (cur >= v) {
        return true;
      }
      // Heads in the heap are all past cur; only those below v need to move.
      while (size > 0 && keys[0] < v) {
        advanceTop(heap[0].seek(v));
      }
      return pop();
    }

    @Override
    public long at() {
      return cur;
    }
  }

  private static final class Difference implements Postings {
    private final Postings full;
    private final Postings drop;
    private boolean dropValid = true;
    private boolean dropStarted;

    Difference(Postings full, Postings drop) {
      this.full = full;
      this.drop = drop;
    }

    private boolean skipDropped() {
      while (true) {
        long v = full.at();
        if (dropValid) {
          if (!dropStarted) {
            dropStarted = true;
            dropValid = drop.seek(v);
          } else if (drop.at() < v) {
            dropValid = drop.seek(v);
          }
        }
        if (!dropValid || drop.at() != v) {
          return true;
        }
        if (!full.next()) {
          return false;
        }
      }
    }

    @Override
    public boolean next() {
      return full.next() && skipDropped();
    }

    @Override
    public boolean seek(long v) {
      return full.seek(v) && skipDropped();
    }

    @Override
    public long at() {
      return full.at();
    }
  }
}
