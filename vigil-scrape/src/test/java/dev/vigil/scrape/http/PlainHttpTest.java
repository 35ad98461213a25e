package dev.vigil.scrape.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.scrape.config.HttpClientConfig;
import dev.vigil.scrape.loop.ScrapeBody;
import dev.vigil.scrape.loop.ScrapeFailure;
import dev.vigil.scrape.loop.TargetScraper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain-HTTP scraping on Vigil's own HTTP/1.1 transport, as Go 1.19's transport reads responses. */
class PlainHttpTest {
  private final List<AutoCloseable> resources = new ArrayList<>();
  private HttpScraperFactory factory;

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : resources) {
      c.close();
    }
  }

  private TargetScraper scraper(RawServer server) throws HttpClientSetupException {
    factory = HttpScraperFactory.create("plain", HttpClientConfig.DEFAULT, 0);
    resources.add(factory);
    TargetScraper s = factory.forTarget(URI.create(server.url("/metrics")));
    resources.add(s);
    return s;
  }

  private RawServer serve(String response) throws IOException {
    return raw((s, head, out) -> RawServer.write(out, response));
  }

  /** Answers each request with {@code response} and closes the connection after it. */
  private RawServer serveAndClose(String response) throws IOException {
    return raw((s, head, out) -> {
      RawServer.write(out, response);
      s.close();
    });
  }

  private RawServer raw(RawServer.Script script) throws IOException {
    RawServer s = new RawServer(script);
    resources.add(s);
    return s;
  }

  /** Scrapes {@code times} times, each time reading {@code body}, and counts the connections it took. */
  private int connectionsForScrapes(RawServer server, int times, String body) throws Exception {
    TargetScraper scraper = scraper(server);
    for (int i = 0; i < times; i++) {
      assertThat(text(scraper.scrape(2000))).isEqualTo(body);
    }
    return server.connections();
  }

  private static String text(ScrapeBody body) {
    return new String(body.bytes(), 0, body.length(), StandardCharsets.UTF_8);
  }

  private static String failure(TargetScraper s, long timeoutMillis) throws InterruptedException {
    try {
      ScrapeBody body = s.scrape(timeoutMillis);
      throw new AssertionError("scrape succeeded with " + body.length() + " bytes");
    } catch (ScrapeFailure e) {
      return e.getMessage();
    }
  }

  @Test
  void writesTheRequestHeadAsGoDoes() throws Exception {
    RawServer server = serve("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    scraper(server).scrape(2000);
    assertThat(server.requests().get(0)).isEqualTo("GET /metrics HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + server.port() + "\r\n"
        + "User-Agent: Prometheus/2.42.0\r\n"
        + "Accept: " + HttpScraperFactory.ACCEPT_HEADER + "\r\n"
        + "Accept-Encoding: gzip\r\n"
        + "X-Prometheus-Scrape-Timeout-Seconds: 2\r\n\r\n");
  }

  @Test
  void keepsOneConnectionAcrossScrapes() throws Exception {
    RawServer server = serve("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nup 1");
    assertThat(connectionsForScrapes(server, 3, "up 1")).isEqualTo(1);
  }

  @Test
  void aKeptAliveConnectionTheServerClosedIsRetriedOnANewOne() throws Exception {
    // Closed without saying so: the client learns it on its next request.
    RawServer server = serveAndClose("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nup 1");
    TargetScraper scraper = scraper(server);
    assertThat(text(scraper.scrape(2000))).isEqualTo("up 1");
    RawServer.sleep(50);
    assertThat(text(scraper.scrape(2000))).isEqualTo("up 1");
    assertThat(server.connections()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "HTTP/1.1 200 OK\\r\\nConnection: close\\r\\nContent-Length: 4\\r\\n\\r\\nup 1 | 3",
      "HTTP/1.0 200 OK\\r\\nContent-Length: 4\\r\\n\\r\\nup 1 | 3",
      "HTTP/1.0 200 OK\\r\\nConnection: keep-alive\\r\\nContent-Length: 4\\r\\n\\r\\nup 1 | 1",
      "HTTP/1.1 200 OK\\r\\nConnection: Keep-Alive, Upgrade\\r\\nContent-Length: 4\\r\\n\\r\\nup 1 | 1"})
  void connectionHeadersAndVersionsDecideReuse(String response, int connections) throws Exception {
    RawServer server = raw((s, head, out) -> {
      RawServer.write(out, unescape(response));
      if (unescape(response).startsWith("HTTP/1.0") && !response.contains("keep-alive")
          || response.contains("close")) {
        s.close();
      }
    });
    assertThat(connectionsForScrapes(server, 3, "up 1")).isEqualTo(connections);
  }

  @Test
  void aBodyWithoutLengthLastsUntilTheConnectionCloses() throws Exception {
    RawServer server = raw((s, head, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\n\r\nup 1\n");
      RawServer.sleep(20);
      RawServer.write(out, "down 0\n");
      s.close();
    });
    assertThat(connectionsForScrapes(server, 2, "up 1\ndown 0\n")).isEqualTo(2);
  }

  @Test
  void chunkedBodiesWithExtensionsAndTrailersAreReadAndTheConnectionKept() throws Exception {
    RawServer server = serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;name=value\r\nup 1\n\r\nA\r\ndown 0\nx 1\r\n0\r\nX-Trailer: t\r\n\r\n");
    assertThat(connectionsForScrapes(server, 2, "up 1\ndown 0\nx 1")).isEqualTo(1);
  }

  @Test
  void informationalResponsesAreSkipped() throws Exception {
    RawServer server = serve("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nup 1");
    assertThat(text(scraper(server).scrape(2000))).isEqualTo("up 1");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n | invalid byte in chunk length",
      "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5 ;x\\r\\nhello\\r\\n0\\r\\n\\r\\n | invalid byte in chunk length",
      "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5\\r\\nhelloXX0\\r\\n\\r\\n | malformed chunked encoding",
      "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n11111111111111111\\r\\n | http chunk length too large",
      "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5\\r\\nhello\\r\\n0\\r\\n | http: unexpected EOF reading trailer",
      "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5\\r\\nhel | unexpected EOF",
      "HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\nhello | unexpected EOF"})
  void brokenBodiesFailWithGoTexts(String response, String expected) throws Exception {
    RawServer server = serveAndClose(unescape(response));
    assertThat(failure(scraper(server), 2000)).isEqualTo(expected);
  }

  @Test
  void aChunkLineOfFourKilobytesIsTooLong() throws Exception {
    RawServer server = serveAndClose("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;" + "x".repeat(4100) + "\r\n");
    assertThat(failure(scraper(server), 2000)).isEqualTo("header line too long");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "HTTP/1.1 2000 OK\\r\\n\\r\\n | malformed HTTP status code \"2000\"",
      "HTTP/1.1 abc OK\\r\\n\\r\\n | malformed HTTP status code \"abc\"",
      "HTTX/1.1 200 OK\\r\\n\\r\\n | malformed HTTP version \"HTTX/1.1\"",
      "HTTP/1.1 200 OK\\r\\nno colon here\\r\\n\\r\\n | malformed MIME header: missing colon: \"no colon here\"",
      "HTTP/1.1 200 OK\\r\\n folded: first\\r\\n\\r\\n | malformed MIME header initial line:  folded: first",
      "HTTP/1.1 200 OK\\r\\nContent-Length: x1\\r\\n\\r\\n | bad Content-Length \"x1\"",
      "HTTP/1.1 200 OK\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\nab | http: message cannot contain multiple Content-Length headers; got [\"1\" \"2\"]",
      "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: gzip\\r\\n\\r\\n | unsupported transfer encoding: \"gzip\"",
      "HTTP/1.1 200 OK\\r\\nContent-Ty | unexpected EOF"})
  void malformedHeadsFailAsABrokenConnection(String response, String expected) throws Exception {
    RawServer server = serveAndClose(unescape(response));
    assertThat(failure(scraper(server), 2000))
        .isEqualTo("Get \"" + server.url("/metrics") + "\": net/http: HTTP/1.x transport connection broken: " + expected);
  }

  @Test
  void aHeadOverTenMebibytesFailsAsGosTransportLimitsIt() throws Exception {
    RawServer server = serve("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(11 << 20) + "\r\nContent-Length: 0\r\n\r\n");
    assertThat(failure(scraper(server), 5000)).isEqualTo("Get \"" + server.url("/metrics")
        + "\": net/http: HTTP/1.x transport connection broken: net/http: server response headers exceeded 10485760 bytes; aborted");
  }

  @Test
  void tooManyInformationalResponsesFail() throws Exception {
    RawServer server = serve("HTTP/1.1 100 Continue\r\n\r\n".repeat(6) + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    assertThat(failure(scraper(server), 2000)).isEqualTo("Get \"" + server.url("/metrics")
        + "\": net/http: HTTP/1.x transport connection broken: net/http: too many 1xx informational responses");
  }

  @Test
  void aResetBeforeTheResponseShowsBothAddressesAsGoDoes() throws Exception {
    RawServer server = raw((s, head, out) -> {
      s.setSoLinger(true, 0);
      s.close();
    });
    assertThat(failure(scraper(server), 2000)).matches("Get \"" + java.util.regex.Pattern.quote(server.url("/metrics"))
        + "\": read tcp 127\\.0\\.0\\.1:\\d+->127\\.0\\.0\\.1:" + server.port() + ": read: connection reset by peer");
  }

  @Test
  void closingTheFactoryEndsAScrapeInProgressAsCanceled() throws Exception {
    RawServer server = raw((s, head, out) -> RawServer.sleep(5_000));
    TargetScraper scraper = scraper(server);
    CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> {
      try {
        return failure(scraper, 10_000);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.requests().isEmpty() && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    factory.close();
    assertThat(result.get(3, TimeUnit.SECONDS)).isEqualTo("Get \"" + server.url("/metrics") + "\": context canceled");
  }

  @Test
  void closingTheScraperClosesItsIdleConnection() throws Exception {
    RawServer server = serve("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    TargetScraper scraper = scraper(server);
    scraper.scrape(2000);
    assertThat(factory.connections()).hasSize(1);
    scraper.close();
    assertThat(factory.connections()).isEmpty();
  }

  private static String unescape(String s) {
    return s.replace("\\r", "\r").replace("\\n", "\n");
  }
}
