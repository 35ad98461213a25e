package dev.vigil.scrape.discovery;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A tiny DNS server on 127.0.0.1 for tests: UDP and TCP on one port, each query handed to a handler that
 * returns the datagrams (UDP) or the message (TCP) to send back, raw, so tests can send anything.
 */
final class DnsTestServer implements AutoCloseable {
  /** A query as the server read it. */
  record Query(int id, String name, int type, boolean tcp, boolean edns, byte[] raw) {}

  /** What to send back: UDP datagrams in order, or for TCP the messages written one after the other. */
  record Reply(List<byte[]> messages) {
    static final Reply NONE = new Reply(List.of());

    static Reply of(byte[]... messages) {
      return new Reply(List.of(messages));
    }
  }

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final List<Thread> threads = new ArrayList<>();
  private final List<Query> queries = Collections.synchronizedList(new ArrayList<>());
  private volatile Function<Query, Reply> handler;
  private volatile boolean closed;

  DnsTestServer(Function<Query, Reply> handler) throws IOException {
    this.handler = handler;
    DatagramSocket u = null;
    ServerSocket t = null;
    for (int attempt = 0; attempt < 20 && t == null; attempt++) {
      u = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try {
        t = new ServerSocket();
        t.setReuseAddress(true);
        t.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), u.getLocalPort()));
      } catch (IOException e) {
        u.close();
        t = null;
      }
    }
    if (t == null) {
      throw new IOException("no port free for both UDP and TCP");
    }
    udp = u;
    tcp = t;
    start("udp", this::serveUdp);
    start("tcp", this::serveTcp);
  }

  private void start(String kind, Runnable loop) {
    Thread thread = new Thread(loop, "dns-test-server-" + kind + "-" + udp.getLocalPort());
    thread.setDaemon(true);
    thread.start();
    threads.add(thread);
  }

  void handler(Function<Query, Reply> handler) {
    this.handler = handler;
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.getLocalPort());
  }

  /** The queries received so far, in order. */
  List<Query> queries() {
    synchronized (queries) {
      return List.copyOf(queries);
    }
  }

  private void serveUdp() {
    byte[] buffer = new byte[65536];
    while (!closed) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
        Query query = query(packet.getData(), packet.getLength(), false);
        queries.add(query);
        for (byte[] message : handler.apply(query).messages()) {
          udp.send(new DatagramPacket(message, message.length, packet.getSocketAddress()));
        }
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void serveTcp() {
    while (!closed) {
      try (Socket socket = tcp.accept()) {
        socket.setSoTimeout(5_000);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] raw = new byte[in.readUnsignedShort()];
        in.readFully(raw);
        Query query = query(raw, raw.length, true);
        queries.add(query);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        for (byte[] message : handler.apply(query).messages()) {
          out.write(message);
        }
        out.flush();
      } catch (SocketException e) {
        if (closed) {
          return;
        }
      } catch (IOException e) {
        // Next connection.
      }
    }
  }

  private static Query query(byte[] data, int length, boolean tcp) {
    int id = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
    int arcount = ((data[10] & 0xFF) << 8) | (data[11] & 0xFF);
    StringBuilder name = new StringBuilder();
    int p = 12;
    while (data[p] != 0) {
      int n = data[p];
      name.append(new String(data, p + 1, n, StandardCharsets.ISO_8859_1)).append('.');
      p += n + 1;
    }
    p++;
    int type = ((data[p] & 0xFF) << 8) | (data[p + 1] & 0xFF);
    byte[] raw = java.util.Arrays.copyOf(data, length);
    return new Query(id, name.length() == 0 ? "." : name.toString(), type, tcp, arcount > 0, raw);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    udp.close();
    tcp.close();
    for (Thread t : threads) {
      try {
        t.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---- building responses ----

  /** A response to a query: its ID and question, the given flags and answers. */
  static final class Response {
    private int id;
    private int flags = 0x8180; // QR, RD, RA
    private int rcode;
    private final List<byte[]> questions = new ArrayList<>();
    private final List<byte[]> answers = new ArrayList<>();
    private final List<byte[]> additional = new ArrayList<>();
    private Integer ancount;

    static Response to(Query query) {
      Response r = new Response();
      r.id = query.id();
      ByteArrayOutputStream q = new ByteArrayOutputStream();
      q.writeBytes(name(query.name()));
      short16(q, query.type());
      short16(q, 1);
      r.questions.add(q.toByteArray());
      return r;
    }

    Response id(int id) {
      this.id = id;
      return this;
    }

    Response rcode(int rcode) {
      this.rcode = rcode;
      return this;
    }

    Response truncated() {
      flags |= 0x0200;
      return this;
    }

    /** Claims this many answers whatever follows. */
    Response ancount(int count) {
      ancount = count;
      return this;
    }

    Response answer(byte[] record) {
      answers.add(record);
      return this;
    }

    Response additional(byte[] record) {
      additional.add(record);
      return this;
    }

    byte[] build() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      short16(out, id);
      short16(out, flags | rcode);
      short16(out, questions.size());
      short16(out, ancount != null ? ancount : answers.size());
      short16(out, 0);
      short16(out, additional.size());
      questions.forEach(out::writeBytes);
      answers.forEach(out::writeBytes);
      additional.forEach(out::writeBytes);
      return out.toByteArray();
    }

    /** The message with a TCP length prefix. */
    byte[] tcp() {
      byte[] message = build();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      short16(out, message.length);
      out.writeBytes(message);
      return out.toByteArray();
    }
  }

  static byte[] record(String owner, int type, byte[] rdata) {
    return record(name(owner), type, rdata);
  }

  /** A resource record with an owner already in wire form (possibly a pointer). */
  static byte[] record(byte[] owner, int type, byte[] rdata) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(owner);
    short16(out, type);
    short16(out, 1);
    out.writeBytes(new byte[] {0, 0, 0, 60});
    short16(out, rdata.length);
    out.writeBytes(rdata);
    return out.toByteArray();
  }

  static byte[] srv(String owner, int priority, int weight, int port, String target) {
    ByteArrayOutputStream rdata = new ByteArrayOutputStream();
    short16(rdata, priority);
    short16(rdata, weight);
    short16(rdata, port);
    rdata.writeBytes(name(target));
    return record(owner, DnsMessage.TYPE_SRV, rdata.toByteArray());
  }

  static byte[] mx(String owner, int preference, String exchange) {
    ByteArrayOutputStream rdata = new ByteArrayOutputStream();
    short16(rdata, preference);
    rdata.writeBytes(name(exchange));
    return record(owner, DnsMessage.TYPE_MX, rdata.toByteArray());
  }

  static byte[] a(String owner, int... octets) {
    byte[] rdata = new byte[octets.length];
    for (int i = 0; i < octets.length; i++) {
      rdata[i] = (byte) octets[i];
    }
    return record(owner, DnsMessage.TYPE_A, rdata);
  }

  static byte[] aaaa(String owner, String address) throws IOException {
    return record(owner, DnsMessage.TYPE_AAAA, InetAddress.getByName(address).getAddress().length == 16
        ? InetAddress.getByName(address).getAddress() : mapped(InetAddress.getByName(address).getAddress()));
  }

  private static byte[] mapped(byte[] v4) {
    byte[] v6 = new byte[16];
    v6[10] = (byte) 0xFF;
    v6[11] = (byte) 0xFF;
    System.arraycopy(v4, 0, v6, 12, 4);
    return v6;
  }

  static byte[] cname(String owner, String target) {
    return record(owner, DnsMessage.TYPE_CNAME, name(target));
  }

  /** An OPT record whose extended RCODE is {@code extended}. */
  static byte[] opt(int extended) {
    return new byte[] {0, 0, 41, 0x10, 0, (byte) extended, 0, 0, 0, 0, 0};
  }

  /** A name in wire form, uncompressed. */
  static byte[] name(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String label : name.split("\\.")) {
      if (!label.isEmpty()) {
        byte[] bytes = label.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes.length);
        out.writeBytes(bytes);
      }
    }
    out.write(0);
    return out.toByteArray();
  }

  /** A compression pointer to an offset. */
  static byte[] pointer(int offset) {
    return new byte[] {(byte) (0xC0 | (offset >> 8)), (byte) offset};
  }

  static void short16(ByteArrayOutputStream out, int v) {
    out.write((v >> 8) & 0xFF);
    out.write(v & 0xFF);
  }
}
