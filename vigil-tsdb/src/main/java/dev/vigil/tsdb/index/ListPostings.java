package dev.vigil.tsdb.index;

/** Postings over a sorted array of references; seeks by galloping then binary search. */
public final class ListPostings implements Postings {
  private final long[] refs;
  private final int end;
  private int i = -1;

  public ListPostings(long[] sortedRefs) {
    this(sortedRefs, sortedRefs.length);
  }

  public ListPostings(long[] sortedRefs, int length) {
    this.refs = sortedRefs;
    this.end = length;
  }

  @Override
  public boolean next() {
    if (i < end) {
      i++;
    }
    return i < end;
  }

  @Override
  public boolean seek(long v) {
    if (i < 0) {
      i = 0;
    }
    if (i >= end) {
      return false;
    }
    if (refs[i] >= v) {
      return true;
    }
    int step = 1;
    int lo = i;
    int hi = i + 1;
    while (hi < end && refs[hi] < v) {
      lo = hi;
      step <<= 1;
      hi = lo + step;
    }
    hi = Math.min(hi, end);
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (refs[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    i = lo;
    return i < end;
  }

  @Override
  public long at() {
    return refs[i];
  }
}
