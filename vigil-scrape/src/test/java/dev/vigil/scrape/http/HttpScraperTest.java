package dev.vigil.scrape.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.scrape.config.Authorization;
import dev.vigil.scrape.config.BasicAuth;
import dev.vigil.scrape.config.HttpClientConfig;
import dev.vigil.scrape.config.TlsConfig;
import dev.vigil.scrape.loop.ScrapeBody;
import dev.vigil.scrape.loop.ScrapeFailure;
import dev.vigil.scrape.loop.TargetScraper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpScraperTest {
  static {
    // The JDK's test server otherwise waits on Nagle's algorithm between headers and body.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final String METRICS = "# TYPE up gauge\nup 1\n";

  private final List<AutoCloseable> resources = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : resources) {
      c.close();
    }
  }

  private HttpScraperFactory factory(HttpClientConfig http, long limit) throws HttpClientSetupException {
    HttpScraperFactory f = HttpScraperFactory.create("job", http, limit);
    resources.add(f);
    return f;
  }

  private TargetScraper scraper(String url) throws HttpClientSetupException {
    return factory(HttpClientConfig.DEFAULT, 0).forTarget(URI.create(url));
  }

  private RawServer raw(RawServer.Script script) throws IOException {
    RawServer s = new RawServer(script);
    resources.add(s);
    return s;
  }

  private HttpServer http(HttpHandler handler) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/", handler);
    ExecutorService pool = Executors.newCachedThreadPool();
    s.setExecutor(pool);
    s.start();
    resources.add(() -> {
      s.stop(0);
      pool.shutdownNow();
    });
    return s;
  }

  private static String url(HttpServer s, String path) {
    return "http://127.0.0.1:" + s.getAddress().getPort() + path;
  }

  private static void reply(HttpExchange ex, int status, String contentType, byte[] body, String encoding)
      throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    if (encoding != null) {
      ex.getResponseHeaders().set("Content-Encoding", encoding);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static String text(ScrapeBody body) {
    return new String(body.bytes(), 0, body.length(), StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(bytes)) {
      g.write(data);
    }
    return bytes.toByteArray();
  }

  private static String failure(TargetScraper s, long timeoutMillis) {
    try {
      ScrapeBody body = s.scrape(timeoutMillis);
      throw new AssertionError("scrape succeeded with " + body.length() + " bytes");
    } catch (ScrapeFailure e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  // Request

  @Test
  void sendsTheHeadersOfPrometheus242() throws Exception {
    RawServer server = raw((s, head, out) ->
        RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + METRICS.length() + "\r\n\r\n" + METRICS));
    TargetScraper scraper = scraper(server.url("/metrics?module=a&x=1"));

    assertThat(text(scraper.scrape(1500))).isEqualTo(METRICS);
    scraper.scrape(10_000);
    scraper.scrape(250);

    String head = server.requests().get(0);
    assertThat(head).startsWith("GET /metrics?module=a&x=1 HTTP/1.1\r\n");
    assertThat(header(head, "Accept")).isEqualTo("application/openmetrics-text;version=1.0.0,"
        + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    assertThat(header(head, "Accept-Encoding")).isEqualTo("gzip");
    assertThat(header(head, "User-Agent")).isEqualTo("Prometheus/2.42.0");
    assertThat(header(head, "X-Prometheus-Scrape-Timeout-Seconds")).isEqualTo("1.5");
    assertThat(header(head, "Host")).isEqualTo("127.0.0.1:" + server.port());
    assertThat(header(head, "Authorization")).isNull();
    assertThat(header(server.requests().get(1), "X-Prometheus-Scrape-Timeout-Seconds")).isEqualTo("10");
    assertThat(header(server.requests().get(2), "X-Prometheus-Scrape-Timeout-Seconds")).isEqualTo("0.25");
    assertThat(server.requests()).hasSize(3); // one kept-alive connection, no retries
  }

  // Bodies

  @Test
  void readsIdentityAndGzipBodiesWithTheirContentType() throws Exception {
    byte[] plain = METRICS.repeat(1000).getBytes(StandardCharsets.UTF_8);
    HttpServer server = http(ex -> {
      switch (ex.getRequestURI().getPath()) {
        case "/plain" -> reply(ex, 200, "text/plain; version=0.0.4", plain, null);
        case "/gzip" -> reply(ex, 200, "application/openmetrics-text; version=1.0.0", gzip(plain), "gzip");
        case "/multi" -> {
          ByteArrayOutputStream two = new ByteArrayOutputStream();
          two.writeBytes(gzip("a 1\n".getBytes(StandardCharsets.UTF_8)));
          two.writeBytes(gzip("b 2\n".getBytes(StandardCharsets.UTF_8)));
          reply(ex, 200, null, two.toByteArray(), "gzip");
        }
        case "/upper" -> reply(ex, 200, "text/plain", gzip(plain), "GZIP");
        default -> reply(ex, 200, null, new byte[0], null);
      }
    });

    ScrapeBody identity = scraper(url(server, "/plain")).scrape(2000);
    assertThat(text(identity)).isEqualTo(new String(plain, StandardCharsets.UTF_8));
    assertThat(identity.contentType()).isEqualTo("text/plain; version=0.0.4");

    ScrapeBody gzipped = scraper(url(server, "/gzip")).scrape(2000);
    assertThat(text(gzipped)).isEqualTo(new String(plain, StandardCharsets.UTF_8));
    assertThat(gzipped.contentType()).isEqualTo("application/openmetrics-text; version=1.0.0");

    assertThat(text(scraper(url(server, "/multi")).scrape(2000))).isEqualTo("a 1\nb 2\n");

    ScrapeBody empty = scraper(url(server, "/empty")).scrape(2000);
    assertThat(empty.length()).isZero();
    assertThat(empty.contentType()).isEmpty();

    // Go compares Content-Encoding exactly: anything but "gzip" is taken as it is.
    ScrapeBody upper = scraper(url(server, "/upper")).scrape(2000);
    assertThat(java.util.Arrays.copyOf(upper.bytes(), upper.length())).isEqualTo(gzip(plain));
  }

  @Test
  void nonOkStatusesFailWithTheServersStatusLine() throws Exception {
    HttpServer server = http(ex -> {
      int status = Integer.parseInt(ex.getRequestURI().getPath().substring(1));
      reply(ex, status, null, "oops".getBytes(StandardCharsets.UTF_8), null);
    });
    assertThat(failure(scraper(url(server, "/500")), 2000)).isEqualTo("server returned HTTP status 500 Internal Server Error");
    assertThat(failure(scraper(url(server, "/404")), 2000)).isEqualTo("server returned HTTP status 404 Not Found");
    assertThat(failure(scraper(url(server, "/204")), 2000)).isEqualTo("server returned HTTP status 204 No Content");
    // Go echoes the status line after the version, so the JDK server's "599 " keeps its space.
    assertThat(failure(scraper(url(server, "/599")), 2000)).isEqualTo("server returned HTTP status 599 ");
    // The connection survives a small error body: the next scrape of the same scraper works too.
    TargetScraper again = scraper(url(server, "/503"));
    assertThat(failure(again, 2000)).isEqualTo("server returned HTTP status 503 Service Unavailable");
    assertThat(failure(again, 2000)).isEqualTo("server returned HTTP status 503 Service Unavailable");
  }

  @Test
  void ownReasonPhrasesAndBareCodesAreShownAsSent() throws Exception {
    RawServer own = raw((s, head, out) -> RawServer.write(out, "HTTP/1.1 503 Down For Maintenance\r\nContent-Length: 0\r\n\r\n"));
    assertThat(failure(scraper(own.url("/metrics")), 2000)).isEqualTo("server returned HTTP status 503 Down For Maintenance");
    RawServer bare = raw((s, head, out) -> RawServer.write(out, "HTTP/1.0 418\r\n\r\n"));
    assertThat(failure(scraper(bare.url("/metrics")), 2000)).isEqualTo("server returned HTTP status 418");
  }

  @Test
  void bodySizeLimitCountsUncompressedBytesAsPrometheusDoes() throws Exception {
    HttpServer server = http(ex -> {
      String path = ex.getRequestURI().getPath();
      int size = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
      byte[] body = "x".repeat(size).getBytes(StandardCharsets.UTF_8);
      reply(ex, 200, null, path.startsWith("/gz/") ? gzip(body) : body, path.startsWith("/gz/") ? "gzip" : null);
    });
    HttpScraperFactory limited = factory(HttpClientConfig.DEFAULT, 100);

    // 2.42 copies through io.LimitReader(body, limit) and fails when n >= limit: a body of exactly
    // the limit is refused, one byte less is accepted.
    assertThat(limited.forTarget(URI.create(url(server, "/99"))).scrape(2000).length()).isEqualTo(99);
    assertThat(failure(limited.forTarget(URI.create(url(server, "/100"))), 2000)).isEqualTo("body size limit exceeded");
    assertThat(failure(limited.forTarget(URI.create(url(server, "/101"))), 2000)).isEqualTo("body size limit exceeded");

    // Compressed, the limit applies to the inflated bytes, whatever the compressed size.
    assertThat(limited.forTarget(URI.create(url(server, "/gz/99"))).scrape(2000).length()).isEqualTo(99);
    assertThat(failure(limited.forTarget(URI.create(url(server, "/gz/100"))), 2000)).isEqualTo("body size limit exceeded");
    assertThat(failure(limited.forTarget(URI.create(url(server, "/gz/5000"))), 2000)).isEqualTo("body size limit exceeded");

    // A large body is cut at the limit: the buffer never grows past it.
    HttpTargetScraper big = (HttpTargetScraper) limited.forTarget(URI.create(url(server, "/3000000")));
    assertThat(failure(big, 5000)).isEqualTo("body size limit exceeded");
    assertThat(big.bufferCapacity()).isLessThanOrEqualTo(100);
  }

  @Test
  void gzipBombIsCutAtTheLimitWithoutInflatingItAll() throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 16];
    try (GZIPOutputStream g = new GZIPOutputStream(compressed, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      for (int i = 0; i < 1024; i++) { // 64 MiB of zeros
        g.write(zeros);
      }
    }
    byte[] bomb = compressed.toByteArray();
    assertThat(bomb.length).isLessThan(200_000);
    HttpServer server = http(ex -> reply(ex, 200, null, bomb, "gzip"));
    int limit = 1 << 20;
    HttpTargetScraper scraper = (HttpTargetScraper) factory(HttpClientConfig.DEFAULT, limit)
        .forTarget(URI.create(url(server, "/metrics")));

    assertThat(failure(scraper, 5000)).isEqualTo("body size limit exceeded");
    assertThat(scraper.bufferCapacity()).isLessThanOrEqualTo(limit);
    // Without a limit the same scraper would hold it all; with one, 1 MiB was the most ever inflated.
  }

  // Time

  @Test
  void timesOutWhenTheServerNeverAnswers() throws Exception {
    AtomicReference<RawServer> self = new AtomicReference<>();
    RawServer server = raw((s, head, out) -> self.get().stall(s));
    self.set(server);
    TargetScraper scraper = scraper(server.url("/metrics"));

    long start = System.nanoTime();
    assertThat(failure(scraper, 300)).isEqualTo("Get \"" + server.url("/metrics") + "\": context deadline exceeded");
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(tookMillis).isBetween(250L, 2000L);
    assertThat(server.awaitClientClose(3000)).as("the connection is closed after the timeout").isTrue();
  }

  @Test
  void timesOutWhenTheBodyStalls() throws Exception {
    AtomicReference<RawServer> self = new AtomicReference<>();
    RawServer server = raw((s, head, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nup 1\n");
      self.get().stall(s);
    });
    self.set(server);

    long start = System.nanoTime();
    // After the headers, Go's body reader reports the context's error alone, without the URL.
    assertThat(failure(scraper(server.url("/metrics")), 300)).isEqualTo("context deadline exceeded");
    assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 2000L);
    assertThat(server.awaitClientClose(3000)).as("the connection is closed after the timeout").isTrue();
  }

  @Test
  void timesOutOnAChunkedBodyThatNeverEnds() throws Exception {
    byte[] random = new byte[1 << 20];
    new java.util.Random(42).nextBytes(random);
    byte[] compressed = gzip(random);
    RawServer gzipped = raw((s, head, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n");
      for (int at = 0; at + 1000 < compressed.length; at += 1000) {
        RawServer.write(out, "3e8\r\n");
        out.write(compressed, at, 1000);
        RawServer.write(out, "\r\n");
        RawServer.sleep(30);
      }
    });
    assertThat(failure(scraper(gzipped.url("/metrics")), 300)).isEqualTo("context deadline exceeded");

    RawServer plain = raw((s, head, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
      for (int i = 0; i < 100; i++) {
        RawServer.write(out, "5\r\nup 1\n\r\n");
        RawServer.sleep(30);
      }
    });
    assertThat(failure(scraper(plain.url("/metrics")), 300)).isEqualTo("context deadline exceeded");
  }

  @Test
  void interruptingAScrapeStopsItPromptly() throws Exception {
    AtomicReference<RawServer> self = new AtomicReference<>();
    RawServer server = raw((s, head, out) -> self.get().stall(s));
    self.set(server);
    TargetScraper scraper = scraper(server.url("/metrics"));
    Thread caller = Thread.currentThread();
    Thread interrupter = new Thread(() -> {
      RawServer.sleep(200);
      caller.interrupt();
    });
    interrupter.start();
    long start = System.nanoTime();
    assertThatThrownBy(() -> scraper.scrape(10_000)).isInstanceOf(InterruptedException.class);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000L);
    assertThat(server.awaitClientClose(3000)).isTrue();
  }

  // Broken connections

  @Test
  void connectionClosedMidBodyIsAnUnexpectedEof() throws Exception {
    RawServer fixed = raw((s, head, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nup 1\n");
      s.close();
    });
    assertThat(failure(scraper(fixed.url("/metrics")), 2000)).isEqualTo("unexpected EOF");

    RawServer chunked = raw((s, head, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nup 1\n\r\n");
      s.close();
    });
    assertThat(failure(scraper(chunked.url("/metrics")), 2000)).isEqualTo("unexpected EOF");

    byte[] compressed = gzip(METRICS.repeat(50).getBytes(StandardCharsets.UTF_8));
    RawServer gzipped = raw((s, head, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + compressed.length + "\r\n\r\n");
      out.write(compressed, 0, compressed.length / 2);
      out.flush();
      s.close();
    });
    assertThat(failure(scraper(gzipped.url("/metrics")), 2000)).isEqualTo("unexpected EOF");

    // Without a length, the end of the connection ends the body, as in Go.
    RawServer delimited = raw((s, head, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + METRICS);
      s.close();
    });
    assertThat(text(scraper(delimited.url("/metrics")).scrape(2000))).isEqualTo(METRICS);
  }

  @Test
  void corruptGzipFailsWithGoTexts() throws Exception {
    byte[] good = gzip(METRICS.getBytes(StandardCharsets.UTF_8));
    byte[] badChecksum = good.clone();
    badChecksum[badChecksum.length - 8] ^= 1;
    byte[] badData = good.clone();
    for (int i = 10; i < 16; i++) {
      badData[i] = (byte) 0xff;
    }
    AtomicReference<byte[]> body = new AtomicReference<>();
    HttpServer server = http(ex -> reply(ex, 200, null, body.get(), "gzip"));
    TargetScraper scraper = scraper(url(server, "/metrics"));

    body.set(METRICS.getBytes(StandardCharsets.UTF_8));
    assertThat(failure(scraper, 2000)).isEqualTo("gzip: invalid header");
    body.set(badChecksum);
    assertThat(failure(scraper, 2000)).isEqualTo("gzip: invalid checksum");
    body.set(badData);
    assertThat(failure(scraper, 2000)).startsWith("flate: corrupt input before offset ");
    body.set(new byte[0]);
    assertThat(failure(scraper, 2000)).isEqualTo("EOF");
    body.set(good);
    assertThat(text(scraper.scrape(2000))).isEqualTo(METRICS);
  }

  @Test
  void connectionFailuresReadAsGoDialErrors() throws Exception {
    int port = closedPort();
    String url = "http://127.0.0.1:" + port + "/metrics";
    assertThat(failure(scraper(url), 2000))
        .isEqualTo("Get \"" + url + "\": dial tcp 127.0.0.1:" + port + ": connect: connection refused");

    RawServer hangUp = raw((s, head, out) -> s.close());
    assertThat(failure(scraper(hangUp.url("/metrics")), 2000)).isEqualTo("Get \"" + hangUp.url("/metrics") + "\": EOF");

    RawServer garbage = raw((s, head, out) -> {
      RawServer.write(out, "garbage\r\n\r\n");
      s.close();
    });
    assertThat(failure(scraper(garbage.url("/metrics")), 2000)).isEqualTo("Get \"" + garbage.url("/metrics")
        + "\": net/http: HTTP/1.x transport connection broken: malformed HTTP response \"garbage\"");
  }

  @Test
  void unknownHostIsALookupError() throws Exception {
    long start = System.nanoTime();
    try {
      InetAddress.getByName("nosuch.invalid");
      return; // a resolver that answers for .invalid: nothing to check here
    } catch (java.net.UnknownHostException expected) {
      // the usual case
    }
    if ((System.nanoTime() - start) / 1_000_000 > 1500) {
      return; // a resolver too slow to fail within a scrape timeout
    }
    assertThat(failure(scraper("http://nosuch.invalid:9100/metrics"), 3000))
        .isEqualTo("Get \"http://nosuch.invalid:9100/metrics\": dial tcp: lookup nosuch.invalid: no such host");
  }

  @Test
  void unsupportedUrlsFailAsInGo() throws Exception {
    assertThat(failure(scraper("ftp://127.0.0.1/metrics"), 1000))
        .isEqualTo("Get \"ftp://127.0.0.1/metrics\": unsupported protocol scheme \"ftp\"");
    assertThat(failure(scraper("http://user:pw@127.0.0.1:" + closedPort() + "/metrics"), 1000))
        .startsWith("Get \"http://user:***@127.0.0.1:");
    // java.net.URI takes a name with '_' for a registry authority, without a host; it is still dialed as
    // Go dials it (such names are common for docker-compose services).
    assertThat(failure(scraper("http://node_exporter.invalid:9100/metrics"), 3000)).isEqualTo(
        "Get \"http://node_exporter.invalid:9100/metrics\": dial tcp: lookup node_exporter.invalid: no such host");
  }

  // Authentication

  @Test
  void basicAuthPasswordFileIsReadOnEveryScrape() throws Exception {
    RawServer server = raw((s, head, out) -> RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
    Path password = dir.resolve("password");
    Files.writeString(password, "  first secret\n");
    HttpClientConfig http = new HttpClientConfig(new BasicAuth("prom", "", password.toString()), null, TlsConfig.NONE,
        true, true);
    TargetScraper scraper = factory(http, 0).forTarget(URI.create(server.url("/metrics")));

    scraper.scrape(2000);
    Files.writeString(password, "second\n");
    scraper.scrape(2000);
    assertThat(header(server.requests().get(0), "Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("prom:first secret".getBytes(StandardCharsets.UTF_8)));
    assertThat(header(server.requests().get(1), "Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("prom:second".getBytes(StandardCharsets.UTF_8)));

    Files.delete(password);
    assertThat(failure(scraper, 2000)).isEqualTo("Get \"" + server.url("/metrics")
        + "\": unable to read basic auth password file " + password + ": open " + password + ": no such file or directory");

    HttpClientConfig inline = new HttpClientConfig(new BasicAuth("prom", "pw ", ""), null, TlsConfig.NONE, true, true);
    factory(inline, 0).forTarget(URI.create(server.url("/metrics"))).scrape(2000);
    assertThat(header(server.requests().get(2), "Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("prom:pw".getBytes(StandardCharsets.UTF_8)));

    // User info in the URL comes first, as Go's client sets it before the config's round trippers run.
    factory(inline, 0).forTarget(URI.create(server.url("/metrics").replace("//", "//u%40x:p%3Aw@"))).scrape(2000);
    assertThat(header(server.requests().get(3), "Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("u@x:p:w".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void authorizationCredentialsFileIsReadOnEveryScrape() throws Exception {
    RawServer server = raw((s, head, out) -> RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
    Path token = dir.resolve("token");
    Files.writeString(token, "tok-1\n");
    // bearer_token_file arrives from the config reader as an Authorization of type Bearer.
    HttpClientConfig http = new HttpClientConfig(null, new Authorization("Bearer", "", token.toString()),
        TlsConfig.NONE, true, true);
    TargetScraper scraper = factory(http, 0).forTarget(URI.create(server.url("/metrics")));

    scraper.scrape(2000);
    Files.writeString(token, "tok-2");
    scraper.scrape(2000);
    assertThat(header(server.requests().get(0), "Authorization")).isEqualTo("Bearer tok-1");
    assertThat(header(server.requests().get(1), "Authorization")).isEqualTo("Bearer tok-2");

    Files.writeString(token, "two\nlines");
    assertThat(failure(scraper, 2000))
        .isEqualTo("Get \"" + server.url("/metrics") + "\": net/http: invalid header field value for \"Authorization\"");
    Files.delete(token);
    assertThat(failure(scraper, 2000)).isEqualTo("Get \"" + server.url("/metrics")
        + "\": unable to read authorization credentials file " + token + ": open " + token + ": no such file or directory");

    HttpClientConfig inline = new HttpClientConfig(null, new Authorization("Token", "abc", ""), TlsConfig.NONE, true, true);
    factory(inline, 0).forTarget(URI.create(server.url("/metrics"))).scrape(2000);
    assertThat(header(server.requests().get(2), "Authorization")).isEqualTo("Token abc");
  }

  // Redirects

  @Test
  void followsRedirectsAsGoDoes() throws Exception {
    AtomicInteger loops = new AtomicInteger();
    HttpServer server = http(ex -> {
      String path = ex.getRequestURI().getPath();
      switch (path) {
        case "/moved" -> {
          ex.getResponseHeaders().set("Location", "/metrics");
          reply(ex, 302, null, "see /metrics".getBytes(StandardCharsets.UTF_8), null);
        }
        case "/loop" -> {
          loops.incrementAndGet();
          ex.getResponseHeaders().set("Location", "/loop");
          reply(ex, 307, null, new byte[0], null);
        }
        default -> {
          String referer = ex.getRequestHeaders().getFirst("Referer");
          reply(ex, 200, null, ("referer " + referer).getBytes(StandardCharsets.UTF_8), null);
        }
      }
    });

    assertThat(text(scraper(url(server, "/moved")).scrape(2000))).isEqualTo("referer " + url(server, "/moved"));
    assertThat(failure(scraper(url(server, "/loop")), 2000)).isEqualTo("Get \"/loop\": stopped after 10 redirects");
    assertThat(loops.get()).isEqualTo(10);

    HttpClientConfig noFollow = new HttpClientConfig(null, null, TlsConfig.NONE, false, true);
    assertThat(failure(factory(noFollow, 0).forTarget(URI.create(url(server, "/moved"))), 2000))
        .isEqualTo("server returned HTTP status 302 Temporary Redirect"); // the JDK server's reason phrase
  }

  // Buffers, sharing, closing

  /** Scrapers of two targets of one factory, each serving a 20 KB body. */
  private List<TargetScraper> twoTargetsOfOneFactory() throws Exception {
    HttpServer server = http(ex -> reply(ex, 200, null, "x".repeat(20_000).getBytes(StandardCharsets.UTF_8), null));
    HttpScraperFactory factory = factory(HttpClientConfig.DEFAULT, 0);
    return List.of(factory.forTarget(URI.create(url(server, "/a"))), factory.forTarget(URI.create(url(server, "/b"))));
  }

  @Test
  void aReleasedBodysBufferServesTheNextScrapeOfAnotherTarget() throws Exception {
    List<TargetScraper> scrapers = twoTargetsOfOneFactory();
    TargetScraper first = scrapers.get(0);
    TargetScraper second = scrapers.get(1);

    byte[] buffer = first.scrape(2000).bytes();
    first.release();

    assertThat(second.scrape(2000).bytes()).isSameAs(buffer);
  }

  @Test
  void aBodyNotYetReleasedKeepsItsBuffer() throws Exception {
    List<TargetScraper> scrapers = twoTargetsOfOneFactory();
    TargetScraper first = scrapers.get(0);
    TargetScraper second = scrapers.get(1);

    ScrapeBody body = first.scrape(2000);
    byte[] copy = Arrays.copyOf(body.bytes(), body.length());
    second.scrape(2000);

    assertThat(Arrays.copyOf(body.bytes(), body.length())).isEqualTo(copy);
    assertThat(second.scrape(2000).bytes()).isNotSameAs(body.bytes());
  }

  @Test
  void aScrapeOverTheLimitDoesNotSizeTheNextScrapesBuffer() throws Exception {
    AtomicInteger size = new AtomicInteger(2_000_000);
    HttpServer server = http(ex -> reply(ex, 200, null, "x".repeat(size.get()).getBytes(StandardCharsets.UTF_8), null));
    HttpTargetScraper scraper = (HttpTargetScraper) factory(HttpClientConfig.DEFAULT, 1 << 20)
        .forTarget(URI.create(url(server, "/metrics")));
    assertThat(failure(scraper, 5000)).isEqualTo("body size limit exceeded");

    size.set(20_000);

    assertThat(scraper.scrape(2000).length()).isEqualTo(20_000);
    assertThat(scraper.bufferCapacity()).isLessThan(1 << 20);
  }

  @Test
  void oneFactoryServesManyTargetsAtOnce() throws Exception {
    HttpServer server = http(ex -> reply(ex, 200, null,
        ("target " + ex.getRequestURI().getPath() + "\n").repeat(200).getBytes(StandardCharsets.UTF_8), "identity"));
    HttpScraperFactory shared = factory(HttpClientConfig.DEFAULT, 0);
    ExecutorService loops = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String path = "/t" + t;
        TargetScraper scraper = shared.forTarget(URI.create(url(server, path)));
        results.add(loops.submit(() -> {
          for (int i = 0; i < 10; i++) {
            assertThat(text(scraper.scrape(5000))).isEqualTo(("target " + path + "\n").repeat(200));
          }
          return 10;
        }));
      }
      for (Future<Integer> r : results) {
        assertThat(r.get()).isEqualTo(10);
      }
    } finally {
      loops.shutdownNow();
    }
  }

  @Test
  void closeStopsTheClientThreads() throws Exception {
    HttpServer server = http(ex -> reply(ex, 200, null, METRICS.getBytes(StandardCharsets.UTF_8), null));
    HttpScraperFactory f = HttpScraperFactory.create("closing", HttpClientConfig.DEFAULT, 0);
    TargetScraper scraper = f.forTarget(URI.create(url(server, "/metrics")));
    assertThat(text(scraper.scrape(2000))).isEqualTo(METRICS);
    assertThat(threadsOf("-closing-")).isNotEmpty();

    f.close();
    f.close(); // idempotent
    long until = System.nanoTime() + 2_000_000_000L;
    while (!threadsOf("-closing-").isEmpty() && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(threadsOf("-closing-")).isEmpty();
    assertThat(failure(scraper, 1000)).isEqualTo("Get \"" + url(server, "/metrics") + "\": context canceled");
  }

  private static List<String> threadsOf(String marker) {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("vigil-scrape-http-") && t.getName().contains(marker) && t.isAlive()) {
        names.add(t.getName());
      }
    }
    return names;
  }
}
