package dev.vigil.scrape.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One plain HTTP/1.1 connection to a target: a blocking socket channel and its read buffer, used by one
 * scraping thread at a time. A blocking call ends when the channel is closed under it, which is how the
 * scrape's deadline ends it ({@link #expire}, as Go's transport closes the connection when the
 * request's context is done), and how an interrupt or the closing of the scrape config's client do.
 * Failures carry Go's texts, with Go's {@code local->remote} addresses.
 */
final class Http1Connection {
  static final int READ_BUFFER = 16 * 1024;

  /** The scrape config's client was closed under a call: Go's {@code context canceled}. */
  static final class Canceled extends GoIoException {
    Canceled(Throwable cause) {
      super("context canceled", cause);
    }
  }

  private final SocketChannel channel;
  private final String endpointKey;
  private final Set<Http1Connection> registry;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean expired;
  private String addresses = "";
  private long idleSinceNanos;

  /** Unread bytes between position and limit. */
  ByteBuffer in = ByteBuffer.allocate(READ_BUFFER).flip();

  /** An unconnected connection, listed in {@code registry} until it is closed. */
  Http1Connection(SocketChannel channel, String endpointKey, Set<Http1Connection> registry) {
    this.channel = channel;
    this.endpointKey = endpointKey;
    this.registry = registry;
    registry.add(this);
  }

  /**
   * Connects, blocking until connected or ended by {@link #expire}, an interrupt or a closed client.
   *
   * @throws GoIoException with Go's {@code dial tcp <address>: connect: <reason>}
   */
  void connect(InetSocketAddress remote) throws BodySource.DeadlineExceeded, InterruptedException, IOException {
    String remoteText = GoText.hostPort(GoText.ip(remote.getAddress()), remote.getPort());
    try {
      channel.connect(remote);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
      InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
      addresses = GoText.hostPort(GoText.ip(local.getAddress()), local.getPort()) + "->" + remoteText;
    } catch (IOException e) {
      throw translate(e, "dial tcp " + remoteText + ": connect: ");
    }
  }

  /** The {@code host:port} this connection talks to. */
  String endpointKey() {
    return endpointKey;
  }

  /** Writes all of {@code request}. */
  void write(ByteBuffer request) throws BodySource.DeadlineExceeded, InterruptedException, IOException {
    try {
      while (request.hasRemaining()) {
        channel.write(request);
      }
    } catch (IOException e) {
      throw translate(e, "write tcp " + addresses + ": write: ");
    }
  }

  /**
   * Reads more bytes after the unread ones, growing the buffer when it is full of them.
   *
   * @return the bytes read, -1 at the end of the stream
   */
  int fill() throws BodySource.DeadlineExceeded, InterruptedException, IOException {
    in.compact();
    if (!in.hasRemaining()) {
      ByteBuffer larger = ByteBuffer.allocate(in.capacity() * 2);
      in.flip();
      larger.put(in);
      in = larger;
    }
    try {
      return channel.read(in);
    } catch (IOException e) {
      throw translate(e, "read tcp " + addresses + ": read: ");
    } finally {
      in.flip();
    }
  }

  /** Closes the connection because the scrape's deadline passed; its blocked call then times out. */
  void expire() {
    expired = true;
    close();
  }

  boolean isOpen() {
    return !closed.get();
  }

  void markIdle(long nowNanos) {
    idleSinceNanos = nowNanos;
  }

  long idleSinceNanos() {
    return idleSinceNanos;
  }

  void close() {
    if (closed.compareAndSet(false, true)) {
      registry.remove(this);
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing more can be done for a socket that fails to close.
      }
    }
  }

  /**
   * Go's view of a failed call: throws for the deadline or an interrupt, returns the failure to throw
   * for a closed client or a socket error (Go's {@code OpError}).
   */
  private IOException translate(IOException e, String opError) throws BodySource.DeadlineExceeded, InterruptedException {
    close();
    if (e instanceof ClosedByInterruptException) {
      Thread.interrupted();
      throw new InterruptedException("scrape interrupted");
    }
    if (expired) {
      throw BodySource.DeadlineExceeded.INSTANCE;
    }
    if (e instanceof AsynchronousCloseException || e instanceof ClosedChannelException) {
      return new Canceled(e);
    }
    return new GoIoException(opError + reason(e), e);
  }

  /** The socket's reason as Go's syscall errors word it. */
  private static String reason(IOException e) {
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (message.startsWith("connection reset")) {
      return "connection reset by peer";
    }
    int paren = message.indexOf(" (");
    return paren > 0 ? message.substring(0, paren) : message;
  }
}
