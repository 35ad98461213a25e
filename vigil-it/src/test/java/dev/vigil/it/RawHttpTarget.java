package dev.vigil.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP/1.1 server that answers each request with bytes chosen by the request's path, written
 * straight to the socket, so a test can send what no well-behaved server library would: a body cut
 * short, broken chunking, corrupt gzip, or no answer at all. Each connection gets its own thread (a
 * silent answer must not hold up the others) and is closed after one answer. Unknown paths get a 404.
 */
final class RawHttpTarget implements AutoCloseable {
  /** What is written on a connection once its request was read; the connection is closed afterwards. */
  @FunctionalInterface
  interface Reply {
    void answer(InputStream in, OutputStream out) throws IOException;
  }

  /** Connections idle this long are given up, so no thread outlives a forgotten client for long. */
  private static final int SOCKET_TIMEOUT_MILLIS = 30_000;
  private static final int MAX_REQUEST_HEAD = 16 * 1024;
  private static final Reply NOT_FOUND = Replies.status(404, "Not Found");

  private final ServerSocket server;
  private final Map<String, Reply> replies;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-http-target");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private RawHttpTarget(ServerSocket server, Map<String, Reply> replies) {
    this.server = server;
    this.replies = Map.copyOf(replies);
  }

  /** Serves {@code replies} by path (such as {@code /metrics}) on a free loopback port. */
  static RawHttpTarget start(Map<String, Reply> replies) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    RawHttpTarget target = new RawHttpTarget(server, replies);
    target.threads.execute(target::acceptLoop);
    return target;
  }

  /** {@code 127.0.0.1:<port>}, as a static_configs target. */
  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        threads.execute(() -> serve(socket));
      } catch (SocketException e) {
        return; // closed
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
      InputStream in = socket.getInputStream();
      String path = requestPath(readHead(in));
      OutputStream out = socket.getOutputStream();
      replies.getOrDefault(path, NOT_FOUND).answer(in, out);
      out.flush();
    } catch (IOException e) {
      // The client hung up or timed out: that is what some replies are for.
    } finally {
      open.remove(socket);
    }
  }

  /** The request line and headers, up to the empty line (a scrape's GET has no body to read). */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0 || head.size() == MAX_REQUEST_HEAD) {
        throw new IOException("no complete request head");
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** The path of {@code GET /path?query HTTP/1.1}, without the query. */
  private static String requestPath(String head) {
    String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
    String target = requestLine.length > 1 ? requestLine[1] : "";
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
    threads.shutdownNow();
  }
}
