package dev.vigil.bench.scrape;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A deterministic exposition shaped like a node exporter's: per-CPU and per-device counters and
 * gauges with HELP and TYPE lines, plus Go runtime summaries and HTTP histograms, about 2,000 series.
 * The same series in either format; OpenMetrics adds {@code _total} to counters and ends with EOF.
 */
final class NodeExporterPayload {
  private static final String[] CPU_MODES = {"idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"};
  private static final String[] DEVICES = {"nvme0n1", "nvme1n1", "sda", "sdb", "dm-0", "dm-1", "loop0", "loop1"};
  private static final String[] BUCKETS = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"};

  private final StringBuilder out = new StringBuilder(256 * 1024);
  private final Random random = new Random(42);
  private final boolean openMetrics;
  private int samples;

  private NodeExporterPayload(boolean openMetrics) {
    this.openMetrics = openMetrics;
  }

  /** The payload's bytes and how many samples it holds. */
  record Payload(byte[] bytes, int samples) {}

  static Payload generate(boolean openMetrics) {
    NodeExporterPayload p = new NodeExporterPayload(openMetrics);
    p.write();
    return new Payload(p.out.toString().getBytes(StandardCharsets.UTF_8), p.samples);
  }

  private void write() {
    family("node_cpu_seconds", "counter", "Seconds the CPUs spent in each mode.");
    for (int cpu = 0; cpu < 96; cpu++) {
      for (String mode : CPU_MODES) {
        sample("node_cpu_seconds" + counterSuffix(), "cpu=\"" + cpu + "\",mode=\"" + mode + "\"", counterValue());
      }
    }
    String[] diskCounters = {"node_disk_read_bytes", "node_disk_written_bytes", "node_disk_io_time_seconds",
        "node_disk_reads_completed", "node_disk_writes_completed", "node_disk_read_time_seconds"};
    for (String name : diskCounters) {
      family(name, "counter", "The total number of " + name.substring(10).replace('_', ' ') + ".");
      for (String device : DEVICES) {
        sample(name + counterSuffix(), "device=\"" + device + "\"", counterValue());
      }
    }
    for (int i = 0; i < 40; i++) {
      String name = "node_memory_metric_" + i + "_bytes";
      family(name, "gauge", "Memory information field " + i + ".");
      sample(name, null, Math.floor(random.nextDouble() * 1e10));
    }
    for (int i = 0; i < 12; i++) {
      String name = "node_network_metric_" + i;
      family(name, "counter", "Network device statistic " + i + ".");
      for (int dev = 0; dev < 24; dev++) {
        sample(name + counterSuffix(), "device=\"eth" + dev + "\"", counterValue());
      }
    }
    family("go_gc_duration_seconds", "summary", "A summary of the pause duration of garbage collection cycles.");
    for (String q : new String[] {"0", "0.25", "0.5", "0.75", "1"}) {
      sample("go_gc_duration_seconds", "quantile=\"" + q + "\"", random.nextDouble() * 1e-4);
    }
    sample("go_gc_duration_seconds_sum", null, random.nextDouble() * 10);
    sample("go_gc_duration_seconds_count", null, counterValue());
    family("http_request_duration_seconds", "histogram", "Latency of HTTP requests handled.");
    for (int handler = 0; handler < 50; handler++) {
      String labels = "code=\"200\",handler=\"/api/v1/endpoint" + handler + "\",method=\"GET\"";
      long cumulative = 0;
      for (String le : BUCKETS) {
        cumulative += random.nextInt(1000);
        sample("http_request_duration_seconds_bucket", labels + ",le=\"" + le + "\"", cumulative);
      }
      sample("http_request_duration_seconds_sum", labels, random.nextDouble() * 1e4);
      sample("http_request_duration_seconds_count", labels, cumulative);
    }
    if (openMetrics) {
      out.append("# EOF\n");
    }
  }

  private String counterSuffix() {
    return openMetrics ? "_total" : "";
  }

  private double counterValue() {
    return Math.round(random.nextDouble() * 1e8) / 100.0;
  }

  private void family(String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private void sample(String name, String labels, double value) {
    out.append(name);
    if (labels != null) {
      out.append('{').append(labels).append('}');
    }
    out.append(' ').append(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value));
    out.append('\n');
    samples++;
  }
}
