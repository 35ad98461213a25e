package dev.vigil.scrape.http;

import dev.vigil.scrape.loop.ScrapeBody;
import dev.vigil.scrape.loop.ScrapeFailure;
import dev.vigil.scrape.loop.TargetScraper;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One target's scraper: 2.42's {@code targetScraper.scrape}, plain HTTP on a connection of its own
 * ({@link Http1Transport}), HTTPS over the JDK's client ({@link JdkTransport}). The whole exchange,
 * redirects and body included, is bounded by the timeout. The returned body lives in a buffer of
 * the factory's pool, valid until {@link #release} or the next scrape, which start it on a buffer of
 * the size the last body needed.
 */
final class HttpTargetScraper implements TargetScraper {
  static final String DEADLINE = "context deadline exceeded";
  /** Bytes read from a non-200 body before the connection is given up, so it can often be reused. */
  private static final int DRAIN_STATUS = 64 * 1024;
  /** Go's client reads up to 2 KiB of a redirect's body, when it is no longer than that. */
  private static final int DRAIN_REDIRECT = 2 * 1024;

  private final HttpScraperFactory factory;
  private final URI target;
  private final String targetText;
  private final BodyBuffer buffer;
  private final Http1Transport plain;
  private JdkTransport tls;
  /** The length of the last body read whole, to size the next one's buffer. */
  private int lastLength;

  HttpTargetScraper(HttpScraperFactory factory, URI target) {
    this.factory = factory;
    this.target = target;
    this.targetText = GoText.redactedUrl(target);
    this.plain = new Http1Transport(factory);
    this.buffer = new BodyBuffer(factory.buffers());
  }

  @Override
  public ScrapeBody scrape(long timeoutMillis) throws ScrapeFailure, InterruptedException {
    if (timeoutMillis <= 0) {
      throw new IllegalArgumentException("scrape timeout must be positive: " + timeoutMillis);
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    ScrapeBody body = null;
    try {
      body = fetch(timeoutMillis, deadline);
      return body;
    } finally {
      if (body == null) {
        buffer.release();
      }
    }
  }

  @Override
  public void release() {
    buffer.release();
  }

  /** The largest capacity the last scrape's buffer had, for tests of its sizing. */
  int bufferCapacity() {
    return buffer.largestCapacity();
  }

  private ScrapeBody fetch(long timeoutMillis, long deadline) throws ScrapeFailure, InterruptedException {
    URI url = target;
    String urlText = targetText;
    String referer = null;
    for (int requests = 1; ; requests++) {
      HttpScraperFactory.ClientState client = factory.clientFor(urlText);
      String authorization = userInfoAuthorization(url);
      if (authorization == null) {
        authorization = factory.authorization(urlText);
      }
      Exchange response = send(client, url, urlText, timeoutMillis, authorization, referer, deadline);
      BodySource body = response.body();
      int status = response.statusCode();
      if (factory.followRedirects() && isRedirect(status)) {
        String location = response.header("Location");
        if (location != null && !location.isEmpty()) {
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
          long declared = response.contentLength();
          drain(body, deadline, declared <= DRAIN_REDIRECT ? DRAIN_REDIRECT : 0);
          referer = referer(url, next);
          url = next;
          urlText = GoText.redactedUrl(next);
          continue;
        }
      }
      if (status != 200) {
        drain(body, deadline, DRAIN_STATUS);
        throw new ScrapeFailure("server returned HTTP status " + response.status());
      }
      return readBody(response, url, deadline);
    }
  }

  /** One request on the transport of its scheme: plain HTTP on this scraper's own, HTTPS on the JDK's. */
  private Exchange send(HttpScraperFactory.ClientState client, URI url, String urlText, long timeoutMillis,
      String authorization, String referer, long deadline) throws ScrapeFailure, InterruptedException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ScrapeFailure(GoText.urlError(urlText, "unsupported protocol scheme " + GoText.quote(scheme)));
    }
    if (url.getRawAuthority() == null || url.getRawAuthority().isEmpty()) {
      throw new ScrapeFailure(GoText.urlError(urlText, "http: no Host in request URL"));
    }
    RequestKey key = new RequestKey(url, timeoutMillis, authorization, referer);
    if (scheme.equals("http")) {
      return plain.send(key, urlText, deadline);
    }
    if (tls == null) {
      tls = new JdkTransport(factory);
    }
    return tls.send(client.client(urlText), key, urlText, deadline);
  }

  /** Closes the kept-alive connection. */
  @Override
  public void close() {
    plain.close();
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

  private ScrapeBody readBody(Exchange response, URI url, long deadline)
      throws ScrapeFailure, InterruptedException {
    BodySource body = response.body();
    String contentType = Objects.requireNonNullElse(response.header("Content-Type"), "");
    boolean gzipped = "gzip".equals(response.header("Content-Encoding"));
    // Taken only now: a scrape waiting for a slow target holds no buffer.
    buffer.begin(lastLength, factory.bodySizeLimit());
    try {
      if (gzipped) {
        GzipDecoder gzip = factory.takeDecoder();
        try {
          gzip.decode(body, deadline, buffer);
        } finally {
          factory.giveDecoder(gzip);
        }
      } else {
        long declared = response.contentLength();
        if (declared > 0) {
          buffer.expect(declared);
        }
        readIdentity(body, deadline);
      }
    } catch (ScrapeFailure e) {
      body.cancel();
      throw e;
    } catch (BodySource.DeadlineExceeded e) {
      body.cancel();
      throw new ScrapeFailure(DEADLINE);
    } catch (IOException e) {
      body.cancel();
      throw new ScrapeFailure(e instanceof GoIoException ? e.getMessage() : JdkTransport.bodyError(e, url), e);
    } catch (InterruptedException | RuntimeException | Error e) {
      body.cancel();
      throw e;
    }
    lastLength = buffer.length;
    return new ScrapeBody(buffer.array, buffer.length, contentType);
  }

  /** 2.42's {@code io.Copy(w, io.LimitReader(resp.Body, limit))} and its {@code n >= limit} check. */
  private void readIdentity(BodySource body, long deadline)
      throws ScrapeFailure, BodySource.DeadlineExceeded, IOException, InterruptedException {
    for (ByteBuffer b; (b = body.next(deadline)) != null; ) {
      while (b.hasRemaining()) {
        int k = Math.min(buffer.room(), b.remaining());
        b.get(buffer.array, buffer.length, k);
        buffer.length += k;
        if (buffer.full()) {
          throw new ScrapeFailure(HttpScraperFactory.BODY_SIZE_LIMIT_EXCEEDED);
        }
      }
    }
  }

  /** Reads and drops up to {@code max} bytes within the deadline, then lets the exchange go. */
  private static void drain(BodySource body, long deadline, int max) throws InterruptedException {
    long left = max;
    try {
      for (ByteBuffer b; left > 0 && (b = body.next(deadline)) != null; ) {
        left -= b.remaining();
        b.position(b.limit());
      }
    } catch (BodySource.DeadlineExceeded | IOException e) {
      // The response is already decided; Go ignores errors while draining too.
    } finally {
      body.cancel();
    }
  }
}
