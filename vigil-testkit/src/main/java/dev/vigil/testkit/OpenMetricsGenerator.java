package dev.vigil.testkit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Writes deterministic OpenMetrics 1.0 text with a timestamp on every sample, as input for {@code
 * promtool tsdb create-blocks-from openmetrics} and Vigil's equivalent. The same seed and settings
 * always give the same bytes.
 *
 * <p>Layout. Families follow one another, never interleaved: {@code # TYPE}, {@code # HELP} and
 * sometimes {@code # UNIT}, then for each metric (label set) its points in time order, each point's
 * samples together ({@code _bucket}s, {@code _count}, {@code _sum} for a histogram). So every sample
 * series appears in strictly increasing time order, which promtool requires within each 2h window it
 * re-reads the file for, and the file is valid OpenMetrics, which a strict parser may require. The
 * file ends with {@code # EOF}.
 *
 * <p>Content. Counters ({@code _total}, resets, some {@code _created} series and exemplars), gauges
 * (noisy, negative, constant, integer, huge like 1e300 and up to {@link Double#MAX_VALUE}, tiny like
 * 1e-300 down to subnormals, {@code -0}, occasional {@code NaN}, {@code +Inf}, {@code -Inf}),
 * classic histograms ({@code le} written verbatim in several styles, {@code +Inf} last) and
 * summaries ({@code quantile}, {@code NaN} before the first observation). Label values use the three
 * escapes, tabs and multi-byte UTF-8; labels are written unsorted. Metrics start late, stop early or
 * pause; a few scrape at a multiple of the interval; some timestamps carry a few ms of jitter.
 *
 * <p>Timestamps are OpenMetrics seconds in several forms ({@code 1700000000}, {@code 1700000000.12},
 * {@code 1700000000.120}, {@code 1700000000.120457}). Readers turn them into milliseconds as
 * Prometheus 2.42 does, {@code (long) (seconds * 1000)} in double arithmetic (which truncates the
 * microseconds); the generator applies the same rule to the text it wrote to keep each series
 * strictly increasing and to report the sample time range.
 *
 * <p>Stale markers cannot be written in OpenMetrics text, so there are none. Nothing is held in
 * memory per sample: 10M+ sample files stream straight to disk.
 */
public final class OpenMetricsGenerator {
  /** 2023-11-14T22:13:20Z: not on a 2h boundary, so block windows cut the data in uneven parts. */
  public static final long DEFAULT_START_MS = 1_700_000_000_000L;

  private final long seed;
  private final int series;
  private final long startMs;
  private final long durationMs;
  private final long intervalMs;

  private OpenMetricsGenerator(Builder b) {
    this.seed = b.seed;
    this.series = b.series;
    this.startMs = b.startMs;
    this.durationMs = b.duration.toMillis();
    this.intervalMs = b.interval.toMillis();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings; defaults are seed 1, 200 series, start {@link #DEFAULT_START_MS}, 7h, 15s. */
  public static final class Builder {
    private long seed = 1;
    private int series = 200;
    private long startMs = DEFAULT_START_MS;
    private Duration duration = Duration.ofHours(7);
    private Duration interval = Duration.ofSeconds(15);

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Minimum number of sample series (each {@code _bucket}, {@code _sum}, quantile... counts as
     * one). The last family may overshoot by a few.
     */
    public Builder series(int series) {
      if (series < 1) {
        throw new IllegalArgumentException("series must be positive: " + series);
      }
      this.series = series;
      return this;
    }

    /** Start of the data, epoch milliseconds (points of one metric begin within one interval of it). */
    public Builder startMillis(long startMs) {
      if (startMs < 0) {
        throw new IllegalArgumentException("start must not be negative: " + startMs);
      }
      this.startMs = startMs;
      return this;
    }

    public Builder duration(Duration duration) {
      if (duration.toMillis() <= 0) {
        throw new IllegalArgumentException("duration must be positive: " + duration);
      }
      this.duration = duration;
      return this;
    }

    /** The usual scrape interval; at least 1s so that jitter never reorders a series. */
    public Builder interval(Duration interval) {
      if (interval.toMillis() < 1000) {
        throw new IllegalArgumentException("interval must be at least 1s: " + interval);
      }
      this.interval = interval;
      return this;
    }

    public OpenMetricsGenerator build() {
      return new OpenMetricsGenerator(this);
    }
  }

  /** One metric family as written: its family name, OpenMetrics type and the sample names it used. */
  public record Family(String name, String type, List<String> sampleNames) {}

  /**
   * What was written. {@code minTimeMs}/{@code maxTimeMs} are the smallest and largest sample
   * timestamps after conversion to milliseconds (both inclusive); {@code series} counts distinct
   * sample series with at least one sample.
   */
  public record Result(
      long seed, long samples, long series, long minTimeMs, long maxTimeMs, List<Family> families) {
    /** Every distinct {@code __name__} in the file, in file order. */
    public List<String> sampleNames() {
      List<String> names = new ArrayList<>();
      for (Family f : families) {
        names.addAll(f.sampleNames());
      }
      return names;
    }
  }

  /** Writes the whole exposition to {@code file} (UTF-8), replacing it. */
  public Result writeTo(Path file) throws IOException {
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
      return writeTo(w);
    }
  }

  /** Writes the whole exposition to {@code out}; does not close it. One write at a time per instance. */
  public synchronized Result writeTo(Writer out) throws IOException {
    List<FamilyPlan> plan = plan();
    Emitter emitter = new Emitter(out);
    List<Family> families = new ArrayList<>(plan.size());
    for (FamilyPlan family : plan) {
      emitter.family(family);
      families.add(new Family(family.name, family.type.text, List.copyOf(family.sampleNames())));
    }
    out.write("# EOF\n");
    out.flush();
    return new Result(
        seed,
        emitter.samples,
        emitter.series,
        emitter.samples == 0 ? 0 : emitter.minTime,
        emitter.samples == 0 ? 0 : emitter.maxTime,
        List.copyOf(families));
  }

  // ---------------------------------------------------------------------------------------------
  // Planning: every random choice that shapes the file is drawn here, up front, from one Random.
  // Per-metric values come later from a Random seeded here, so the plan stays small.

  private enum Type {
    COUNTER("counter"),
    GAUGE("gauge"),
    HISTOGRAM("histogram"),
    SUMMARY("summary");

    final String text;

    Type(String text) {
      this.text = text;
    }
  }

  /** How a family writes its numbers; all forms are valid OpenMetrics and Go ParseFloat input. */
  private enum NumberStyle {
    /** Integral values without a fraction ({@code 42}), others as Java prints them ({@code 1.5E-7}). */
    PLAIN,
    /** Java's {@link Double#toString}: {@code 42.0}, {@code 1.0E300}. */
    JAVA,
    /** Java's form with a lower-case exponent: {@code 1.0e300}. */
    JAVA_LOWER_E
  }

  private enum TimeStyle {
    /** Always three fraction digits: {@code 1700000000.120}. */
    MILLIS,
    /** Trailing zeros dropped, no dot for whole seconds: {@code 1700000000.12}, {@code 1700000000}. */
    TRIMMED,
    /** Six fraction digits; the microseconds are truncated away when read. */
    MICROS,
    /** Whole seconds only (the metric's offset and interval are whole seconds). */
    SECONDS
  }

  private enum GaugeStyle {
    NOISY,
    NEGATIVE,
    HUGE,
    TINY,
    CONSTANT,
    INTEGERS,
    STEPPY,
    ROUNDED,
    SPECIALS
  }

  private static final class FamilyPlan {
    String name;
    Type type;
    String help;
    String unit;
    boolean created;
    boolean exemplars;
    NumberStyle numbers;
    String[] les;
    double[] bounds;
    String[] quantiles;
    final List<MetricPlan> metrics = new ArrayList<>();

    int seriesPerMetric() {
      switch (type) {
        case COUNTER:
          return created ? 2 : 1;
        case GAUGE:
          return 1;
        case HISTOGRAM:
          return les.length + 2;
        default:
          return quantiles.length + 2;
      }
    }

    List<String> sampleNames() {
      switch (type) {
        case COUNTER:
          return created ? List.of(name + "_total", name + "_created") : List.of(name + "_total");
        case GAUGE:
          return List.of(name);
        case HISTOGRAM:
          return List.of(name + "_bucket", name + "_count", name + "_sum");
        default:
          return List.of(name, name + "_count", name + "_sum");
      }
    }
  }

  private static final class MetricPlan {
    /** Escaped label pairs without braces, e.g. {@code path="/a",instance="h:1"}; may be empty. */
    String labels;
    long valueSeed;
    long interval;
    long offset;
    int jitterMs;
    TimeStyle timeStyle;
    GaugeStyle gaugeStyle;
    /** Counters: whole increments (else fractional). */
    boolean integral;
    /** Points are written for nominal times in [from, to) outside [gapFrom, gapTo). */
    long from;
    long to;
    long gapFrom;
    long gapTo;
  }

  private static final String[] EXTRA_LABEL_NAMES = {
    "job", "method", "code", "path", "zone", "pod", "container", "handler", "device"
  };

  private static final double[] BUCKET_BOUNDS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60, 1e3
  };

  private static final String[] QUANTILES = {"0", "0.25", "0.5", "0.9", "0.95", "0.99", "0.999", "1"};

  /** Label values that stress escaping, quoting and UTF-8 ordering; the first family uses each. */
  private static final String[][] EDGE_LABELS = {
    {"path", "/a \"quoted\" path"}, {"path", "C:\\windows\\temp"}, {"path", "line\nbreak"},
    {"path", "tab\there"}, {"path", "/\u00fcn\u00efc\u00f6d\u00e9/p\u00e4th"}, {"zone", "\u65e5\u672c-\u6771\u4eac"},
    {"zone", "\uD83D\uDE80-launch"}, {"zone", "z\u00fcrich"}, {"zone", "trailing\\"}, {"zone", "{braces}, \"=\""},
  };

  private List<FamilyPlan> plan() {
    Random r = new Random(seed);
    gaugeStyleCursor = r.nextInt(GaugeStyle.values().length);
    List<FamilyPlan> families = new ArrayList<>();

    // First a gauge family whose label values are the hard cases, so even a small file has them all.
    FamilyPlan edge = new FamilyPlan();
    edge.type = Type.GAUGE;
    edge.name = "vigil_gen_edge_cases";
    edge.help = "Label values that need escaping, quoting or UTF-8 care; seed " + seed + ".";
    edge.numbers = NumberStyle.PLAIN;
    int edges = Math.min(EDGE_LABELS.length, series);
    for (int i = 0; i < edges; i++) {
      edge.metrics.add(newMetric(edge, i, new String[] {EDGE_LABELS[i][0], "instance"},
          new String[] {EDGE_LABELS[i][1], null}, r));
    }
    families.add(edge);
    long total = edges;

    // Then every type once, in a seeded order, then types at random.
    List<Type> firstTypes = new ArrayList<>(List.of(Type.values()));
    java.util.Collections.shuffle(firstTypes, r);
    while (total < series) {
      Type type = families.size() <= firstTypes.size() ? firstTypes.get(families.size() - 1) : null;
      FamilyPlan f = newFamily(families.size(), type, r);
      int maxMetrics = f.type == Type.HISTOGRAM || f.type == Type.SUMMARY ? 4 : 12;
      long remaining = series - total;
      int k = (int) Math.min(1 + r.nextInt(maxMetrics), ceilDiv(remaining, f.seriesPerMetric()));
      boolean unlabelled = k == 1 && r.nextInt(6) == 0;
      String[] labelNames = pickLabelNames(f, r);
      for (int i = 0; i < k; i++) {
        f.metrics.add(newMetric(f, i, unlabelled ? null : labelNames, null, r));
      }
      families.add(f);
      total += (long) k * f.seriesPerMetric();
    }
    return families;
  }

  /** Gauge styles go round-robin over all gauge metrics so that small files still have each one. */
  private int gaugeStyleCursor;

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private FamilyPlan newFamily(int index, Type type, Random r) {
    FamilyPlan f = new FamilyPlan();
    int pick = r.nextInt(8);
    f.type = type != null ? type
        : pick < 3 ? Type.COUNTER : pick < 6 ? Type.GAUGE : pick < 7 ? Type.HISTOGRAM : Type.SUMMARY;
    f.numbers = NumberStyle.values()[r.nextInt(NumberStyle.values().length)];
    String stem;
    switch (f.type) {
      case COUNTER:
        stem = pickOne(r, "http_requests", "bytes_read", "gc_runs", "vigil:errors:rate_sum", "jobs_done");
        f.created = r.nextInt(10) < 3;
        f.exemplars = r.nextInt(10) < 3;
        break;
      case GAUGE:
        stem = pickOne(r, "temperature", "queue_depth", "memory_free", "vigil:load:avg", "balance");
        break;
      case HISTOGRAM:
        stem = pickOne(r, "request_latency", "response_size", "batch_wait");
        f.exemplars = r.nextInt(10) < 3;
        int n = 2 + r.nextInt(6);
        double[] bounds = r.ints(0, BUCKET_BOUNDS.length).distinct().limit(n)
            .mapToDouble(i -> BUCKET_BOUNDS[i]).sorted().toArray();
        f.bounds = bounds;
        f.les = new String[bounds.length + 1];
        boolean javaStyle = r.nextBoolean();
        for (int i = 0; i < bounds.length; i++) {
          f.les[i] = javaStyle ? Double.toString(bounds[i]) : goStyle(bounds[i]);
        }
        f.les[bounds.length] = "+Inf";
        break;
      default:
        stem = pickOne(r, "rpc_duration", "payload_bytes");
        int q = 1 + r.nextInt(4);
        f.quantiles = r.ints(0, QUANTILES.length).distinct().limit(q).sorted()
            .mapToObj(i -> QUANTILES[i]).toArray(String[]::new);
        break;
    }
    String name = "vigil_gen_" + stem + "_" + index;
    if (r.nextInt(5) == 0 && f.type != Type.COUNTER) {
      f.unit = f.type == Type.GAUGE ? "celsius" : "seconds";
      name = name + "_" + f.unit;
    }
    f.name = name;
    f.help = r.nextInt(4) == 0
        ? "Generated " + f.type.text + " with a backslash \\ and a\nnewline, seed " + seed + "."
        : "Generated " + f.type.text + " number " + index + ".";
    return f;
  }

  private static String[] pickLabelNames(FamilyPlan f, Random r) {
    int n = r.nextInt(4);
    String[] names = r.ints(0, EXTRA_LABEL_NAMES.length).distinct().limit(n)
        .mapToObj(i -> EXTRA_LABEL_NAMES[i]).toArray(String[]::new);
    // "instance" makes each label set unique; its position varies so the text is often unsorted.
    String[] all = Arrays.copyOf(names, n + 1);
    int at = r.nextInt(n + 1);
    System.arraycopy(all, at, all, at + 1, n - at);
    all[at] = "instance";
    return all;
  }

  /** {@code fixedValues}, when given, holds a value per label name, null meaning "draw one". */
  private MetricPlan newMetric(
      FamilyPlan f, int index, String[] labelNames, String[] fixedValues, Random r) {
    MetricPlan m = new MetricPlan();
    StringBuilder labels = new StringBuilder();
    if (labelNames != null) {
      for (int l = 0; l < labelNames.length; l++) {
        String labelName = labelNames[l];
        if (labels.length() > 0) {
          labels.append(',');
        }
        String value = fixedValues != null && fixedValues[l] != null ? fixedValues[l]
            : labelName.equals("instance") ? "host-" + index + ".example:" + (9100 + r.nextInt(3))
            : labelValue(labelName, r);
        labels.append(labelName).append("=\"");
        escapeLabelValue(labels, value);
        labels.append('"');
      }
    }
    m.labels = labels.toString();
    m.valueSeed = r.nextLong();

    int slow = r.nextInt(10);
    m.interval = slow < 8 ? intervalMs : slow < 9 ? 2 * intervalMs : 4 * intervalMs;
    int style = r.nextInt(20);
    m.timeStyle = style < 8 ? TimeStyle.MILLIS : style < 13 ? TimeStyle.TRIMMED
        : style < 16 ? TimeStyle.MICROS : TimeStyle.SECONDS;
    if (m.timeStyle == TimeStyle.SECONDS && (m.interval % 1000 != 0 || startMs % 1000 != 0)) {
      m.timeStyle = TimeStyle.MILLIS;
    }
    m.offset = Math.floorMod(r.nextLong(), m.interval);
    if (m.timeStyle == TimeStyle.SECONDS) {
      m.offset -= m.offset % 1000;
    } else if (r.nextInt(4) == 0) {
      m.jitterMs = 1 + r.nextInt(5);
    }
    if (f.type == Type.GAUGE) {
      m.gaugeStyle = GaugeStyle.values()[gaugeStyleCursor++ % GaugeStyle.values().length];
    }
    m.integral = r.nextBoolean();

    m.from = startMs;
    m.to = startMs + durationMs;
    m.gapFrom = m.gapTo = Long.MAX_VALUE;
    int life = r.nextInt(100);
    long half = Math.max(1, durationMs / 2);
    if (life < 12) {
      m.from = startMs + Math.floorMod(r.nextLong(), half);
    } else if (life < 24) {
      m.to = startMs + half + Math.floorMod(r.nextLong(), half);
    } else if (life < 32) {
      m.gapFrom = startMs + durationMs / 4 + Math.floorMod(r.nextLong(), half);
      m.gapTo = m.gapFrom + 10 * 60_000L + Math.floorMod(r.nextLong(), Math.max(1, durationMs / 4));
    } else if (life < 35) {
      m.from = startMs + Math.floorMod(r.nextLong(), half / 2 + 1);
      m.to = m.from + Math.max(m.interval, Math.floorMod(r.nextLong(), half / 2 + 1));
    }
    return m;
  }

  private static String labelValue(String name, Random r) {
    switch (name) {
      case "job":
        return pickOne(r, "node", "api-server", "vigil", "kube-state-metrics");
      case "method":
        return pickOne(r, "GET", "POST", "PUT", "DELETE");
      case "code":
        return pickOne(r, "200", "404", "500", "503");
      case "path":
        return pickOne(r, "/", "/api/v1/query", "/a \"quoted\" path", "C:\\windows\\temp",
            "line\nbreak", "tab\there", "/ünïcödé/päth");
      case "zone":
        return pickOne(r, "eu-west-1a", "日本-東京", "zürich", "\uD83D\uDE80-launch", "us-east-1b");
      case "pod":
        return "pod-" + Long.toHexString(r.nextLong() & 0xffffffL);
      default:
        return name + "-" + r.nextInt(5);
    }
  }

  @SafeVarargs
  private static <T> T pickOne(Random r, T... options) {
    return options[r.nextInt(options.length)];
  }

  // ---------------------------------------------------------------------------------------------
  // Writing.

  private final class Emitter {
    final Writer out;
    final StringBuilder line = new StringBuilder(256);
    long samples;
    long series;
    long minTime = Long.MAX_VALUE;
    long maxTime = Long.MIN_VALUE;

    Emitter(Writer out) {
      this.out = out;
    }

    void family(FamilyPlan f) throws IOException {
      line.setLength(0);
      line.append("# TYPE ").append(f.name).append(' ').append(f.type.text).append('\n');
      line.append("# HELP ").append(f.name).append(' ');
      escapeHelp(line, f.help);
      line.append('\n');
      if (f.unit != null) {
        line.append("# UNIT ").append(f.name).append(' ').append(f.unit).append('\n');
      }
      out.append(line);
      for (MetricPlan m : f.metrics) {
        metric(f, m);
      }
    }

    void metric(FamilyPlan f, MetricPlan m) throws IOException {
      Random r = new Random(m.valueSeed);
      Values values = new Values(this, f, m, r);
      long previous = Long.MIN_VALUE;
      long points = 0;
      for (long nominal = startMs + m.offset; nominal < startMs + durationMs; nominal += m.interval) {
        if (nominal < m.from || nominal >= m.to || (nominal >= m.gapFrom && nominal < m.gapTo)) {
          continue;
        }
        long jitter = m.jitterMs == 0 ? 0 : r.nextInt(2 * m.jitterMs + 1) - m.jitterMs;
        long t = Math.max(0, nominal + jitter);
        String ts = timestamp(t, m.timeStyle, r);
        long effective = (long) (Double.parseDouble(ts) * 1000.0);
        if (effective <= previous) {
          continue; // never happens with intervals >= 1s, but a reordered series would be rejected
        }
        previous = effective;
        values.point(ts);
        points++;
        minTime = Math.min(minTime, effective);
        maxTime = Math.max(maxTime, effective);
      }
      if (points > 0) {
        series += f.seriesPerMetric();
      }
    }

    /** Writes one sample line: name, labels plus an optional extra pair, value, timestamp, exemplar. */
    void sample(FamilyPlan f, String name, MetricPlan m, String extraName, String extraValue,
        double value, String ts, String exemplar) throws IOException {
      line.setLength(0);
      line.append(name);
      boolean hasExtra = extraName != null;
      if (!m.labels.isEmpty() || hasExtra) {
        line.append('{').append(m.labels);
        if (hasExtra) {
          if (!m.labels.isEmpty()) {
            line.append(',');
          }
          line.append(extraName).append("=\"").append(extraValue).append('"');
        }
        line.append('}');
      }
      line.append(' ');
      appendValue(line, value, f.numbers);
      line.append(' ').append(ts);
      if (exemplar != null) {
        line.append(exemplar);
      }
      line.append('\n');
      out.append(line);
      samples++;
    }
  }

  /** The per-metric value state; draws only from the metric's own Random. */
  private final class Values {
    final FamilyPlan f;
    final MetricPlan m;
    final Random r;
    final Emitter e;
    double counter;
    double createdSeconds;
    double count;
    double sum;
    double[] buckets;
    double gauge;

    Values(Emitter e, FamilyPlan f, MetricPlan m, Random r) {
      this.e = e;
      this.f = f;
      this.m = m;
      this.r = r;
      this.createdSeconds = (startMs - 3_600_000L - r.nextInt(86_400_000)) / 1000.0;
      this.counter = r.nextInt(4) == 0 ? 1e15 + r.nextInt(1_000_000) : r.nextInt(1000);
      if (f.type == Type.HISTOGRAM) {
        buckets = new double[f.les.length];
      }
      gauge = f.type == Type.GAUGE ? initialGauge() : 0;
    }

    void point(String ts) throws IOException {
      switch (f.type) {
        case COUNTER:
          if (r.nextInt(300) == 0) {
            counter = 0;
            createdSeconds = Double.parseDouble(ts);
          }
          counter += m.integral ? r.nextInt(20) : r.nextDouble() * 10;
          e.sample(f, f.name + "_total", m, null, null, counter, ts, exemplar(ts));
          if (f.created) {
            e.sample(f, f.name + "_created", m, null, null, createdSeconds, ts, null);
          }
          break;
        case GAUGE:
          e.sample(f, f.name, m, null, null, nextGauge(), ts, null);
          break;
        case HISTOGRAM:
          if (r.nextInt(500) == 0) {
            Arrays.fill(buckets, 0);
            count = 0;
            sum = 0;
          }
          int observations = r.nextInt(30);
          double top = f.bounds[f.bounds.length - 1] * 1.5;
          for (int i = 0; i < observations; i++) {
            double x = r.nextDouble() * r.nextDouble() * top;
            sum += x;
            for (int b = 0; b < buckets.length; b++) {
              if (b == buckets.length - 1 || x <= f.bounds[b]) {
                buckets[b]++;
              }
            }
          }
          count += observations;
          for (int b = 0; b < buckets.length; b++) {
            e.sample(f, f.name + "_bucket", m, "le", f.les[b], buckets[b], ts, exemplar(ts));
          }
          e.sample(f, f.name + "_count", m, null, null, count, ts, null);
          e.sample(f, f.name + "_sum", m, null, null, sum, ts, null);
          break;
        default:
          int n = r.nextInt(10) < 2 ? 0 : r.nextInt(50);
          count += n;
          sum += n * r.nextDouble() * 3;
          double q = 0;
          for (String quantile : f.quantiles) {
            q += r.nextDouble();
            e.sample(f, f.name, m, "quantile", quantile, count == 0 ? Double.NaN : q, ts, null);
          }
          e.sample(f, f.name + "_count", m, null, null, count, ts, null);
          e.sample(f, f.name + "_sum", m, null, null, sum, ts, null);
          break;
      }
    }

    String exemplar(String ts) {
      if (!f.exemplars || r.nextInt(30) != 0) {
        return null;
      }
      String id = Long.toHexString(r.nextLong());
      return " # {trace_id=\"" + id + "\"} " + (r.nextInt(100) / 10.0) + (r.nextBoolean() ? " " + ts : "");
    }

    double initialGauge() {
      switch (m.gaugeStyle) {
        case NEGATIVE:
          return -500 - r.nextDouble() * 100;
        case HUGE:
          return 1e300;
        case TINY:
          return 1e-300;
        case CONSTANT:
          return r.nextBoolean() ? 1 : 0.1;
        default:
          return r.nextDouble() * 100;
      }
    }

    double nextGauge() {
      int special = m.gaugeStyle == GaugeStyle.SPECIALS ? r.nextInt(10) : r.nextInt(400);
      if (special == 0) {
        return pickOne(r, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0);
      }
      switch (m.gaugeStyle) {
        case NEGATIVE:
          gauge += r.nextGaussian() * 3;
          return gauge;
        case HUGE:
          if (r.nextInt(50) == 0) {
            return r.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE;
          }
          return (r.nextBoolean() ? 1 : -1) * (1 + r.nextDouble()) * 1e300;
        case TINY:
          if (r.nextInt(50) == 0) {
            return pickOne(r, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-310);
          }
          return r.nextDouble() * 1e-300;
        case CONSTANT:
          return gauge;
        case INTEGERS:
          return r.nextInt(100) - 50;
        case STEPPY:
          if (r.nextInt(40) == 0) {
            gauge = r.nextInt(1000);
          }
          return gauge;
        case ROUNDED:
          gauge += r.nextGaussian();
          return Math.round(gauge * 100) / 100.0;
        default:
          gauge += r.nextGaussian() * 0.5;
          return gauge + r.nextDouble() * 1e-3;
      }
    }
  }

  private String timestamp(long ms, TimeStyle style, Random r) {
    long seconds = ms / 1000;
    int millis = (int) (ms % 1000);
    switch (style) {
      case SECONDS:
        return Long.toString(seconds);
      case MICROS:
        return seconds + "." + pad(millis * 1000 + r.nextInt(1000), 6);
      case TRIMMED:
        if (millis == 0) {
          return Long.toString(seconds);
        }
        String frac = pad(millis, 3);
        int end = frac.length();
        while (frac.charAt(end - 1) == '0') {
          end--;
        }
        return seconds + "." + frac.substring(0, end);
      default:
        return seconds + "." + pad(millis, 3);
    }
  }

  private static String pad(int v, int width) {
    String s = Integer.toString(v);
    return "0".repeat(width - s.length()) + s;
  }

  /** Go's %g-free shortest form for bucket bounds: {@code 1}, {@code 0.005}, {@code 1000}. */
  private static String goStyle(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  private static void appendValue(StringBuilder sb, double v, NumberStyle style) {
    if (Double.isNaN(v)) {
      sb.append("NaN");
    } else if (v == Double.POSITIVE_INFINITY) {
      sb.append("+Inf");
    } else if (v == Double.NEGATIVE_INFINITY) {
      sb.append("-Inf");
    } else if (style == NumberStyle.PLAIN && v == Math.rint(v) && Math.abs(v) < 1e15
        && !(v == 0 && 1 / v < 0)) {
      sb.append((long) v);
    } else if (style == NumberStyle.JAVA_LOWER_E) {
      sb.append(Double.toString(v).replace('E', 'e'));
    } else {
      sb.append(v);
    }
  }

  private static void escapeLabelValue(StringBuilder sb, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        sb.append("\\\\");
      } else if (c == '"') {
        sb.append("\\\"");
      } else if (c == '\n') {
        sb.append("\\n");
      } else {
        sb.append(c);
      }
    }
  }

  private static void escapeHelp(StringBuilder sb, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        sb.append("\\\\");
      } else if (c == '\n') {
        sb.append("\\n");
      } else {
        sb.append(c);
      }
    }
  }

  @Override
  public String toString() {
    return "OpenMetricsGenerator[seed=" + seed + ", series=" + series + ", start=" + startMs
        + ", duration=" + durationMs + "ms, interval=" + intervalMs + "ms]";
  }
}
