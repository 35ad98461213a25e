package dev.vigil.scrape.http;

import dev.vigil.scrape.loop.ScrapeBody;
import dev.vigil.scrape.loop.ScrapeFailure;
import dev.vigil.scrape.loop.TargetScraper;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One target's scraper: 2.42's {@code targetScraper.scrape} over the JDK's client. The whole exchange,
 * redirects and body included, is bounded by the timeout. The returned body lives in this scraper's
 * reused buffer and is valid until its next scrape.
 */
final class HttpTargetScraper implements TargetScraper {
  static final String DEADLINE = "context deadline exceeded";
  /** Bytes read from a non-200 body before the connection is given up, so it can often be reused. */
  private static final int DRAIN_STATUS = 64 * 1024;
  /** Go's client reads up to 2 KiB of a redirect's body, when it is no longer than that. */
  private static final int DRAIN_REDIRECT = 2 * 1024;

  private static final Map<String, String> ALERTS = Map.ofEntries(
      Map.entry("close_notify", "close notify"), Map.entry("unexpected_message", "unexpected message"),
      Map.entry("bad_record_mac", "bad record MAC"), Map.entry("decryption_failed", "decryption failed"),
      Map.entry("record_overflow", "record overflow"), Map.entry("decompression_failure", "decompression failure"),
      Map.entry("handshake_failure", "handshake failure"), Map.entry("bad_certificate", "bad certificate"),
      Map.entry("unsupported_certificate", "unsupported certificate"),
      Map.entry("certificate_revoked", "revoked certificate"), Map.entry("certificate_expired", "expired certificate"),
      Map.entry("certificate_unknown", "unknown certificate"), Map.entry("illegal_parameter", "illegal parameter"),
      Map.entry("unknown_ca", "unknown certificate authority"), Map.entry("access_denied", "access denied"),
      Map.entry("decode_error", "error decoding message"), Map.entry("decrypt_error", "error decrypting message"),
      Map.entry("protocol_version", "protocol version not supported"),
      Map.entry("insufficient_security", "insufficient security level"), Map.entry("internal_error", "internal error"),
      Map.entry("inappropriate_fallback", "inappropriate fallback"), Map.entry("user_canceled", "user canceled"),
      Map.entry("no_renegotiation", "no renegotiation"), Map.entry("missing_extension", "missing extension"),
      Map.entry("unsupported_extension", "unsupported extension"),
      Map.entry("certificate_unobtainable", "certificate unobtainable"),
      Map.entry("unrecognized_name", "unrecognized name"),
      Map.entry("bad_certificate_status_response", "bad certificate status response"),
      Map.entry("bad_certificate_hash_value", "bad certificate hash value"),
      Map.entry("unknown_psk_identity", "unknown PSK identity"),
      Map.entry("certificate_required", "certificate required"),
      Map.entry("no_application_protocol", "no application protocol"));

  private final HttpScraperFactory factory;
  private final URI target;
  private final String targetText;
  private final BodyBuffer buffer = new BodyBuffer();
  private GzipDecoder gzip;

  // The last request, reused while nothing in it changes.
  private HttpRequest lastRequest;
  private long lastTimeoutMillis;
  private String lastAuthorization;

  HttpTargetScraper(HttpScraperFactory factory, URI target) {
    this.factory = factory;
    this.target = target;
    this.targetText = GoText.redactedUrl(target);
  }

  @Override
  public ScrapeBody scrape(long timeoutMillis) throws ScrapeFailure, InterruptedException {
    if (timeoutMillis <= 0) {
      throw new IllegalArgumentException("scrape timeout must be positive: " + timeoutMillis);
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    buffer.begin();
    try {
      return fetch(timeoutMillis, deadline);
    } finally {
      buffer.end();
    }
  }

  /** The capacity of the reused body buffer, for tests of its sizing. */
  int bufferCapacity() {
    return buffer.array.length;
  }

  private ScrapeBody fetch(long timeoutMillis, long deadline) throws ScrapeFailure, InterruptedException {
    URI url = target;
    String urlText = targetText;
    String referer = null;
    for (int requests = 1; ; requests++) {
      HttpClient client = factory.clientFor(urlText).client();
      String authorization = userInfoAuthorization(url);
      if (authorization == null) {
        authorization = factory.authorization(urlText);
      }
      HttpRequest request = request(url, urlText, timeoutMillis, authorization, referer);
      HttpResponse<BodyQueue> response = send(client, request, url, urlText, deadline);
      BodyQueue body = response.body();
      int status = response.statusCode();
      if (factory.followRedirects() && isRedirect(status)) {
        String location = response.headers().firstValue("Location").orElse("");
        if (!location.isEmpty()) {
          URI next;
          try {
            next = url.resolve(new URI(location));
          } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            body.cancel();
            throw new ScrapeFailure(GoText.urlError(urlText,
                "failed to parse Location header " + GoText.quote(location) + ": " + e.getMessage()));
          }
          if (requests >= HttpScraperFactory.MAX_REQUESTS) {
            body.cancel();
            throw new ScrapeFailure(GoText.urlError(location, "stopped after 10 redirects"));
          }
          long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
          drain(body, deadline, declared <= DRAIN_REDIRECT ? DRAIN_REDIRECT : 0);
          referer = referer(url, next);
          url = next;
          urlText = GoText.redactedUrl(next);
          continue;
        }
      }
      if (status != 200) {
        drain(body, deadline, DRAIN_STATUS);
        throw new ScrapeFailure("server returned HTTP status " + GoText.status(status));
      }
      return readBody(response.headers(), body, url, deadline);
    }
  }

  /**
   * Go's {@code Client.send} turns a URL's user info into basic auth before the round trippers of the
   * config run, which then leave the header alone.
   */
  private static String userInfoAuthorization(URI url) {
    String userInfo = url.getUserInfo();
    if (url.getRawUserInfo() == null || userInfo == null) {
      return null;
    }
    String pair = userInfo.indexOf(':') >= 0 ? userInfo : userInfo + ":";
    return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** Go's {@code refererForURL}: the previous URL without user info, none from https to http. */
  private static String referer(URI last, URI next) {
    if ("https".equalsIgnoreCase(last.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
      return null;
    }
    String text = last.toString();
    String userInfo = last.getRawUserInfo();
    return userInfo == null ? text : text.replaceFirst(java.util.regex.Pattern.quote(userInfo + "@"), "");
  }

  private HttpRequest request(URI url, String urlText, long timeoutMillis, String authorization, String referer)
      throws ScrapeFailure {
    if (referer == null && url == target && lastRequest != null && lastTimeoutMillis == timeoutMillis
        && java.util.Objects.equals(lastAuthorization, authorization)) {
      return lastRequest;
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    boolean https = scheme.equals("https");
    if (!https && !scheme.equals("http")) {
      throw new ScrapeFailure(GoText.urlError(urlText, "unsupported protocol scheme " + GoText.quote(scheme)));
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      String authority = url.getRawAuthority();
      throw new ScrapeFailure(GoText.urlError(urlText, authority == null || authority.isEmpty()
          ? "http: no Host in request URL"
          : "host " + GoText.quote(authority) + " is not a host name Java's HTTP client accepts (RFC 2396)"));
    }
    if (https && factory.noTlsVersions()) {
      throw new ScrapeFailure(GoText.urlError(urlText, "tls: no supported versions satisfy MinVersion and MaxVersion"));
    }
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(url)
          .GET()
          .timeout(Duration.ofMillis(timeoutMillis))
          .header("Accept", HttpScraperFactory.ACCEPT_HEADER)
          .header("Accept-Encoding", "gzip")
          .header("User-Agent", HttpScraperFactory.USER_AGENT)
          .header("X-Prometheus-Scrape-Timeout-Seconds", GoText.formatSeconds(timeoutMillis));
      if (!https) {
        builder.version(HttpClient.Version.HTTP_1_1); // Go speaks HTTP/2 over TLS only, never h2c upgrades
      }
      if (authorization != null) {
        builder.header("Authorization", authorization);
      }
      if (referer != null) {
        builder.header("Referer", referer);
      }
    } catch (IllegalArgumentException e) {
      throw new ScrapeFailure(GoText.urlError(urlText, String.valueOf(e.getMessage())));
    }
    HttpRequest request = builder.build();
    if (referer == null && url == target) {
      lastRequest = request;
      lastTimeoutMillis = timeoutMillis;
      lastAuthorization = authorization;
    }
    return request;
  }

  private HttpResponse<BodyQueue> send(HttpClient client, HttpRequest request, URI url, String urlText, long deadline)
      throws ScrapeFailure, InterruptedException {
    BodyQueue queue = new BodyQueue();
    CompletableFuture<HttpResponse<BodyQueue>> exchange;
    try {
      exchange = client.sendAsync(request, info -> {
        queue.headersReceived = true;
        return queue;
      });
    } catch (RejectedExecutionException | IllegalStateException e) {
      throw new ScrapeFailure(GoText.urlError(urlText, "context canceled"), e);
    }
    try {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new TimeoutException();
      }
      return exchange.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      abort(exchange, queue);
      // Past the headers, Go's body reader reports the context's error alone.
      throw new ScrapeFailure(queue.headersReceived ? DEADLINE : GoText.urlError(urlText, DEADLINE));
    } catch (InterruptedException e) {
      abort(exchange, queue);
      throw e;
    } catch (CancellationException e) {
      throw new ScrapeFailure(GoText.urlError(urlText, "context canceled"), e);
    } catch (ExecutionException e) {
      abort(exchange, queue);
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (queue.headersReceived) {
        // The JDK can fail the whole exchange for a body that breaks off early; Go fails the body read.
        throw new ScrapeFailure(bodyError(cause, url), cause);
      }
      throw new ScrapeFailure(GoText.urlError(urlText, requestError(cause, url, deadline)), cause);
    }
  }

  private static void abort(CompletableFuture<?> exchange, BodyQueue queue) {
    exchange.cancel(true);
    queue.cancel();
  }

  private ScrapeBody readBody(HttpHeaders headers, BodyQueue body, URI url, long deadline)
      throws ScrapeFailure, InterruptedException {
    String contentType = headers.firstValue("Content-Type").orElse("");
    boolean gzipped = headers.firstValue("Content-Encoding").orElse("").equals("gzip");
    long limit = factory.bodySizeLimit();
    try {
      if (gzipped) {
        if (gzip == null) {
          gzip = new GzipDecoder();
        }
        gzip.decode(body, deadline, buffer, limit);
      } else {
        try {
          headers.firstValueAsLong("Content-Length").ifPresent(length -> buffer.expect(length, limit));
        } catch (NumberFormatException e) {
          // no usable length: the buffer grows as the body comes
        }
        readIdentity(body, deadline, limit);
      }
    } catch (ScrapeFailure e) {
      body.cancel();
      throw e;
    } catch (BodyQueue.DeadlineExceeded e) {
      body.cancel();
      throw new ScrapeFailure(DEADLINE);
    } catch (IOException e) {
      body.cancel();
      throw new ScrapeFailure(bodyError(e, url), e);
    } catch (InterruptedException | RuntimeException | Error e) {
      body.cancel();
      throw e;
    }
    return new ScrapeBody(buffer.array, buffer.length, contentType);
  }

  /** 2.42's {@code io.Copy(w, io.LimitReader(resp.Body, limit))} and its {@code n >= limit} check. */
  private void readIdentity(BodyQueue body, long deadline, long limit)
      throws ScrapeFailure, BodyQueue.DeadlineExceeded, IOException, InterruptedException {
    for (ByteBuffer b; (b = body.next(deadline)) != null; ) {
      while (b.hasRemaining()) {
        int k = Math.min(buffer.room(limit), b.remaining());
        b.get(buffer.array, buffer.length, k);
        buffer.length += k;
        if (buffer.length >= limit) {
          throw new ScrapeFailure(HttpScraperFactory.BODY_SIZE_LIMIT_EXCEEDED);
        }
      }
    }
  }

  /** Reads and drops up to {@code max} bytes within the deadline, then lets the exchange go. */
  private static void drain(BodyQueue body, long deadline, int max) throws InterruptedException {
    long left = max;
    try {
      for (ByteBuffer b; left > 0 && (b = body.next(deadline)) != null; ) {
        left -= b.remaining();
        b.position(b.limit());
      }
    } catch (BodyQueue.DeadlineExceeded | IOException e) {
      // The response is already decided; Go ignores errors while draining too.
    } finally {
      body.cancel();
    }
  }

  /** A failure before the response headers, as Go's transport words it (without the URL). */
  private String requestError(Throwable t, URI url, long deadline) {
    t = unwrap(t);
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof GoTrustManager.GoCertificateException) {
        return c.getMessage();
      }
    }
    if (t instanceof HttpTimeoutException) {
      return DEADLINE;
    }
    if (t instanceof CancellationException || t instanceof RejectedExecutionException || factory.isClosed()) {
      return "context canceled";
    }
    SSLException ssl = find(t, SSLException.class);
    if (ssl != null) {
      return tlsError(ssl);
    }
    String certificateError = factory.clientCertificateError();
    if (certificateError != null && find(t, EOFException.class) != null) {
      return certificateError; // the server hung up on a handshake where Go would have failed first
    }
    if (find(t, UnresolvedAddressException.class) != null || find(t, UnknownHostException.class) != null) {
      return "dial tcp: lookup " + url.getHost() + ": no such host";
    }
    if (t instanceof ConnectException || find(t, ConnectException.class) != null) {
      return connectError(url, deadline);
    }
    if (find(t, EOFException.class) != null) {
      return "EOF";
    }
    String reset = resetError(t, url);
    if (reset != null) {
      return reset;
    }
    ProtocolException protocol = find(t, ProtocolException.class);
    if (protocol != null && protocol.getMessage() != null && protocol.getMessage().startsWith("Invalid status line: ")) {
      String line = protocol.getMessage().substring("Invalid status line: ".length());
      if (line.length() >= 2 && line.startsWith("\"") && line.endsWith("\"")) {
        line = line.substring(1, line.length() - 1);
      }
      return "net/http: HTTP/1.x transport connection broken: malformed HTTP response " + GoText.quote(line);
    }
    return message(t);
  }

  /** How Go reports a TLS failure: its own x509 texts, {@code remote error: tls: …} for a peer's alert. */
  private String tlsError(SSLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String certificateError = factory.clientCertificateError();
    int alertAt = message.indexOf("Received fatal alert: ");
    if (alertAt >= 0) {
      if (certificateError != null) {
        return certificateError; // Go fails the handshake with the reason it offered no certificate
      }
      String alert = message.substring(alertAt + "Received fatal alert: ".length()).trim();
      return "remote error: tls: " + ALERTS.getOrDefault(alert, alert.replace('_', ' '));
    }
    if (message.contains("Remote host terminated the handshake")) {
      return certificateError != null ? certificateError : "EOF"; // Go's handshake read hits io.EOF
    }
    if (message.contains("Unsupported or unrecognized SSL message")
        || message.contains("Unrecognized SSL message, plaintext connection?")) {
      return "tls: first record does not look like a TLS handshake";
    }
    if (message.contains("No appropriate protocol")) {
      return "tls: no supported versions satisfy MinVersion and MaxVersion";
    }
    return message(e);
  }

  /**
   * Go's dial error. The JDK's client loses the socket's own reason (it reports a bare
   * ConnectException), so a second, plain connect finds it, bounded by the time left.
   */
  private static String connectError(URI url, long deadline) {
    String host = url.getHost();
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress address;
    try {
      address = InetAddress.getByName(bare);
    } catch (UnknownHostException e) {
      return "dial tcp: lookup " + host + ": no such host";
    }
    int port = port(url);
    String dialed = "dial tcp " + GoText.hostPort(GoText.ip(address), port) + ": ";
    long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (remainingMillis <= 0) {
      return DEADLINE;
    }
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(address, port), (int) Math.min(remainingMillis, 5_000));
      return dialed + "connect: connection refused"; // it answered now; the failure was a refusal then
    } catch (SocketTimeoutException e) {
      return DEADLINE;
    } catch (NoRouteToHostException e) {
      return dialed + "connect: no route to host";
    } catch (IOException e) {
      String reason = e.getMessage() == null ? "connection refused" : e.getMessage().toLowerCase(Locale.ROOT);
      int paren = reason.indexOf(" (");
      return dialed + "connect: " + (paren > 0 ? reason.substring(0, paren) : reason);
    }
  }

  private static int port(URI url) {
    if (url.getPort() >= 0) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  /** A failure while the body was read, as Go's body reader reports it. */
  private static String bodyError(Throwable e, URI url) {
    Throwable t = e instanceof BodyQueue.BodyReadException && e.getCause() != null ? e.getCause() : e;
    t = unwrap(t);
    if (t instanceof HttpTimeoutException) {
      return DEADLINE;
    }
    if (find(t, EOFException.class) != null) {
      return "unexpected EOF";
    }
    String reset = resetError(t, url);
    return reset != null ? reset : message(t);
  }

  private static String resetError(Throwable t, URI url) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null && c.getMessage().contains("Connection reset")) {
        return "read tcp " + hostPortText(url) + ": read: connection reset by peer";
      }
    }
    return null;
  }

  private static String hostPortText(URI url) {
    String host = url.getHost();
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress ip = GoTrustManager.parseIp(bare);
    return GoText.hostPort(ip == null ? bare : GoText.ip(ip), port(url));
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private static String message(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isEmpty()) {
        return c.getMessage();
      }
    }
    return t.getClass().getSimpleName();
  }
}
