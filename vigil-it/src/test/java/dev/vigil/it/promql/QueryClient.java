package dev.vigil.it.promql;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends a case to a target's query API; a failed request becomes a response no JSON parser accepts. */
final class QueryClient {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ResultComparator.ApiResponse send(QueryTarget target, QueryCase c) throws InterruptedException {
    URI uri = target.baseUrl().resolve(c.path() + "?" + form(c.params()));
    try {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new ResultComparator.ApiResponse(r.statusCode(), r.body());
    } catch (IOException e) {
      return new ResultComparator.ApiResponse(-1, ("request to " + target.name() + " failed: " + e)
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
