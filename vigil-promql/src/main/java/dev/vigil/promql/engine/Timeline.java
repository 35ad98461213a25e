package dev.vigil.promql.engine;

/** The evaluation times of one evaluator: start, start + interval, ... up to end (milliseconds). */
record Timeline(long start, long end, long interval) {
  Timeline {
    if (interval <= 0 || end < start || stepCount(start, end, interval) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bad timeline " + start + ".." + end + " / " + interval);
    }
  }

  /** How many steps start..end has at this interval, without overflowing. */
  static long stepCount(long start, long end, long interval) {
    return Long.divideUnsigned(end - start, interval) + 1;
  }

  static Timeline instant(long time) {
    return new Timeline(time, time, 1);
  }

  int steps() {
    return (int) ((end - start) / interval) + 1;
  }

  long at(int step) {
    return start + step * interval;
  }

  boolean isInstant() {
    return start == end;
  }
}
