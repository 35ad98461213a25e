package dev.vigil.scrape.http;

import dev.vigil.scrape.loop.ScrapeFailure;
import java.io.IOException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plain-HTTP requests of one target's scraper, on connections of its own: what Go's transport does for
 * one target. It keeps one idle connection (a scrape loop never overlaps its scrapes), dials anew when
 * the request goes elsewhere or the connection idled past prometheus/common's 5 minutes, and sends the
 * request again on a new connection when a kept-alive one turns out to be closed before any response
 * (Go retries only on reused connections). Requests carry 2.42's headers in Go's order.
 */
final class Http1Transport implements AutoCloseable {
  /** prometheus/common's {@code IdleConnTimeout}. */
  static final long IDLE_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(5);

  /** Where a request goes: the address to dial, and the Host and request target it names. */
  record Endpoint(String host, int port, String hostHeader, String requestTarget) {
    String key() {
      return hostHeader;
    }

    /**
     * Reads the URL's authority itself, so host names {@code java.net.URI} leaves without a host
     * (such as {@code node_exporter}) are dialed as Go dials them.
     */
    static Endpoint of(URI url) throws GoIoException {
      String authority = Objects.requireNonNull(url.getRawAuthority(), "authority");
      String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
      String host = hostPort;
      String port = "";
      if (hostPort.startsWith("[")) {
        int close = hostPort.indexOf(']');
        host = hostPort.substring(1, Math.max(1, close));
        port = close >= 0 && hostPort.startsWith(":", close + 1) ? hostPort.substring(close + 2) : "";
      } else if (hostPort.lastIndexOf(':') >= 0) {
        host = hostPort.substring(0, hostPort.lastIndexOf(':'));
        port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
      }
      int number = 80;
      if (!port.isEmpty()) {
        try {
          number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
          number = -1;
        }
        if (number < 0 || number > 65535 || !Character.isDigit(port.charAt(0))) {
          throw new GoIoException("dial tcp: address " + hostPort + ": invalid port");
        }
      }
      String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
      String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
      return new Endpoint(host, number, ascii(hostPort), ascii(target));
    }

    /** Non-ASCII characters percent-encoded as UTF-8, as Go's URL escaping leaves a request line. */
    private static String ascii(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) >= 0x80) {
          return escape(s);
        }
      }
      return s;
    }

    private static String escape(String s) {
      StringBuilder b = new StringBuilder(s.length() + 16);
      for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
        if (x >= 0) {
          b.append((char) x);
        } else {
          b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)))
              .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
        }
      }
      return b.toString();
    }
  }

  private final HttpScraperFactory factory;
  private final AtomicReference<Http1Connection> idle = new AtomicReference<>();
  private volatile boolean closed;

  /** A request's destination and bytes. */
  private record Prepared(Endpoint endpoint, byte[] bytes) {}

  // The last request, reused while its key is equal.
  private RequestKey lastKey;
  private Prepared last;

  Http1Transport(HttpScraperFactory factory) {
    this.factory = factory;
  }

  /**
   * Sends the GET and reads the response head. The returned exchange's body must be read to its end or
   * cancelled; until then the deadline stays armed.
   *
   * @throws ScrapeFailure with Go's text, the URL in front
   */
  Exchange send(RequestKey key, String urlText, long deadline) throws ScrapeFailure, InterruptedException {
    ExchangeTimer timer;
    try {
      Prepared request = prepare(key);
      timer = factory.exchangeTimer(deadline);
      try {
        return exchange(request.endpoint(), request.bytes(), timer);
      } catch (BodySource.DeadlineExceeded | IOException | InterruptedException | RuntimeException e) {
        timer.stop();
        throw e;
      }
    } catch (BodySource.DeadlineExceeded e) {
      throw new ScrapeFailure(GoText.urlError(urlText, HttpTargetScraper.DEADLINE));
    } catch (RejectedExecutionException e) {
      throw new ScrapeFailure(GoText.urlError(urlText, "context canceled"), e);
    } catch (IOException e) {
      throw new ScrapeFailure(GoText.urlError(urlText, String.valueOf(e.getMessage())), e);
    }
  }

  private Exchange exchange(Endpoint endpoint, byte[] request, ExchangeTimer timer)
      throws BodySource.DeadlineExceeded, InterruptedException, IOException {
    while (true) {
      Http1Connection conn = takeIdle(endpoint.key());
      boolean reused = conn != null;
      if (reused) {
        timer.watch(conn);
      } else {
        conn = dial(endpoint, timer);
      }
      try {
        conn.write(ByteBuffer.wrap(request));
      } catch (Http1Connection.Canceled e) {
        throw e;
      } catch (GoIoException e) {
        if (reused) {
          continue; // the server closed the kept-alive connection: a new one, as Go retries
        }
        throw e;
      }
      try {
        return Http1Response.read(conn, timer, this);
      } catch (Http1Response.NoResponse e) {
        conn.close();
        if (!reused) {
          throw e;
        }
      }
    }
  }

  private Http1Connection dial(Endpoint endpoint, ExchangeTimer timer)
      throws BodySource.DeadlineExceeded, InterruptedException, IOException {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(IDN.toASCII(endpoint.host()));
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new GoIoException("dial tcp: lookup " + endpoint.host() + ": no such host", e);
    }
    GoIoException first = null;
    for (InetAddress address : addresses) {
      Http1Connection conn = new Http1Connection(SocketChannel.open(), endpoint.key(), factory.connections());
      timer.watch(conn);
      try {
        conn.connect(new InetSocketAddress(address, endpoint.port()));
        return conn;
      } catch (Http1Connection.Canceled e) {
        throw e;
      } catch (GoIoException e) {
        first = first == null ? e : first; // Go's serial dial reports the first address's error
      }
    }
    throw Objects.requireNonNull(first);
  }

  /** Hands back a connection whose response was read to its end. */
  void release(Http1Connection conn, boolean reusable) {
    if (!reusable || closed) {
      conn.close();
      return;
    }
    conn.markIdle(System.nanoTime());
    Http1Connection previous = idle.getAndSet(conn);
    if (previous != null && previous != conn) {
      previous.close();
    }
    if (closed && idle.compareAndSet(conn, null)) {
      conn.close();
    }
  }

  private Http1Connection takeIdle(String key) {
    Http1Connection conn = idle.getAndSet(null);
    if (conn == null) {
      return null;
    }
    if (!conn.isOpen() || !conn.endpointKey().equals(key) || conn.in.hasRemaining()
        || System.nanoTime() - conn.idleSinceNanos() > IDLE_TIMEOUT_NANOS) {
      conn.close(); // moved, idled out, or the server sent what nobody asked for
      return null;
    }
    return conn;
  }

  /** Closes the idle connection; a response still being read closes its connection when done. */
  @Override
  public void close() {
    closed = true;
    Http1Connection conn = idle.getAndSet(null);
    if (conn != null) {
      conn.close();
    }
  }

  /** The request's bytes: 2.42's headers, {@code Host} and {@code User-Agent} first as Go writes them. */
  private Prepared prepare(RequestKey key) throws GoIoException {
    if (key.equals(lastKey)) {
      return last;
    }
    Endpoint endpoint = Endpoint.of(key.url());
    StringBuilder b = new StringBuilder(384)
        .append("GET ").append(endpoint.requestTarget()).append(" HTTP/1.1\r\n")
        .append("Host: ").append(endpoint.hostHeader()).append("\r\n")
        .append("User-Agent: ").append(HttpScraperFactory.USER_AGENT).append("\r\n")
        .append("Accept: ").append(HttpScraperFactory.ACCEPT_HEADER).append("\r\n")
        .append("Accept-Encoding: gzip\r\n");
    if (key.authorization() != null) {
      b.append("Authorization: ").append(key.authorization()).append("\r\n");
    }
    if (key.referer() != null) {
      b.append("Referer: ").append(Endpoint.ascii(key.referer())).append("\r\n");
    }
    b.append("X-Prometheus-Scrape-Timeout-Seconds: ").append(GoText.formatSeconds(key.timeoutMillis()))
        .append("\r\n\r\n");
    last = new Prepared(endpoint, b.toString().getBytes(StandardCharsets.ISO_8859_1));
    lastKey = key;
    return last;
  }
}
