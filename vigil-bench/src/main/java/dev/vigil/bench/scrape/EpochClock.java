package dev.vigil.bench.scrape;

/**
 * Scrape epochs: wall-clock time in whole scrape intervals since the farm started. Epochs turn at
 * multiples of the interval since 1970, as Prometheus aligns its scrapes to those multiples (plus a
 * per-target offset), so each scrape of a target falls in an epoch of its own.
 */
record EpochClock(long intervalMillis, long origin) {
  static EpochClock startingNow(long intervalMillis) {
    return new EpochClock(intervalMillis, System.currentTimeMillis() / intervalMillis);
  }

  long epoch() {
    return System.currentTimeMillis() / intervalMillis - origin;
  }
}
