package dev.vigil.tsdb.index;

import java.nio.ByteBuffer;

/** Postings read straight from a memory-mapped list of big-endian u32 references, without copying. */
final class BigEndianPostings implements Postings {
  private final ByteBuffer b;
  private final int start;
  private final int count;
  private int i = -1;
  private long cur;

  BigEndianPostings(ByteBuffer b, int start, int count) {
    this.b = b;
    this.start = start;
    this.count = count;
  }

  private long get(int idx) {
    return b.getInt(start + 4 * idx) & 0xFFFFFFFFL;
  }

  @Override
  public boolean next() {
    if (i < count) {
      i++;
    }
    if (i < count) {
      cur = get(i);
      return true;
    }
    return false;
  }

  @Override
  public boolean seek(long v) {
    if (i < 0) {
      i = 0;
      if (count == 0) {
        return false;
      }
      cur = get(0);
    }
    if (i >= count) {
      return false;
    }
    if (cur >= v) {
      return true;
    }
    int lo = i + 1;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (get(mid) < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    i = lo;
    if (i < count) {
      cur = get(i);
      return true;
    }
    return false;
  }

  @Override
  public long at() {
    return cur;
  }
}
