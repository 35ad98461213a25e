package dev.vigil.testkit.dataset;

import dev.vigil.core.labels.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The metric families one scrape target exposes, named and shaped like the PromQL compliance
 * tester's demo service (counters, gauges, a classic histogram, a summary), plus families that
 * exercise what the demo service does not: a series that comes and goes, and NaN and ±Inf values.
 * Every family draws from its target's seeded random source, so a seed fixes every value.
 */
final class DemoFamilies {
  /** How many series one target exposes while all of them are present. */
  static final int SERIES_PER_TARGET = 104;

  private static final String[] CPU_MODES = {"idle", "user", "system", "iowait", "irq", "nice", "softirq", "steal"};
  private static final double[] CPU_SHARES = {0.62, 0.2, 0.08, 0.04, 0.01, 0.02, 0.02, 0.01};
  private static final String[] MEMORY_TYPES = {"free", "used", "buffers", "cached"};
  private static final String[] BUCKETS = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"};
  private static final String[][] API_ROUTES = {
      {"GET", "/api/foo", "200"}, {"GET", "/api/bar", "200"}, {"POST", "/api/foo", "200"},
      {"POST", "/api/bar", "200"}, {"POST", "/api/bar", "500"}};
  private static final String[] QUANTILES = {"0.5", "0.9", "0.99"};

  /** Receives one scrape's samples; the target adds the timestamp. */
  interface Exposition {
    void sample(Labels labels, double value);
  }

  /** One family of series on one target. */
  interface Family {
    /** Exposes the family at {@code t}; {@code restarted} says the process restarted since the last scrape. */
    void scrape(long t, boolean restarted, Exposition out);
  }

  private DemoFamilies() {}

  /** All families of one target whose series carry {@code job} and {@code instance}. */
  static List<Family> forTarget(String job, String instance, Random rng) {
    Labels base = Labels.of("job", job, "instance", instance);
    List<Family> families = new ArrayList<>();
    families.add(cpuSeconds(base, rng));
    families.add(memory(base, rng));
    families.add(numCpus(base, rng));
    families.add(batchLastSuccess(base, rng));
    families.add(diskUsage(base, rng));
    families.add(itemsShipped(base, rng));
    families.add(new ApiHistogram(base, rng));
    families.add(new RpcSummary(base, rng));
    families.add(intermittent(base, rng));
    families.add(specialValues(base, rng));
    return families;
  }

  private static Labels series(Labels base, String name, String... extra) {
    var b = base.toBuilder().set(Labels.METRIC_NAME, name);
    for (int i = 0; i < extra.length; i += 2) {
      b.set(extra[i], extra[i + 1]);
    }
    return b.build();
  }

  /** Seconds spent per CPU mode: a counter per mode that restarts from near zero. */
  private static Family cpuSeconds(Labels base, Random rng) {
    Labels[] labels = new Labels[CPU_MODES.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = series(base, "demo_cpu_usage_seconds_total", "mode", CPU_MODES[i]);
    }
    double cpus = 2 + rng.nextInt(7);
    double[] value = new double[labels.length];
    return (t, restarted, out) -> {
      for (int i = 0; i < labels.length; i++) {
        value[i] = restarted ? rng.nextDouble() : value[i] + 15 * cpus * CPU_SHARES[i] * (0.7 + 0.6 * rng.nextDouble());
        out.sample(labels[i], value[i]);
      }
    };
  }

  /** Bytes of memory by type: whole numbers on a slow wave with noise. */
  private static Family memory(Labels base, Random rng) {
    Labels[] labels = new Labels[MEMORY_TYPES.length];
    double[] level = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = series(base, "demo_memory_usage_bytes", "type", MEMORY_TYPES[i]);
      level[i] = (1 + rng.nextInt(16)) * 1e8;
    }
    double phase = rng.nextDouble() * 2 * Math.PI;
    return (t, restarted, out) -> {
      double wave = Math.sin(phase + t / 3_600_000.0);
      for (int i = 0; i < labels.length; i++) {
        out.sample(labels[i], Math.rint(level[i] * (1 + 0.2 * wave + 0.02 * rng.nextGaussian())));
      }
    };
  }

  /** The number of CPUs: constant, though a restart may bring a different machine. */
  private static Family numCpus(Labels base, Random rng) {
    Labels labels = series(base, "demo_num_cpus");
    double[] cpus = {4 << rng.nextInt(2)};
    return (t, restarted, out) -> {
      if (restarted && rng.nextBoolean()) {
        cpus[0] = cpus[0] == 4 ? 8 : 4;
      }
      out.sample(labels, cpus[0]);
    };
  }

  /** The Unix time of the last successful batch run, updated every few minutes, in seconds with milliseconds. */
  private static Family batchLastSuccess(Labels base, Random rng) {
    Labels labels = series(base, "demo_batch_last_success_timestamp_seconds");
    double[] last = {Double.NaN};
    return (t, restarted, out) -> {
      if (Double.isNaN(last[0])) {
        last[0] = (t - rng.nextInt(3_600_000)) / 1000.0;
      } else if (rng.nextInt(20) == 0) {
        last[0] = t / 1000.0;
      }
      out.sample(labels, last[0]);
    };
  }

  /** Disk usage per device: grows steadily, now and then cut back by a clean-up. */
  private static Family diskUsage(Labels base, Random rng) {
    Labels[] labels = {series(base, "demo_disk_usage_bytes", "device", "sda"),
        series(base, "demo_disk_usage_bytes", "device", "sdb")};
    double[] used = {1e10 * rng.nextDouble(), 1e9 * rng.nextDouble()};
    return (t, restarted, out) -> {
      for (int i = 0; i < labels.length; i++) {
        used[i] = rng.nextInt(400) == 0 ? Math.rint(used[i] * 0.3) : used[i] + rng.nextInt(1_000_000);
        out.sample(labels[i], used[i]);
      }
    };
  }

  /** Items shipped: an integer counter that restarts from zero. */
  private static Family itemsShipped(Labels base, Random rng) {
    Labels labels = series(base, "demo_items_shipped_total");
    double[] count = {rng.nextInt(100_000)};
    return (t, restarted, out) -> {
      count[0] = restarted ? 0 : count[0] + rng.nextInt(50);
      out.sample(labels, count[0]);
    };
  }

  /** Present for a few minutes, gone for a few, over and over: each disappearance gets a stale marker. */
  private static Family intermittent(Labels base, Random rng) {
    Labels labels = series(base, "demo_intermittent_metric");
    long period = (3 + rng.nextInt(5)) * 60_000L;
    long shift = rng.nextInt((int) period);
    return (t, restarted, out) -> {
      if (((t + shift) / period) % 2 == 0) {
        out.sample(labels, rng.nextInt(100));
      }
    };
  }

  /** Values that need care in every function and operator: NaN, ±Inf, zero and negatives. */
  private static Family specialValues(Labels base, Random rng) {
    String[] kinds = {"nan", "pos_inf", "neg_inf", "mixed", "negative", "zero"};
    double[] mixed = {1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, -2.5};
    Labels[] labels = new Labels[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      labels[i] = series(base, "demo_special_values", "kind", kinds[i]);
    }
    int[] scrapes = {rng.nextInt(mixed.length)};
    return (t, restarted, out) -> {
      scrapes[0]++;
      out.sample(labels[0], Double.NaN);
      out.sample(labels[1], Double.POSITIVE_INFINITY);
      out.sample(labels[2], Double.NEGATIVE_INFINITY);
      out.sample(labels[3], mixed[scrapes[0] % mixed.length]);
      out.sample(labels[4], -1 - rng.nextInt(100));
      out.sample(labels[5], 0);
    };
  }

  /** A log-normal request latency, in seconds, with median {@code scale}. */
  private static double latency(Random rng, double scale) {
    return scale * Math.exp(rng.nextGaussian());
  }

  /** A classic histogram per route: cumulative le buckets, _sum and _count, reset by a restart. */
  private static final class ApiHistogram implements Family {
    private final Random rng;
    private final Labels[][] buckets = new Labels[API_ROUTES.length][BUCKETS.length];
    private final Labels[] sums = new Labels[API_ROUTES.length];
    private final Labels[] counts = new Labels[API_ROUTES.length];
    private final double[] bounds = new double[BUCKETS.length];
    private final long[][] cumulative = new long[API_ROUTES.length][BUCKETS.length];
    private final double[] sum = new double[API_ROUTES.length];

    ApiHistogram(Labels base, Random rng) {
      this.rng = rng;
      for (int b = 0; b < BUCKETS.length; b++) {
        bounds[b] = BUCKETS[b].equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(BUCKETS[b]);
      }
      for (int r = 0; r < API_ROUTES.length; r++) {
        String[] route = {"method", API_ROUTES[r][0], "path", API_ROUTES[r][1], "status", API_ROUTES[r][2]};
        for (int b = 0; b < BUCKETS.length; b++) {
          String[] withLe = Arrays.copyOf(route, route.length + 2);
          withLe[route.length] = "le";
          withLe[route.length + 1] = BUCKETS[b];
          buckets[r][b] = series(base, "demo_api_request_duration_seconds_bucket", withLe);
        }
        sums[r] = series(base, "demo_api_request_duration_seconds_sum", route);
        counts[r] = series(base, "demo_api_request_duration_seconds_count", route);
      }
    }

    @Override
    public void scrape(long t, boolean restarted, Exposition out) {
      for (int r = 0; r < API_ROUTES.length; r++) {
        if (restarted) {
          Arrays.fill(cumulative[r], 0);
          sum[r] = 0;
        }
        // Errors are rare, so their buckets often stand still and rates drop to zero.
        int requests = API_ROUTES[r][2].equals("500") ? rng.nextInt(3) / 2 : rng.nextInt(25);
        for (int i = 0; i < requests; i++) {
          double seconds = latency(rng, 0.08 * (r + 1));
          sum[r] += seconds;
          for (int b = 0; b < BUCKETS.length; b++) {
            if (seconds <= bounds[b]) {
              cumulative[r][b]++;
            }
          }
        }
        for (int b = 0; b < BUCKETS.length; b++) {
          out.sample(buckets[r][b], cumulative[r][b]);
        }
        out.sample(sums[r], sum[r]);
        out.sample(counts[r], cumulative[r][BUCKETS.length - 1]);
      }
    }
  }

  /**
   * A summary per service: quantiles of the last scrape's requests, NaN when there were none (as a
   * client library's summary reports an empty window), with _sum and _count.
   */
  private static final class RpcSummary implements Family {
    private static final String[] SERVICES = {"alpha", "beta"};
    private final Random rng;
    private final Labels[][] quantiles = new Labels[SERVICES.length][QUANTILES.length];
    private final Labels[] sums = new Labels[SERVICES.length];
    private final Labels[] counts = new Labels[SERVICES.length];
    private final double[] sum = new double[SERVICES.length];
    private final double[] count = new double[SERVICES.length];

    RpcSummary(Labels base, Random rng) {
      this.rng = rng;
      for (int s = 0; s < SERVICES.length; s++) {
        for (int q = 0; q < QUANTILES.length; q++) {
          quantiles[s][q] = series(base, "demo_rpc_duration_seconds", "service", SERVICES[s], "quantile", QUANTILES[q]);
        }
        sums[s] = series(base, "demo_rpc_duration_seconds_sum", "service", SERVICES[s]);
        counts[s] = series(base, "demo_rpc_duration_seconds_count", "service", SERVICES[s]);
      }
    }

    @Override
    public void scrape(long t, boolean restarted, Exposition out) {
      for (int s = 0; s < SERVICES.length; s++) {
        if (restarted) {
          sum[s] = 0;
          count[s] = 0;
        }
        int requests = rng.nextInt(s == 0 ? 10 : 3);
        double[] observed = new double[requests];
        for (int i = 0; i < requests; i++) {
          observed[i] = latency(rng, 0.01);
          sum[s] += observed[i];
        }
        count[s] += requests;
        Arrays.sort(observed);
        for (int q = 0; q < QUANTILES.length; q++) {
          double phi = Double.parseDouble(QUANTILES[q]);
          out.sample(quantiles[s][q], requests == 0 ? Double.NaN : observed[(int) (phi * (requests - 1))]);
        }
        out.sample(sums[s], sum[s]);
        out.sample(counts[s], count[s]);
      }
    }
  }
}
