package dev.vigil.bench.scrape;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The series of one farm target, shaped like a node exporter's with an application histogram: a few
 * families with one to three labels each, any number of series in fixed shares (CPU counters 40 %,
 * disk and network byte counters 20 %, filesystem gauges 10 %, an HTTP latency histogram 20 %,
 * temperature gauges the rest). Values differ per target and series, from the target's seed.
 */
final class NodeLikeLayout {
  private static final String[] CPU_MODES = {"idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"};
  private static final String[] METHODS = {"GET", "POST", "PUT"};
  private static final String[] LE = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"};
  /** The share of observations at or below each {@link #LE}, in per mille; cumulative, so ordered. */
  private static final int[] LE_PER_MILLE = {20, 60, 150, 300, 500, 700, 850, 930, 970, 990, 998, 1000};
  /** A histogram's buckets, sum and count. */
  private static final int HISTOGRAM_LINES = LE.length + 2;

  private final long targetSeed;
  private final List<MetricFamily> families = new ArrayList<>();
  private int lines;
  private int groups;

  private NodeLikeLayout(long targetSeed) {
    this.targetSeed = targetSeed;
  }

  static List<MetricFamily> families(int series, long targetSeed) {
    if (series < 1) {
      throw new IllegalArgumentException("a target needs at least one series: " + series);
    }
    NodeLikeLayout layout = new NodeLikeLayout(targetSeed);
    int cpu = share(series, 0.40, CPU_MODES.length);
    int bytes = share(series, 0.05, 1);
    int filesystems = share(series, 0.10, 1);
    int histogram = share(series, 0.20, HISTOGRAM_LINES);
    int temperatures = series - cpu - 4 * bytes - filesystems - histogram;
    layout.counters("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", cpu, true, 100_000_000, 1_500,
        i -> "cpu=\"" + i / CPU_MODES.length + "\",mode=\"" + CPU_MODES[i % CPU_MODES.length] + "\"");
    IntFunction<String> disk = i -> "device=\"nvme" + i / 4 + "n" + (i % 4 + 1) + "\"";
    layout.counters("node_disk_read_bytes_total", "The total number of bytes read successfully.", bytes, false,
        1_000_000_000_000L, 100_000_000, disk);
    layout.counters("node_disk_written_bytes_total", "The total number of bytes written successfully.", bytes,
        false, 1_000_000_000_000L, 100_000_000, disk);
    IntFunction<String> nic = i -> "device=\"eth" + i + "\"";
    layout.counters("node_network_receive_bytes_total", "Network device statistic receive_bytes.", bytes, false,
        1_000_000_000_000L, 10_000_000, nic);
    layout.counters("node_network_transmit_bytes_total", "Network device statistic transmit_bytes.", bytes, false,
        1_000_000_000_000L, 10_000_000, nic);
    layout.gauges("node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.",
        filesystems, false, 1_000_000_000_000L, 1_000_000_000,
        i -> "device=\"/dev/sda" + i + "\",fstype=\"" + (i % 3 == 0 ? "xfs" : "ext4") + "\",mountpoint=\"/srv/vol" + i + "\"");
    layout.histogram(histogram / HISTOGRAM_LINES);
    layout.gauges("node_hwmon_temp_celsius", "Hardware monitor for temperature (input).", temperatures, true, 6_000, 500,
        i -> "chip=\"platform_coretemp_" + i / 16 + "\",sensor=\"temp" + i % 16 + "\"");
    return layout.families;
  }

  /** A fraction of the series, rounded down to whole label combinations of {@code unit} series. */
  private static int share(int series, double fraction, int unit) {
    return (int) (series * fraction) / unit * unit;
  }

  private void counters(String name, String help, int count, boolean hundredths, long maxBase, long maxStep,
      IntFunction<String> labels) {
    List<MetricFamily.Line> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long seed = nextSeed();
      SeriesValue value = new SeriesValue.Counter(seed, SeriesValue.noise(seed, -1, maxBase),
          1 + SeriesValue.noise(seed, -2, maxStep));
      out.add(new MetricFamily.Line(name + "{" + labels.apply(i), groups++, hundredths, value));
    }
    add(name, "counter", help, out);
  }

  private void gauges(String name, String help, int count, boolean hundredths, long base, long amplitude,
      IntFunction<String> labels) {
    List<MetricFamily.Line> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long seed = nextSeed();
      SeriesValue value = new SeriesValue.Gauge(seed, base / 2 + SeriesValue.noise(seed, -1, base), amplitude);
      out.add(new MetricFamily.Line(name + "{" + labels.apply(i), groups++, hundredths, value));
    }
    add(name, "gauge", help, out);
  }

  private void histogram(int handlers) {
    String name = "http_request_duration_seconds";
    List<MetricFamily.Line> out = new ArrayList<>(handlers * HISTOGRAM_LINES);
    for (int h = 0; h < handlers; h++) {
      long seed = nextSeed();
      SeriesValue.Counter count = new SeriesValue.Counter(seed, SeriesValue.noise(seed, -1, 1_000_000),
          1 + SeriesValue.noise(seed, -2, 100));
      String labels = "{code=\"200\",handler=\"/api/v1/endpoint" + h / METHODS.length + "\",method=\""
          + METHODS[h % METHODS.length] + "\"";
      int group = groups++;
      for (int b = 0; b < LE.length; b++) {
        out.add(new MetricFamily.Line(name + "_bucket" + labels + ",le=\"" + LE[b] + "\"", group, false,
            new SeriesValue.Bucket(count, LE_PER_MILLE[b])));
      }
      // The sum is in hundredths of a second: a mean observation of 0.01 to 0.50 s.
      out.add(new MetricFamily.Line(name + "_sum" + labels, group, true,
          new SeriesValue.Sum(count, 1 + SeriesValue.noise(seed, -3, 50))));
      out.add(new MetricFamily.Line(name + "_count" + labels, group, false, count));
    }
    add(name, "histogram", "Latency of HTTP requests handled.", out);
  }

  private long nextSeed() {
    return targetSeed * 1_000_003L + lines++;
  }

  private void add(String name, String type, String help, List<MetricFamily.Line> out) {
    if (!out.isEmpty()) {
      families.add(new MetricFamily(name, type, help, out));
    }
  }
}
