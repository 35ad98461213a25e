package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.labels.Labels;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Prometheus HTTP API of one server (real Prometheus or Vigil) as the side-by-side tests read it:
 * JSON answers parsed with Jackson, never with Vigil's own code, so both servers are read alike.
 */
final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;

  ApiClient(URI base) {
    this.base = base;
  }

  URI base() {
    return base;
  }

  /** GETs {@code pathAndQuery} (already encoded), asserting a 200 answer. */
  JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response = send(pathAndQuery);
    assertThat(response.statusCode()).as("GET %s%s: %s", base, pathAndQuery, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The status code of a GET, for endpoints such as {@code /-/healthy} whose body says nothing more. */
  int status(String path) throws IOException, InterruptedException {
    return send(path).statusCode();
  }

  /** A plain-text answer, which must be 200 with {@code contentType}. */
  String text(String pathAndQuery, String contentType) throws IOException, InterruptedException {
    HttpResponse<String> response = send(pathAndQuery);
    assertThat(response.statusCode()).as("GET %s%s: %s", base, pathAndQuery, response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).as("content type of %s", pathAndQuery)
        .hasValue(contentType);
    return response.body();
  }

  /** {@code data.activeTargets} of {@code /api/v1/targets}. */
  JsonNode activeTargets() throws IOException, InterruptedException {
    return get("/api/v1/targets").path("data").path("activeTargets");
  }

  /** An instant query at {@code timeMillis}: its vector, value strings by labels. */
  Map<Labels, String> vector(String query, long timeMillis) throws IOException, InterruptedException {
    return vector(get("/api/v1/query?query=" + enc(query) + "&time=" + Interop.seconds(timeMillis)));
  }

  /** The vector of a query answer, value strings by labels. */
  static Map<Labels, String> vector(JsonNode answer) {
    Map<Labels, String> out = new TreeMap<>();
    for (JsonNode s : answer.path("data").path("result")) {
      out.put(labels(s.path("metric")), s.path("value").get(1).asText());
    }
    return out;
  }

  /** A JSON object of label names to values. */
  static Labels labels(JsonNode object) {
    var builder = Labels.builder();
    object.fields().forEachRemaining(e -> builder.add(e.getKey(), e.getValue().asText()));
    return builder.build();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(String pathAndQuery) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public String toString() {
    return base.toString();
  }
}
