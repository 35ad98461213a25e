package dev.vigil.tsdb.tombstones;

/** A closed interval [minTime, maxTime] of deleted samples, in milliseconds. */
public record Interval(long minTime, long maxTime) {
  public boolean contains(long t) {
    return t >= minTime && t <= maxTime;
  }
}
