package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.dataset.BlockDataset;
import dev.vigil.testkit.peer.PrometheusServer;
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
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets Prometheus's error and leaves the server well: malformed queries, unknown functions,
 * wrong argument types, huge ranges, too many points, deep nesting and pathological regexes, sent to
 * Prometheus 2.42 and to {@code VigilServer} over copies of the same blocks, with the same limits
 * (Prometheus's defaults: 50M samples, 11,000 points). Afterwards, and after a burst of slow queries,
 * both still answer promptly and Vigil's heap is back to a small size.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileQueriesIT {
  @RegisterExtension static final Seeds SEEDS = Seeds.forClass(HostileQueriesIT.class);

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Longer than any answer may take; a request still open then is a hung server. */
  private static final Duration REQUEST_LIMIT = Duration.ofSeconds(30);
  /** How long Vigil may take to refuse or answer any one hostile request. */
  private static final Duration PROMPT = Duration.ofSeconds(5);
  /** Vigil's used heap after a full collection: the data is small, so anything near -Xmx is a leak. */
  private static final long HEAP_BOUND_BYTES = 512L << 20;
  private static final int CONCURRENT_REQUESTS = 20;
  /** Prometheus's limit on points per series in a range query. */
  private static final int MAX_POINTS = 11_000;
  /** Vigil's documented nesting limit (docs/compatibility.md, "Nesting depth"). */
  private static final int NESTING_LIMIT = 1_000;
  private static final String METRIC = "demo_num_cpus";

  @TempDir static Path dir;

  private static PrometheusServer prometheus;
  private static VigilServer vigil;
  private static HttpClient http;
  /** An instant inside the data, and the start of a range of {@link #MAX_POINTS} 2s steps inside it. */
  private static String at;
  private static long rangeStartSeconds;

  @BeforeAll
  static void startBoth() throws IOException {
    ItPeers.prometheus();
    BlockDataset.Written data = BlockDataset.write(BlockDataset.Spec.standard(SEEDS.seed()), dir.resolve("generated"));
    at = Interop.seconds((data.timeline().minTime() + data.timeline().maxTime()) / 2);
    rangeStartSeconds = data.timeline().minTime() / 1000 + 60;
    Path promData = dir.resolve("prometheus-data");
    Path vigilData = dir.resolve("vigil-data");
    Interop.copyBlocks(data.dir(), promData);
    Interop.copyBlocks(data.dir(), vigilData);
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    prometheus = PrometheusServer.start(promData, dir.resolve("prometheus-work"));
    // Default engine options are Prometheus's defaults: --query.max-samples=50000000, 2m timeout.
    vigil = VigilServer.start(ServerOptions.loopback(vigilData));
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

  /** How much of the two answers must agree. */
  enum Agreement {
    /** Status and every byte of the body: the error type and text, or the data. */
    SAME_BODY,
    /** Status and error type: the text names the point where a limit struck, which may differ. */
    SAME_ERROR_TYPE
  }

  /** One request, sent as a GET with {@code form} as its query string or as a POST with it as body. */
  record Request(String name, boolean post, String path, String form, Agreement agreement) {
    HttpRequest.Builder request(URI base) {
      if (!post) {
        return HttpRequest.newBuilder(base.resolve(path + "?" + form)).GET();
      }
      return HttpRequest.newBuilder(base.resolve(path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
  }

  record Answer(int status, String body, Duration took) {
    String errorType() {
      try {
        return JSON.readTree(body).path("errorType").asText("");
      } catch (IOException e) {
        return "(not JSON)";
      }
    }

    String describe() {
      String shown = body.length() > 400 ? body.substring(0, 400) + "… (" + body.length() + " chars)" : body;
      return "[" + status + " in " + took.toMillis() + "ms] " + shown;
    }
  }

  static List<Request> hostileRequests() {
    List<Request> all = new ArrayList<>();
    // Malformed queries.
    all.add(instant("unclosed call", false, "sum("));
    all.add(instant("unclosed braces", true, "foo{"));
    all.add(instant("missing operand", false, "1 +"));
    all.add(instant("unterminated string", true, "\"unterminated"));
    all.add(instant("unclosed bracket", false, "foo[5m"));
    all.add(instant("offset without duration", true, "rate(foo[5m] offset)"));
    all.add(new Request("garbage bytes in a form", true, "/api/v1/query", "query=%ff%fe%00%01sum",
        Agreement.SAME_BODY));
    all.add(new Request("garbage bytes in a URL", false, "/api/v1/query", "query=%00%ff(%80", Agreement.SAME_BODY));
    all.add(instant("100 kB of random tokens, posted", true, randomTokens(100_000)));
    all.add(instant("100 kB of random tokens in a URL", false, randomTokens(100_000)));
    all.add(instant("empty query", false, ""));
    all.add(new Request("no query at all", true, "/api/v1/query", "", Agreement.SAME_BODY));
    all.add(instant("selector matching everything", true, "{job=~\".*\"}"));
    // Unknown functions and wrong argument types.
    all.add(instant("unknown function", false, "nosuch(up)"));
    all.add(instant("instant vector for a range", true, "rate(up)"));
    all.add(instant("range vector for an aggregation", false, "sum(up[5m])"));
    all.add(instant("number for a label name", true, "label_replace(up, 1, \"a\", \"b\", \"c\")"));
    all.add(instant("string for a quantile", false, "histogram_quantile(\"a\", up)"));
    all.add(instant("invalid regex", true, "{__name__=~\"(\"}"));
    // Huge ranges. A 1ms subquery over 30d, max_over_time(demo_num_cpus[30d:1ms]), is left out:
    // Prometheus 2.42 dies of OOM on it (it allocates a series' 2.6e9 steps at once, 62 GB); Vigil
    // refuses any subquery with more steps than --query.max-samples with the too-many-samples error,
    // which is what Prometheus answers for max_over_time(vector(1)[30d:1ms]) after 13 s
    // (EngineLimitsTest pins Vigil's side).
    all.add(instant("range beyond a duration", false, "rate(" + METRIC + "[1000y])"));
    all.add(instant("bare range beyond a duration", true, METRIC + "[300y]"));
    all.add(instant("range over a century", false, "count_over_time(" + METRIC + "[100y])"));
    all.add(new Request("1ms subquery over every series", true, "/api/v1/query",
        form("query", "count_over_time({__name__=~\".+\"}[1h:1ms])", "time", at, "timeout", "5s"),
        Agreement.SAME_ERROR_TYPE));
    all.add(new Request("evaluation longer than its timeout", true, "/api/v1/query_range",
        longRange(String.join(" + ", Collections.nCopies(40, "demo_api_request_duration_seconds_bucket")), "2s"),
        Agreement.SAME_ERROR_TYPE));
    // Range query parameters.
    all.add(range("11,001 points", false, "up", "0", "11001", "1"));
    all.add(range("11,001 points, posted", true, "up", "0", "11001", "1"));
    all.add(range("exactly 11,000 points", false, METRIC, "0", "10999", "1"));
    all.add(range("zero step", true, "up", "0", "10", "0"));
    all.add(range("negative step", false, "up", "0", "10", "-5"));
    all.add(range("end before start", true, "up", "10", "0", "1"));
    all.add(range("unparsable start", false, "up", "abc", "10", "1"));
    all.add(range("unparsable step", true, "up", "0", "10", "xyz"));
    all.add(range("step with a trailing number", false, "up", "0", "10", "1h1"));
    all.add(new Request("no step", true, "/api/v1/query_range", form("query", "up", "start", "0", "end", "10"),
        Agreement.SAME_BODY));
    all.add(new Request("unparsable range timeout", false, "/api/v1/query_range",
        form("query", "up", "start", "0", "end", "10", "step", "1", "timeout", "xyz"), Agreement.SAME_BODY));
    all.add(new Request("unparsable time", true, "/api/v1/query", form("query", "up", "time", "abc"),
        Agreement.SAME_BODY));
    all.add(new Request("time beyond a float", false, "/api/v1/query", form("query", "up", "time", "1e400"),
        Agreement.SAME_BODY));
    all.add(new Request("negative timeout", true, "/api/v1/query", form("query", "up", "timeout", "-1s"),
        Agreement.SAME_BODY));
    // Nesting just inside Vigil's limit, which Prometheus parses too.
    all.add(instant("999 nested parentheses", false, nested("(", METRIC, ")", NESTING_LIMIT - 1)));
    all.add(instant("999 nested signs", true, nested("-", METRIC, "", NESTING_LIMIT - 1)));
    all.add(instant("999 chained additions", false, "1" + " + 1".repeat(NESTING_LIMIT - 1)));
    // Pathological regexes: RE2 matches them in linear time. Nested counted repeats such as
    // (a{1000}){1000} are left out: Go refuses a product above 1,000 ("invalid repeat count"),
    // RE2J accepts them.
    all.add(instant("nested plus", true, "{__name__=~\"(a+)+b\"}"));
    all.add(instant("repeated star group", false, "{__name__=~\"(.*a){20}\"}"));
    all.add(instant("ten nested stars", true, "{job=~\"((((((((((x*)*)*)*)*)*)*)*)*)*)*y\"}"));
    all.add(instant("star group over real names", false, "count({__name__=~\"(.*_)*.*seconds.*\"})"));
    all.add(instant("10 kB alternation", true, "{__name__=~\"" + alternation(10_000) + "\"}"));
    return all;
  }

  @Test
  @Order(1)
  void everyHostileRequestGetsPrometheusAnswerPromptly() {
    List<Request> requests = hostileRequests();
    List<String> failures = new ArrayList<>();
    for (Request hostile : requests) {
      Answer expected = send(prometheus.baseUrl(), hostile);
      Answer actual = send(vigil.baseUrl(), hostile);
      String mismatch = mismatch(hostile, expected, actual);
      System.out.println((mismatch == null ? "ok       " : "MISMATCH ") + hostile.name() + ": Prometheus "
          + expected.status() + " in " + expected.took().toMillis() + "ms, Vigil " + actual.status() + " in "
          + actual.took().toMillis() + "ms");
      if (mismatch != null) {
        failures.add(hostile.name() + " (" + (hostile.post() ? "POST " : "GET ") + hostile.path() + "): " + mismatch
            + "\n  Prometheus " + expected.describe() + "\n  Vigil      " + actual.describe());
      }
    }
    String summary = (requests.size() - failures.size()) + " passed, " + failures.size() + " failed";
    System.out.println(summary);
    failures.forEach(System.out::println);
    assertThat(failures).as("%s, %s:\n%s", SEEDS, summary, String.join("\n", failures)).isEmpty();
  }

  private static String mismatch(Request hostile, Answer expected, Answer actual) {
    if (actual.took().compareTo(PROMPT) > 0) {
      return "Vigil took longer than " + PROMPT;
    }
    if (actual.status() != expected.status()) {
      return "status";
    }
    if (hostile.agreement() == Agreement.SAME_BODY) {
      return actual.body().equals(expected.body()) ? null : "body";
    }
    if (expected.status() == 200) {
      return "Prometheus answered, so the request tests no limit";
    }
    return actual.errorType().equals(expected.errorType()) ? null : "errorType";
  }

  /**
   * Prometheus has no nesting limit and answers these; Vigil refuses more than 1,000 levels by design
   * (docs/compatibility.md, "Nesting depth"), and must do so quickly, as a parse error.
   */
  @Test
  @Order(2)
  void nestingBeyondTheLimitIsRefusedAsBadData() {
    List<Request> deep = List.of(
        instant("1,000 nested parentheses", false, nested("(", METRIC, ")", NESTING_LIMIT)),
        instant("1,000 nested signs", true, nested("-", METRIC, "", NESTING_LIMIT)),
        instant("1,000 chained additions", false, METRIC + " + 1".repeat(NESTING_LIMIT)),
        instant("1,000 nested sums", true, nested("sum(", METRIC, ")", NESTING_LIMIT)),
        instant("10,000 nested parentheses", true, nested("(", METRIC, ")", 10 * NESTING_LIMIT)));
    for (Request hostile : deep) {
      Answer theirs = send(prometheus.baseUrl(), hostile);
      Answer ours = send(vigil.baseUrl(), hostile);
      System.out.println(hostile.name() + ": Prometheus " + theirs.describe() + "\n  Vigil " + ours.describe());
      assertThat(theirs.status()).as("Prometheus parses %s", hostile.name()).isEqualTo(200);
      assertThat(ours.status()).as("Vigil's status for %s", hostile.name()).isEqualTo(400);
      assertThat(ours.errorType()).as("Vigil's errorType for %s", hostile.name()).isEqualTo("bad_data");
      assertThat(ours.body()).as("Vigil's error for %s", hostile.name()).contains("parse error");
      assertThat(ours.took()).as("Vigil's time to refuse %s", hostile.name()).isLessThan(PROMPT);
    }
  }

  /**
   * Slow queries up to the engine's concurrency each get an answer by their deadline, not a hang.
   * Each holds little memory: the limit is per query, as in Prometheus, so 20 queries that may each
   * hold up to 50M samples need far more than the test JVM's 1 GiB heap.
   */
  @Test
  @Order(3)
  void aBurstOfSlowQueriesIsAnsweredAndLeavesVigilResponsive()
      throws InterruptedException, ExecutionException, TimeoutException {
    Request slow = new Request("slow range", true, "/api/v1/query_range",
        longRange("sum(quantile_over_time(0.5, demo_cpu_usage_seconds_total[6h]))", "2s"), Agreement.SAME_ERROR_TYPE);
    List<CompletableFuture<Answer>> pending = IntStream.range(0, CONCURRENT_REQUESTS)
        .mapToObj(i -> sendAsync(vigil.baseUrl(), slow))
        .toList();
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .get(REQUEST_LIMIT.toSeconds(), TimeUnit.SECONDS);
    for (CompletableFuture<Answer> future : pending) {
      Answer answer = future.get();
      assertThat(answer.errorType()).as("answer to a slow query: %s", answer.describe())
          .isIn("timeout", "execution");
    }
    System.out.println(CONCURRENT_REQUESTS + " concurrent slow queries answered in "
        + pending.stream().map(f -> f.join().took().toMillis() + "ms").collect(Collectors.joining(", ")));
    assertNormalQueryAgrees();
  }

  @Test
  @Order(4)
  void afterwardsBothAreHealthyAndVigilHeapIsBounded() {
    for (URI base : List.of(prometheus.baseUrl(), vigil.baseUrl())) {
      Answer healthy = send(base, new Request("health", false, "/-/healthy", "", Agreement.SAME_BODY));
      assertThat(healthy.status()).as("%s/-/healthy: %s", base, healthy.describe()).isEqualTo(200);
      assertThat(healthy.took()).isLessThan(PROMPT);
    }
    assertNormalQueryAgrees();
    Runtime runtime = Runtime.getRuntime();
    // A full collection first, so the figure is what Vigil still holds, not garbage not yet swept.
    System.gc();
    long used = runtime.totalMemory() - runtime.freeMemory();
    System.out.println("Vigil's JVM holds " + (used >> 20) + " MiB of heap after the hostile requests");
    assertThat(used).as("used heap after a full GC, bytes").isLessThan(HEAP_BOUND_BYTES);
  }

  private static void assertNormalQueryAgrees() {
    Request normal = instant("normal query", false, METRIC);
    Answer expected = send(prometheus.baseUrl(), normal);
    Answer actual = send(vigil.baseUrl(), normal);
    assertThat(expected.status()).as("Prometheus: %s", expected.describe()).isEqualTo(200);
    assertThat(expected.body()).as("the dataset has %s at %s", METRIC, at).contains(METRIC);
    assertThat(actual.body()).as("Vigil's answer to %s", METRIC).isEqualTo(expected.body());
    assertThat(actual.took()).as("Vigil's time for a normal query").isLessThan(PROMPT);
  }

  private static Request instant(String name, boolean post, String query) {
    return new Request(name, post, "/api/v1/query", form("query", query, "time", at), Agreement.SAME_BODY);
  }

  private static Request range(String name, boolean post, String query, String start, String end, String step) {
    return new Request(name, post, "/api/v1/query_range",
        form("query", query, "start", start, "end", end, "step", step), Agreement.SAME_BODY);
  }

  /** {@code query} at 11,000 steps of 2s inside the data, with a per-request {@code timeout}. */
  private static String longRange(String query, String timeout) {
    long end = rangeStartSeconds + 2L * (MAX_POINTS - 1);
    return form("query", query, "start", Long.toString(rangeStartSeconds), "end", Long.toString(end), "step", "2",
        "timeout", timeout);
  }

  private static String form(String... pairs) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parts.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return String.join("&", parts);
  }

  private static String nested(String open, String inner, String close, int depth) {
    return open.repeat(depth) + inner + close.repeat(depth);
  }

  /** PromQL tokens in random order, cut to {@code length} characters: a parse error somewhere. */
  private static String randomTokens(int length) {
    String[] tokens = {"sum", "(", ")", "{", "}", "[5m]", "up", "+", "by", "\"x\"", "1.5", "=~", "rate", ",", "offset",
        "@", "foo", "job", "-", "/", "on", "ignoring", "==", "bool", "[", "]", ":", "1e9"};
    Random random = new Random(SEEDS.seed());
    StringBuilder query = new StringBuilder(length + 16);
    while (query.length() < length) {
      query.append(tokens[random.nextInt(tokens.length)]).append(' ');
    }
    return query.substring(0, length);
  }

  /** Made-up metric names joined by {@code |}, ending in one that exists, about {@code length} characters. */
  private static String alternation(int length) {
    StringBuilder names = new StringBuilder();
    for (int i = 0; names.length() < length; i++) {
      names.append("no_such_metric_").append(i).append('|');
    }
    return names.append(METRIC).toString();
  }

  private static Answer send(URI base, Request request) {
    try {
      return sendAsync(base, request).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(base + " did not answer " + request.name(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends without taking a thread, so a burst is as concurrent as the server lets it be. */
  private static CompletableFuture<Answer> sendAsync(URI base, Request request) {
    long started = System.nanoTime();
    return http.sendAsync(request.request(base).timeout(REQUEST_LIMIT).build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Answer(r.statusCode(), r.body(), Duration.ofNanos(System.nanoTime() - started)));
  }
}
