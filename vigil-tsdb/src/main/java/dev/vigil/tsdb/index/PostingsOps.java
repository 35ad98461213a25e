package dev.vigil.tsdb.index;

import java.util.List;
import java.util.PriorityQueue;

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

  private static final class Union implements Postings {
    private final PriorityQueue<Postings> heap = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
    private final List<Postings> its;
    private boolean started;
    private long cur = -1;

    Union(List<Postings> its) {
      this.its = its;
    }

    private boolean start(long seekTo) {
      started = true;
      for (Postings p : its) {
        if (seekTo < 0 ? p.next() : p.seek(seekTo)) {
          heap.add(p);
        }
      }
      return pop();
    }

    /** Moves to the smallest head reference and advances every iterator positioned on it. */
    private boolean pop() {
      if (heap.isEmpty()) {
        return false;
      }
      cur = heap.peek().at();
      while (!heap.isEmpty() && heap.peek().at() == cur) {
        Postings p = heap.poll();
        if (p.next()) {
          heap.add(p);
        }
      }
      return true;
    }

    @Override
    public boolean next() {
      if (!started) {
        return start(-1);
      }
      return pop();
    }

    @Override
    public boolean seek(long v) {
      if (!started) {
        return start(v);
      }
      if (cur >= v) {
        return true;
      }
      // Iterators in the heap are one past cur; seek all of them to v and rebuild.
      Postings[] rest = heap.toArray(new Postings[0]);
      heap.clear();
      for (Postings p : rest) {
        if (p.seek(v)) {
          heap.add(p);
        }
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
