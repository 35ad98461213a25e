package dev.vigil.it.promql;

import dev.vigil.testkit.dataset.BlockDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of one query: instant at {@code time}, or range over {@code [start, end]} by {@code
 * step}, all in milliseconds. Each case is one comparison in the differential test.
 */
record QueryCase(String query, boolean range, long time, long start, long end, long step) {
  /** Functions whose output order the API defines (Prometheus keeps it for instant queries). */
  private static final List<String> ORDERING_FUNCTIONS = List.of("sort(", "sort_desc(", "topk", "bottomk");

  /** One query in this many also runs with range parameters the API must refuse. */
  static final int API_ERROR_EVERY = 100;

  /** The API refuses a range query whose {@code (end - start) / step} exceeds this (Prometheus's 11,000 points). */
  static final long MAX_STEPS = 11_000;

  static QueryCase instant(String query, long time) {
    return new QueryCase(query, false, time, 0, 0, 0);
  }

  static QueryCase range(String query, long start, long end, long step) {
    return new QueryCase(query, true, 0, start, end, step);
  }

  /** The API path. */
  String path() {
    return range ? "/api/v1/query_range" : "/api/v1/query";
  }

  /** The API parameters, times in seconds as the API takes them. */
  Map<String, String> params() {
    return range
        ? Map.of("query", query, "start", seconds(start), "end", seconds(end), "step", seconds(step))
        : Map.of("query", query, "time", seconds(time));
  }

  /**
   * Whether the order of the result's series is part of the answer: an instant query whose outermost
   * operation sorts (sort, sort_desc, topk, bottomk). Everything else compares as a set; range
   * results are always in label order.
   */
  boolean orderDefined() {
    String q = query.strip();
    return !range && ORDERING_FUNCTIONS.stream().anyMatch(q::startsWith) && isOneCall(q);
  }

  /**
   * Whether {@code q} is a single call, its parenthesised groups (grouping clause, arguments) being
   * all there is after the function name: {@code topk by (job) (3, x)} is, {@code sort(x) + 1} is not.
   */
  private static boolean isOneCall(String q) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        String rest = q.substring(i + 1).strip();
        if (!(rest.isEmpty() || rest.startsWith("(") || rest.startsWith("by") || rest.startsWith("without"))) {
          return false;
        }
      }
    }
    return depth == 0;
  }

  /** "instant at 1675210650.123" or "range 1675210650.123..1675214250.123 step 47". */
  String describe() {
    return range
        ? "range " + seconds(start) + ".." + seconds(end) + " step " + seconds(step)
        : "instant at " + seconds(time);
  }

  /** An end before the start, a zero and a negative step, and one step more than the API allows. */
  private static List<QueryCase> rangesTheApiRefuses(String query, long at) {
    return List.of(range(query, at, at - 60_000, 15_000), range(query, at - 60_000, at, 0),
        range(query, at - 60_000, at, -15_000), range(query, at, at + (MAX_STEPS + 1) * 1000, 1000));
  }

  /** Whether the API must refuse this case's range parameters, whatever the query. */
  boolean refusedByTheApi() {
    return range && (end < start || step <= 0 || (end - start) / step > MAX_STEPS);
  }

  /** Epoch milliseconds as the API's seconds with three decimals, e.g. {@code 1675210650.123}. */
  static String seconds(long ms) {
    String frac = Long.toString(Math.floorMod(ms, 1000L));
    return Math.floorDiv(ms, 1000L) + "." + "0".repeat(3 - frac.length()) + frac;
  }

  /**
   * Every query at several instants and over several ranges. All queries run at the middle of the
   * data; the other instants and the ranges rotate with the query's position, so each shape meets
   * every kind of query without running everything everywhere.
   */
  static List<QueryCase> expand(List<String> queries, BlockDataset.Timeline timeline) {
    long min = timeline.minTime();
    long max = timeline.maxTime();
    long first = timeline.boundaries().get(0);
    long last = timeline.boundaries().get(timeline.boundaries().size() - 1);
    long middle = min + (max - min) * 45 / 100 / 1000 * 1000 + 123;
    long[] edges = {
        first,                        // a block boundary exactly
        first - 1,                    // the last millisecond of a block
        max + 2 * 60_000,             // after the end, inside the 5m lookback
        max + 3_600_000,              // long after the end
        min - 60_000,                 // before the start
        min,                          // the first sample
        min + (max - min) * 8 / 10,   // late in the data
        max + 300_000,                // the last sample exactly 5m back: the lookback's edge
        max + 300_001,                // just beyond it
        min + 300_000,                // the first sample exactly at a [5m] window's start
    };
    long[][] ranges = {
        {min + 1_800_000, min + 5_400_000, 60_000},           // inside the first blocks
        {last - 37 * 60_000, last + 41 * 60_000, 47_000},     // across a boundary, step not dividing the range
        {min - 1_200_000, max + 1_200_000, 313_000},          // the whole span and beyond
        {max - 600_000, max + 900_000, 30_000},               // the end, where series go stale
        {min - 1_800_000, min + 600_000, 60_000},             // before the start
        {first + 7_200_000 - 3_600_000, first + 7_200_000, 15_000},  // fine steps up to a boundary
    };
    List<QueryCase> cases = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      String q = queries.get(i);
      cases.add(instant(q, middle));
      for (int k = 0; k < 3; k++) {
        cases.add(instant(q, edges[(i + 2 * k) % edges.length]));
      }
      for (int k = 0; k < 2; k++) {
        long[] r = ranges[(i + 3 * k) % ranges.length];
        cases.add(range(q, r[0], r[1], r[2]));
      }
      if (i % API_ERROR_EVERY == 0) {
        cases.addAll(rangesTheApiRefuses(q, middle));
      }
    }
    return cases;
  }
}
