package dev.vigil.scrape.discovery;

import dev.vigil.core.labels.GoQuote;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small stub resolver doing what Prometheus 2.42's dns_sd does with miekg/dns: for each candidate name
 * of the search list, ask each server once over UDP with EDNS0 (4096 bytes), retry over TCP when the
 * answer is truncated, take SUCCESS or NXDOMAIN from the first server giving either. Each exchange has
 * one timeout (miekg's 2 s by default) for connecting, sending and receiving; replies with another ID
 * are ignored over UDP (they may answer earlier queries) and refused over TCP. Responses are read
 * strictly ({@link DnsMessage#parse}). Interrupting the calling thread aborts a lookup at once.
 *
 * <p>{@link #system()} reads {@code /etc/resolv.conf} at every lookup, as Prometheus does; the other
 * constructors take the servers, search list and ndots explicitly (tests point them at 127.0.0.1).
 */
public final class DnsClient implements DnsResolver {
  /** miekg/dns's default dial, read and write timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(DnsClient.class);
  private static final SecureRandom IDS = new SecureRandom();

  /** What one lookup works with. */
  private record Setup(List<InetSocketAddress> servers, List<String> search, int ndots) {}

  @FunctionalInterface
  private interface SetupSource {
    Setup load() throws IOException;
  }

  private final SetupSource setup;
  private final long timeoutNanos;

  private DnsClient(SetupSource setup, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.setup = setup;
    this.timeoutNanos = timeout.toNanos();
  }

  /**
   * Explicit servers (each with its port), search list and ndots.
   *
   * @param servers tried in order; unresolved addresses are resolved at each exchange
   */
  public DnsClient(List<InetSocketAddress> servers, List<String> search, int ndots, Duration timeout) {
    this(fixed(servers, search, ndots), timeout);
  }

  private static SetupSource fixed(List<InetSocketAddress> servers, List<String> search, int ndots) {
    Setup s = new Setup(List.copyOf(servers), List.copyOf(search), ndots);
    return () -> s;
  }

  /** A resolv.conf already read. */
  public static DnsClient of(ResolvConf conf, Duration timeout) {
    return new DnsClient(fromConf(conf), timeout);
  }

  private static SetupSource fromConf(ResolvConf conf) {
    List<InetSocketAddress> servers = conf.servers().stream()
        .map(host -> InetSocketAddress.createUnresolved(host, conf.port())).toList();
    Setup s = new Setup(servers, conf.search(), conf.ndots());
    return () -> s;
  }

  /** Reads a resolv.conf file at every lookup. */
  public static DnsClient fromFile(Path resolvConf, Duration timeout) {
    return new DnsClient(() -> {
      ResolvConf conf;
      try {
        conf = ResolvConf.load(resolvConf);
      } catch (IOException e) {
        throw new DnsException("could not load resolv.conf: " + e.getMessage(), e);
      }
      return fromConf(conf).load();
    }, timeout);
  }

  /** The system's {@code /etc/resolv.conf}, read at every lookup, with miekg's 2 s timeout. */
  public static DnsClient system() {
    return fromFile(ResolvConf.DEFAULT_PATH, DEFAULT_TIMEOUT);
  }

  @Override
  public DnsMessage.Response lookup(String name, int type) throws IOException {
    Setup s = setup.load();
    boolean allResponsesValid = true;
    for (String candidate : ResolvConf.nameList(name, s.search(), s.ndots())) {
      DnsMessage.Response response;
      try {
        response = lookupFromAnyServer(candidate, type, s.servers());
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        // A later name may still answer, but "the name does not exist" can no longer be concluded.
        allResponsesValid = false;
        continue;
      }
      if (response.rcode() == DnsMessage.RCODE_SUCCESS) {
        return response;
      }
    }
    if (allResponsesValid) {
      return DnsMessage.Response.EMPTY;
    }
    throw new DnsException("could not resolve " + GoQuote.quote(name)
        + ": all servers responded with errors to at least one search domain");
  }

  /** A viable answer (SUCCESS or NXDOMAIN) from the first server giving one. */
  private DnsMessage.Response lookupFromAnyServer(String name, int type, List<InetSocketAddress> servers)
      throws IOException {
    // As miekg's Client, once a truncated answer moved the exchange to TCP, later servers are asked over TCP.
    boolean[] tcp = {false};
    for (InetSocketAddress server : servers) {
      DnsMessage.Response response;
      try {
        response = askServerForName(name, type, server, tcp, true);
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        LOG.warn("dns_sd: DNS resolution failed: server={} name={} err={}", hostPort(server), name, e.getMessage());
        continue;
      }
      if (response.rcode() == DnsMessage.RCODE_SUCCESS || response.rcode() == DnsMessage.RCODE_NAME_ERROR) {
        return response;
      }
    }
    throw new DnsException("could not resolve " + name + ": no servers returned a viable answer");
  }

  private DnsMessage.Response askServerForName(String name, int type, InetSocketAddress server, boolean[] tcp,
      boolean edns) throws IOException {
    int id = IDS.nextInt(0x10000);
    byte[] query = DnsMessage.query(id, name, type, edns);
    InetSocketAddress address = resolve(server);
    DnsMessage.Response response = tcp[0] ? exchangeTcp(query, id, address) : exchangeUdp(query, id, address, edns);
    if (response.truncated()) {
      if (tcp[0]) {
        throw new DnsException("got truncated message on TCP (64kiB limit exceeded?)");
      }
      tcp[0] = true;
      return askServerForName(name, type, server, tcp, false);
    }
    return response;
  }

  private static InetSocketAddress resolve(InetSocketAddress server) throws IOException {
    if (!server.isUnresolved()) {
      return server;
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(server.getHostString()), server.getPort());
    } catch (UnknownHostException e) {
      throw new DnsException("dial " + hostPort(server) + ": unknown host", e);
    }
  }

  private static String hostPort(InetSocketAddress a) {
    String host = a.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  private DnsMessage.Response exchangeUdp(byte[] query, int id, InetSocketAddress server, boolean edns)
      throws IOException {
    long deadline = System.nanoTime() + timeoutNanos;
    try (DatagramChannel channel = DatagramChannel.open(); Selector selector = Selector.open()) {
      channel.configureBlocking(false);
      channel.connect(server);
      channel.register(selector, SelectionKey.OP_READ);
      if (channel.write(ByteBuffer.wrap(query)) != query.length) {
        throw new DnsException("write udp " + hostPort(server) + ": short write");
      }
      ByteBuffer buffer = ByteBuffer.allocate(edns ? DnsMessage.EDNS_UDP_SIZE : DnsMessage.MIN_MSG_SIZE);
      while (true) {
        await(selector, deadline, "read udp " + hostPort(server));
        buffer.clear();
        int n = channel.read(buffer);
        if (n <= 0) {
          continue;
        }
        if (n < DnsMessage.HEADER_SIZE) {
          throw new DnsException("dns: short read (" + n + " bytes)");
        }
        DnsMessage.Response response = DnsMessage.parse(buffer.array(), n);
        if (response.id() == id) {
          return response;
        }
        // A reply to an earlier query that timed out: keep waiting for ours.
      }
    }
  }

  private DnsMessage.Response exchangeTcp(byte[] query, int id, InetSocketAddress server) throws IOException {
    String where = "tcp " + hostPort(server);
    try (SocketChannel channel = SocketChannel.open(); Selector selector = Selector.open()) {
      channel.configureBlocking(false);
      long dialDeadline = System.nanoTime() + timeoutNanos;
      if (!channel.connect(server)) {
        SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
        while (!channel.finishConnect()) {
          await(selector, dialDeadline, "dial " + where);
        }
        key.cancel();
        selector.selectNow();
      }
      long deadline = System.nanoTime() + timeoutNanos;
      ByteBuffer out = ByteBuffer.allocate(2 + query.length);
      out.putShort((short) query.length).put(query).flip();
      SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
      while (out.hasRemaining()) {
        if (channel.write(out) == 0) {
          await(selector, deadline, "write " + where);
        }
      }
      key.interestOps(SelectionKey.OP_READ);
      ByteBuffer length = ByteBuffer.allocate(2);
      readFully(channel, selector, length, deadline, where);
      int size = length.getShort(0) & 0xFFFF;
      if (size < DnsMessage.HEADER_SIZE) {
        throw new DnsException("dns: short read (" + size + " bytes)");
      }
      ByteBuffer message = ByteBuffer.allocate(size);
      readFully(channel, selector, message, deadline, where);
      DnsMessage.Response response = DnsMessage.parse(message.array(), size);
      if (response.id() != id) {
        throw new DnsException("dns: id mismatch");
      }
      return response;
    }
  }

  private static void readFully(SocketChannel channel, Selector selector, ByteBuffer buffer, long deadline,
      String where) throws IOException {
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer);
      if (n < 0) {
        throw new DnsException("read " + where + ": EOF after " + buffer.position() + " of " + buffer.capacity()
            + " bytes");
      }
      if (n == 0) {
        await(selector, deadline, "read " + where);
      }
    }
  }

  /** Waits until the selector's channel is ready or the deadline passes. */
  private static void await(Selector selector, long deadline, String what) throws IOException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new DnsException(what + ": i/o timeout");
    }
    selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
    selector.selectedKeys().clear();
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException(what + ": interrupted");
    }
  }
}
