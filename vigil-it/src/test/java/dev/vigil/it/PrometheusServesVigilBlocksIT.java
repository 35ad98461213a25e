package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.model.GoFloat;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.Series;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.core.storage.ValueType;
import dev.vigil.testkit.OpenMetricsGenerator;
import dev.vigil.testkit.peer.PrometheusServer;
import dev.vigil.tsdb.Block;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Prometheus 2.42, given only blocks Vigil wrote, serves exactly the samples Vigil's own block
 * reader returns: every raw sample of every series, and range and instant queries whose values
 * follow from those samples by the 5m lookback rule (the newest sample in {@code [t-5m, t]}).
 */
class PrometheusServesVigilBlocksIT {
  @RegisterExtension static final Seeds SEEDS = Seeds.forClass(PrometheusServesVigilBlocksIT.class);

  private static final long LOOKBACK_MS = 5 * 60_000L;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir static Path dir;

  private static OpenMetricsGenerator.Result generated;
  private static List<Interop.BlockDir> blocks;
  /** What Vigil's reader returns for every series across all blocks, in label order. */
  private static Map<Labels, Samples> vigil;
  private static long minTime;
  private static long maxTime;
  private static PrometheusServer prometheus;
  private static HttpClient http;

  /** One series' samples; values keep their bits. */
  record Samples(long[] t, double[] v) {}

  /** A point as Prometheus returned it: milliseconds and the value string. */
  record Point(long t, String v) {}

  @BeforeAll
  static void startPrometheusOnVigilBlocks() throws IOException {
    ItPeers.prometheus();
    Path input = dir.resolve("input.om");
    generated = Interop.generate(SEEDS.seed(), input);
    Path written = dir.resolve("vigil");
    Interop.createBlocksWithVigil(SEEDS.seed(), input, written);
    blocks = Interop.blocks(written);
    vigil = readWithVigil(blocks);
    minTime = blocks.get(0).minTime();
    maxTime = blocks.get(blocks.size() - 1).maxTime() - 1;

    // Prometheus gets a fresh data directory holding nothing but Vigil's blocks.
    Path data = dir.resolve("prometheus-data");
    Interop.copyBlocks(written, data);
    prometheus = PrometheusServer.start(data, dir.resolve("prometheus-work"));
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stopPrometheus() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private static Map<Labels, Samples> readWithVigil(List<Interop.BlockDir> blockDirs) throws IOException {
    Map<Labels, List<long[]>> times = new TreeMap<>();
    Map<Labels, List<double[]>> values = new HashMap<>();
    for (Interop.BlockDir b : blockDirs) {
      try (Block block = Block.open(b.dir());
          Querier q = block.querier(block.meta().minTime(), block.meta().maxTime())) {
        SeriesSet set = q.select(QueryContext.BACKGROUND, true, null, Matcher.regex("__name__", ".+"));
        SampleIterator it = null;
        while (set.next()) {
          Series s = set.at();
          it = s.iterator(it);
          long[] t = new long[64];
          double[] v = new double[64];
          int n = 0;
          while (it.next() == ValueType.FLOAT) {
            if (n == t.length) {
              t = Arrays.copyOf(t, n * 2);
              v = Arrays.copyOf(v, n * 2);
            }
            t[n] = it.atTime();
            v[n] = it.atValue();
            n++;
          }
          times.computeIfAbsent(s.labels(), k -> new ArrayList<>()).add(Arrays.copyOf(t, n));
          values.computeIfAbsent(s.labels(), k -> new ArrayList<>()).add(Arrays.copyOf(v, n));
        }
      }
    }
    Map<Labels, Samples> out = new TreeMap<>();
    for (Map.Entry<Labels, List<long[]>> e : times.entrySet()) {
      long[] t = e.getValue().stream().flatMapToLong(Arrays::stream).toArray();
      double[] v = values.get(e.getKey()).stream().flatMapToDouble(Arrays::stream).toArray();
      out.put(e.getKey(), new Samples(t, v));
    }
    return out;
  }

  @Test
  void everyRawSampleMatchesVigilsReader() {
    Map<Labels, List<Point>> served = allRawSamples();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Labels, Samples> e : vigil.entrySet()) {
      List<Point> points = served.get(e.getKey());
      if (points == null) {
        problems.add("Prometheus does not serve " + e.getKey());
        continue;
      }
      Samples s = e.getValue();
      if (points.size() != s.t().length) {
        problems.add(e.getKey() + ": Prometheus serves " + points.size() + " samples, Vigil reads " + s.t().length);
      }
      for (int i = 0; i < Math.min(points.size(), s.t().length); i++) {
        Point p = points.get(i);
        double served1 = parsePromValue(p.v());
        if (p.t() != s.t()[i] || Double.doubleToLongBits(served1) != Double.doubleToLongBits(s.v()[i])) {
          problems.add(e.getKey() + " sample " + i + ": Prometheus " + p.v() + " @" + p.t() + ", Vigil "
              + s.v()[i] + " @" + s.t()[i]);
          break;
        }
      }
    }
    for (Labels l : served.keySet()) {
      if (!vigil.containsKey(l)) {
        problems.add("Prometheus serves " + l + " which Vigil's reader does not return");
      }
    }
    assertThat(problems).as("%s: raw samples, Prometheus over Vigil's blocks vs Vigil's reader", SEEDS).isEmpty();
    assertThat(vigil.values().stream().mapToLong(s -> s.t().length).sum())
        .as("%s", SEEDS).isEqualTo(generated.samples());
  }

  /** Prometheus's value strings are the Go forms GoFloat writes ('f', or 'e' outside [1e-6, 1e21)). */
  @Test
  void servedValueStringsAreGoFloatsFormatOfVigilsValues() {
    Map<Labels, List<Point>> served = allRawSamples();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Labels, Samples> e : vigil.entrySet()) {
      List<Point> points = served.getOrDefault(e.getKey(), List.of());
      for (int i = 0; i < Math.min(points.size(), e.getValue().v().length) && problems.size() < 20; i++) {
        String expected = promValue(e.getValue().v()[i]);
        if (!points.get(i).v().equals(expected)) {
          problems.add(e.getKey() + " @" + points.get(i).t() + ": Prometheus '" + points.get(i).v()
              + "', GoFloat of Vigil's value '" + expected + "'");
        }
      }
    }
    assertThat(problems).as("%s: value strings", SEEDS).isEmpty();
  }

  static Stream<Arguments> rangeQueries() {
    List<String> names = new ArrayList<>();
    for (OpenMetricsGenerator.Family f : generated.families()) {
      names.add(f.sampleNames().get(0));
      if (names.size() == 6) {
        break;
      }
    }
    long start = Math.floorDiv(minTime, 60_000L) * 60_000L - 120_000L;
    long end = maxTime + 2 * LOOKBACK_MS;
    List<Arguments> cases = new ArrayList<>();
    for (String name : names) {
      cases.add(Arguments.of(name + " aligned", name, start, end));
    }
    cases.add(Arguments.of(names.get(0) + " unaligned", names.get(0), start + 7_531L, end));
    long boundaryStart = blocks.get(1).minTime() - 600_000L;
    long boundaryEnd = blocks.get(1).minTime() + 600_001L;
    String acrossBoundary = nameWithSamplesIn(boundaryStart - LOOKBACK_MS, boundaryEnd);
    cases.add(Arguments.of(acrossBoundary + " around a block boundary", acrossBoundary, boundaryStart, boundaryEnd));
    return cases.stream();
  }

  /** A metric name with a sample in {@code [from, to]}: the generated series come and go. */
  private static String nameWithSamplesIn(long from, long to) {
    return vigil.entrySet().stream()
        .filter(e -> Arrays.stream(e.getValue().t()).anyMatch(t -> t >= from && t <= to))
        .map(e -> e.getKey().get(Labels.METRIC_NAME))
        .sorted()
        .findFirst()
        .orElseThrow(() -> new AssertionError(SEEDS + ": no series has samples around the second block's start"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rangeQueries")
  void rangeQueryValuesFollowTheLookbackRule(String title, String name, long start, long end) {
    String query = "{__name__=\"" + name + "\"}";
    JsonNode result = get("/api/v1/query_range", "query", query, "start", Interop.seconds(start),
        "end", Interop.seconds(end), "step", "60");
    Map<Labels, List<Point>> served = points(result, "values");
    Map<Labels, List<Point>> expected = new TreeMap<>();
    for (Map.Entry<Labels, Samples> e : vigil.entrySet()) {
      if (!e.getKey().get(Labels.METRIC_NAME).equals(name)) {
        continue;
      }
      List<Point> points = new ArrayList<>();
      for (long t = start; t <= end; t += 60_000L) {
        Point p = lookback(e.getValue(), t);
        if (p != null) {
          points.add(p);
        }
      }
      if (!points.isEmpty()) {
        expected.put(e.getKey(), points);
      }
    }
    assertThat(expected).as("%s: the query must select something", SEEDS).isNotEmpty();
    assertSamePoints(query + " start=" + start + " end=" + end + " step=60s", expected, served);
  }

  static Stream<Long> instantTimes() {
    List<Long> times = new ArrayList<>();
    for (Interop.BlockDir b : blocks) {
      times.add(b.minTime() - 1);
      times.add(b.minTime());
      times.add(b.maxTime() - 1);
      times.add(b.maxTime());
    }
    times.add(maxTime + LOOKBACK_MS);
    times.add(maxTime + LOOKBACK_MS + 1);
    return times.stream().distinct();
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("instantTimes")
  void instantQueryOfEverySeriesFollowsTheLookbackRule(long time) {
    String query = "{__name__=~\".+\"}";
    JsonNode result = get("/api/v1/query", "query", query, "time", Interop.seconds(time));
    Map<Labels, List<Point>> served = points(result, "value");
    Map<Labels, List<Point>> expected = new TreeMap<>();
    for (Map.Entry<Labels, Samples> e : vigil.entrySet()) {
      Point p = lookback(e.getValue(), time);
      if (p != null) {
        expected.put(e.getKey(), List.of(p));
      }
    }
    assertSamePoints(query + " at " + time, expected, served);
  }

  /** The newest sample in [t - 5m, t], reported at t, as Prometheus 2.42 evaluates a selector. */
  private static Point lookback(Samples s, long t) {
    int i = Arrays.binarySearch(s.t(), t);
    if (i < 0) {
      i = -i - 2;
    }
    if (i < 0 || s.t()[i] < t - LOOKBACK_MS) {
      return null;
    }
    return new Point(t, promValue(s.v()[i]));
  }

  private static void assertSamePoints(String what, Map<Labels, List<Point>> expected,
      Map<Labels, List<Point>> served) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Labels, List<Point>> e : expected.entrySet()) {
      List<Point> got = served.get(e.getKey());
      if (got == null) {
        problems.add("missing series " + e.getKey() + " (expected " + e.getValue().size() + " points, first "
            + e.getValue().get(0) + ")");
        continue;
      }
      Iterator<Point> a = e.getValue().iterator();
      Iterator<Point> b = got.iterator();
      int i = 0;
      while (a.hasNext() || b.hasNext()) {
        Point pa = a.hasNext() ? a.next() : null;
        Point pb = b.hasNext() ? b.next() : null;
        if (pa == null || pb == null || pa.t() != pb.t() || !sameValue(pa.v(), pb.v())) {
          problems.add(e.getKey() + " point " + i + ": expected " + pa + ", Prometheus " + pb);
          break;
        }
        i++;
      }
    }
    for (Labels l : served.keySet()) {
      if (!expected.containsKey(l)) {
        problems.add("unexpected series " + l + " " + served.get(l).get(0));
      }
    }
    assertThat(problems).as("%s: %s", SEEDS, what).isEmpty();
  }

  private static boolean sameValue(String a, String b) {
    return Double.doubleToLongBits(parsePromValue(a)) == Double.doubleToLongBits(parsePromValue(b));
  }

  private static Map<Labels, List<Point>> allRawSamples() {
    long rangeSeconds = (maxTime - minTime) / 1000 + 60;
    JsonNode result = get("/api/v1/query", "query", "{__name__=~\".+\"}[" + rangeSeconds + "s]",
        "time", Interop.seconds(maxTime));
    return points(result, "values");
  }

  /** Parses a vector ("value") or matrix ("values") result into series and points. */
  private static Map<Labels, List<Point>> points(JsonNode result, String field) {
    Map<Labels, List<Point>> out = new TreeMap<>();
    for (JsonNode series : result) {
      Map<String, String> labels = new HashMap<>();
      for (Map.Entry<String, JsonNode> f : series.path("metric").properties()) {
        labels.put(f.getKey(), f.getValue().asText());
      }
      List<Point> points = new ArrayList<>();
      JsonNode node = series.path(field);
      if (field.equals("value")) {
        points.add(point(node));
      } else {
        for (JsonNode p : node) {
          points.add(point(p));
        }
      }
      Labels key = Labels.fromMap(labels);
      if (out.put(key, points) != null) {
        throw new AssertionError("Prometheus returned " + key + " twice");
      }
    }
    return out;
  }

  private static Point point(JsonNode pair) {
    long t = pair.get(0).decimalValue().movePointRight(3).longValueExact();
    return new Point(t, pair.get(1).asText());
  }

  /** GETs an API path and returns {@code data.result}; fails with the body on any error. */
  private static JsonNode get(String path, String... params) {
    StringBuilder url = new StringBuilder(prometheus.baseUrl().toString()).append(path);
    for (int i = 0; i < params.length; i += 2) {
      url.append(i == 0 ? '?' : '&').append(params[i]).append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    try {
      HttpResponse<byte[]> response = http.send(
          HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
        throw new AssertionError(SEEDS + ": GET " + url + " -> " + response.statusCode() + " "
            + new String(response.body(), 0, Math.min(2000, response.body().length), StandardCharsets.UTF_8));
      }
      return body.path("data").path("result");
    } catch (IOException e) {
      throw new AssertionError(SEEDS + ": GET " + url + " failed: " + e + "\n" + prometheus.logTail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * The value string of Prometheus 2.42's JSON ({@code web/api/v1} marshalValue): Go's {@code
   * strconv.FormatFloat(v, 'f', -1, 64)}, switching to {@code 'e'} for magnitudes below 1e-6 or from
   * 1e21 (as encoding/json does); {@code %g}'s exponent form is that same {@code 'e'} form.
   */
  static String promValue(double v) {
    double abs = Math.abs(v);
    if (abs != 0 && !Double.isNaN(v) && !Double.isInfinite(v) && (abs < 1e-6 || abs >= 1e21)) {
      return GoFloat.formatG(v);
    }
    return GoFloat.formatShortest(v);
  }

  /** Parses a value string of the API; NaN keeps no payload, so compare NaNs with doubleToLongBits. */
  static double parsePromValue(String s) {
    switch (s) {
      case "NaN":
        return Double.NaN;
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(s);
    }
  }
}
