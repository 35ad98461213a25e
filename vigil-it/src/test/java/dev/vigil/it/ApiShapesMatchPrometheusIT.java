package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.OpenMetricsGenerator;
import dev.vigil.testkit.peer.PrometheusServer;
import dev.vigil.testkit.peer.Promtool;
import dev.vigil.web.ServerOptions;
import dev.vigil.web.VigilServer;
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
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prometheus 2.42 and {@code VigilServer}, each over its own copy of the same blocks, answer the same
 * API requests with the same status and the same bytes; and promtool, as a client, prints the same
 * for both. Only what must differ (build info, the set of flags) is compared by shape.
 */
class ApiShapesMatchPrometheusIT {
  @RegisterExtension static final Seeds SEEDS = Seeds.forClass(ApiShapesMatchPrometheusIT.class);

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static PrometheusServer prometheus;
  private static VigilServer vigil;
  private static HttpClient http;
  private static String name;
  /** A time inside the data, in seconds with milliseconds, and a range around it. */
  private static String mid;
  private static String start;
  private static String end;

  @BeforeAll
  static void startBoth() throws IOException {
    ItPeers.prometheus();
    Path input = dir.resolve("input.om");
    OpenMetricsGenerator.Result generated = Interop.generate(SEEDS.seed(), input);
    Path written = dir.resolve("vigil-data");
    Interop.createBlocksWithVigil(SEEDS.seed(), input, written);
    List<Interop.BlockDir> blocks = Interop.blocks(written);
    long min = blocks.get(0).minTime();
    long max = blocks.get(blocks.size() - 1).maxTime();
    mid = Interop.seconds((min + max) / 2 + 123);
    start = Interop.seconds(min + 3_600_000);
    end = Interop.seconds(min + 7_200_000 + 7);
    name = generated.sampleNames().get(0);

    Path promData = dir.resolve("prometheus-data");
    Interop.copyBlocks(written, promData);
    prometheus = PrometheusServer.start(promData, dir.resolve("prometheus-work"));
    vigil = VigilServer.start(ServerOptions.loopback(written));
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stopBoth() {
    if (vigil != null) {
      vigil.close();
    }
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static Stream<String> requests() {
    String sel = enc(name);
    return Stream.of(
        "/api/v1/series?match[]=" + sel,
        "/api/v1/series?match[]=" + sel + "&match[]=" + enc("{__name__=~\".+_total\"}") + "&start=" + start + "&end=" + end,
        "/api/v1/series?match[]=" + enc("{__name__=~\".+\"}"),
        "/api/v1/labels",
        "/api/v1/labels?match[]=" + sel + "&start=" + start + "&end=" + end,
        "/api/v1/label/__name__/values",
        "/api/v1/label/__name__/values?match[]=" + sel,
        "/api/v1/label/no_such_label/values",
        "/api/v1/metadata",
        "/api/v1/format_query?query=" + enc("sum(rate(x{a=\"b\"}[5m]))by(job)/on(job)group_left count(y)"),
        "/api/v1/query?query=" + enc("1+1") + "&time=" + mid,
        "/api/v1/query?query=" + enc("\"<&>\"") + "&time=" + mid,
        "/api/v1/query?query=" + sel + "&time=" + mid,
        "/api/v1/query?query=" + enc("sum by (__name__) (" + name + ")") + "&time=" + mid,
        "/api/v1/query?query=" + enc(name + "[1m]") + "&time=" + mid,
        "/api/v1/query_range?query=" + sel + "&start=" + start + "&end=" + end + "&step=60",
        "/api/v1/query_range?query=" + enc("time()") + "&start=" + start + "&end=" + end + "&step=5m",
        // Error cases: texts, types and statuses.
        "/api/v1/series",
        "/api/v1/series?match[]=" + enc("{a=\"\"}"),
        "/api/v1/series?match[]=" + enc("up{"),
        "/api/v1/labels?match[]=" + enc("up{"),
        "/api/v1/labels?start=yesterday",
        "/api/v1/label/0bad/values",
        "/api/v1/metadata?limit=ten",
        "/api/v1/format_query?query=" + enc("sum("),
        "/api/v1/query?query=" + enc("up +"),
        "/api/v1/query?query=up&time=x",
        "/api/v1/query?query=up&timeout=soon",
        "/api/v1/query_range?query=up",
        "/api/v1/query_range?query=up&start=2&end=1&step=1",
        "/api/v1/query_range?query=up&start=1&end=2&step=-1",
        "/api/v1/query_range?query=up&start=0&end=100000&step=1",
        "/api/v1/query_range?query=" + enc("up[5m]") + "&start=1&end=2&step=1",
        "/api/v1/no_such_endpoint");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void sameStatusAndBytes(String request) {
    HttpResponse<String> expected = get(prometheus.baseUrl(), request);
    HttpResponse<String> actual = get(vigil.baseUrl(), request);
    assertThat(actual.statusCode()).as("status of %s", request).isEqualTo(expected.statusCode());
    assertThat(actual.body()).as("body of %s", request).isEqualTo(expected.body());
  }

  @Test
  void postedFormsAnswerAsGets() {
    String form = "match[]=" + enc(name) + "&start=" + start + "&end=" + end;
    assertThat(post(vigil.baseUrl(), "/api/v1/series", form).body())
        .isEqualTo(post(prometheus.baseUrl(), "/api/v1/series", form).body());
  }

  @Test
  void buildInfoHasTheSameMembers() throws IOException {
    assertThat(fieldNames("/api/v1/status/buildinfo", vigil.baseUrl()))
        .isEqualTo(fieldNames("/api/v1/status/buildinfo", prometheus.baseUrl()));
  }

  @Test
  void flagsAreAmongPrometheusFlagsWithItsDefaults() throws IOException {
    JsonNode ours = JSON.readTree(get(vigil.baseUrl(), "/api/v1/status/flags").body()).get("data");
    JsonNode theirs = JSON.readTree(get(prometheus.baseUrl(), "/api/v1/status/flags").body()).get("data");
    assertThat(fieldNames(theirs)).containsAll(List.of("query.timeout", "query.max-samples", "query.max-concurrency",
        "query.lookback-delta", "storage.tsdb.path", "web.listen-address"));
    for (String flag : fieldNames(ours)) {
      assertThat(theirs.has(flag)).as("Prometheus has flag %s", flag).isTrue();
    }
  }

  @Test
  void promtoolPrintsTheSameForBoth() {
    Promtool promtool = ItPeers.promtool();
    List<List<String>> commands = List.of(
        List.of("query", "instant", "--time=" + mid, "SERVER", name),
        List.of("query", "range", "--start=" + start, "--end=" + end, "--step=1m", "SERVER", "sum(" + name + ")"),
        List.of("query", "series", "--match=" + name, "SERVER"),
        List.of("query", "labels", "SERVER", "__name__"));
    for (List<String> command : commands) {
      Promtool.Result expected = promtool.run(Interop.TIMEOUT, withServer(command, prometheus.baseUrl()));
      Promtool.Result actual = promtool.run(Interop.TIMEOUT, withServer(command, vigil.baseUrl()));
      assertThat(expected.ok()).as("promtool against Prometheus: %s", expected.describe()).isTrue();
      assertThat(actual.stdout()).as("promtool %s", command).isEqualTo(expected.stdout());
      assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
    }
  }

  private static String[] withServer(List<String> command, URI server) {
    return command.stream().map(a -> a.equals("SERVER") ? server.toString() : a).toArray(String[]::new);
  }

  private static List<String> fieldNames(String path, URI base) throws IOException {
    return fieldNames(JSON.readTree(get(base, path).body()).get("data"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static HttpResponse<String> get(URI base, String pathAndQuery) {
    return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET());
  }

  private static HttpResponse<String> post(URI base, String path, String form) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
