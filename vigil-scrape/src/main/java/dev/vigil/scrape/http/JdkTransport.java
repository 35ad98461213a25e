package dev.vigil.scrape.http;

import dev.vigil.scrape.loop.ScrapeFailure;
import java.io.EOFException;
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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
import java.io.IOException;
import javax.net.ssl.SSLException;

/**
 * HTTPS requests of one target's scraper over the JDK's client (HTTP/2 where the server offers it, as
 * Go's client), with the JDK's failures reworded as Go's transport words them.
 */
final class JdkTransport {
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

  /** The JDK's response as the scraper sees it; the status in Go's words for its code. */
  private record JdkExchange(HttpResponse<BodyQueue> response) implements Exchange {
    @Override
    public int statusCode() {
      return response.statusCode();
    }

    @Override
    public String status() {
      return GoText.status(response.statusCode());
    }

    @Override
    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public long contentLength() {
      try {
        return response.headers().firstValueAsLong("Content-Length").orElse(-1);
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    @Override
    public BodySource body() {
      return response.body();
    }
  }

  private final HttpScraperFactory factory;

  // The last request, reused while its key is equal.
  private RequestKey lastKey;
  private HttpRequest lastRequest;

  JdkTransport(HttpScraperFactory factory) {
    this.factory = factory;
  }

  /**
   * Sends the GET on {@code client} and waits for the response head, within the deadline.
   *
   * @throws ScrapeFailure with Go's text, the URL in front
   */
  Exchange send(HttpClient client, RequestKey key, String urlText, long deadline)
      throws ScrapeFailure, InterruptedException {
    HttpRequest request = request(key, urlText);
    return new JdkExchange(exchange(client, request, key.url(), urlText, deadline));
  }

  private HttpRequest request(RequestKey key, String urlText) throws ScrapeFailure {
    if (key.equals(lastKey)) {
      return lastRequest;
    }
    URI url = key.url();
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw new ScrapeFailure(GoText.urlError(urlText, "host " + GoText.quote(url.getRawAuthority())
          + " is not a host name Java's HTTP client accepts (RFC 2396)"));
    }
    if (factory.noTlsVersions()) {
      throw new ScrapeFailure(GoText.urlError(urlText, "tls: no supported versions satisfy MinVersion and MaxVersion"));
    }
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(url)
          .GET()
          .timeout(Duration.ofMillis(key.timeoutMillis()))
          .header("Accept", HttpScraperFactory.ACCEPT_HEADER)
          .header("Accept-Encoding", "gzip")
          .header("User-Agent", HttpScraperFactory.USER_AGENT)
          .header("X-Prometheus-Scrape-Timeout-Seconds", GoText.formatSeconds(key.timeoutMillis()));
      if (key.authorization() != null) {
        builder.header("Authorization", key.authorization());
      }
      if (key.referer() != null) {
        builder.header("Referer", key.referer());
      }
    } catch (IllegalArgumentException e) {
      throw new ScrapeFailure(GoText.urlError(urlText, String.valueOf(e.getMessage())));
    }
    lastRequest = builder.build();
    lastKey = key;
    return lastRequest;
  }

  private HttpResponse<BodyQueue> exchange(HttpClient client, HttpRequest request, URI url, String urlText, long deadline)
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
      throw new ScrapeFailure(queue.headersReceived ? HttpTargetScraper.DEADLINE : GoText.urlError(urlText, HttpTargetScraper.DEADLINE));
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

  /** A failure before the response headers, as Go's transport words it (without the URL). */
  private String requestError(Throwable t, URI url, long deadline) {
    t = unwrap(t);
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof GoTrustManager.GoCertificateException) {
        return c.getMessage();
      }
    }
    if (t instanceof HttpTimeoutException) {
      return HttpTargetScraper.DEADLINE;
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
      return HttpTargetScraper.DEADLINE;
    }
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(address, port), (int) Math.min(remainingMillis, 5_000));
      return dialed + "connect: connection refused"; // it answered now; the failure was a refusal then
    } catch (SocketTimeoutException e) {
      return HttpTargetScraper.DEADLINE;
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

  /** A failure of the JDK's client while the body was read, as Go's body reader reports it. */
  static String bodyError(Throwable e, URI url) {
    Throwable t = e instanceof BodyQueue.BodyReadException && e.getCause() != null ? e.getCause() : e;
    t = unwrap(t);
    if (t instanceof HttpTimeoutException) {
      return HttpTargetScraper.DEADLINE;
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
