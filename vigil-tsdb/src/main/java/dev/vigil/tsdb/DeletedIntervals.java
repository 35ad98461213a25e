package dev.vigil.tsdb;

import dev.vigil.tsdb.tombstones.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples a reader must hide: a series' tombstones plus everything outside the query range, as
 * one list of closed intervals. Both queriers use it, so samples and chunks are hidden alike.
 */
final class DeletedIntervals {
  private DeletedIntervals() {}

  static List<Interval> of(List<Interval> tombstones, long mint, long maxt) {
    List<Interval> out = new ArrayList<>(tombstones.size() + 2);
    out.addAll(tombstones);
    if (mint > Long.MIN_VALUE) {
      out.add(new Interval(Long.MIN_VALUE, mint - 1));
    }
    if (maxt < Long.MAX_VALUE) {
      out.add(new Interval(maxt + 1, Long.MAX_VALUE));
    }
    return out;
  }

  static boolean contains(List<Interval> intervals, long t) {
    for (int i = 0; i < intervals.size(); i++) {
      if (intervals.get(i).contains(t)) {
        return true;
      }
    }
    return false;
  }

  static boolean overlaps(List<Interval> intervals, long mint, long maxt) {
    for (int i = 0; i < intervals.size(); i++) {
      Interval iv = intervals.get(i);
      if (iv.minTime() <= maxt && iv.maxTime() >= mint) {
        return true;
      }
    }
    return false;
  }

  /** Whether [mint, maxt] lies entirely inside the union of the intervals. */
  static boolean covers(List<Interval> intervals, long mint, long maxt) {
    long from = mint;
    boolean progressed = true;
    while (progressed) {
      progressed = false;
      for (Interval iv : intervals) {
        if (iv.minTime() <= from && iv.maxTime() >= from) {
          if (iv.maxTime() >= maxt) {
            return true;
          }
          from = iv.maxTime() + 1;
          progressed = true;
        }
      }
    }
    return false;
  }
}
