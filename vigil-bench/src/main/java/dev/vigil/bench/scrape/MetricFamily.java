package dev.vigil.bench.scrape;

import java.util.List;

/** One metric family of a synthetic target: its HELP and TYPE, and its series in exposition order. */
record MetricFamily(String name, String type, String help, List<Line> lines) {
  /**
   * One series. {@code open} is its name and labels without the closing brace, so a churn label can
   * be added when rendering; series with the same {@code group} (a histogram's buckets, sum and
   * count) churn together.
   */
  record Line(String open, int group, boolean hundredths, SeriesValue value) {}
}
