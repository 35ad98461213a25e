package dev.vigil.scrape.discovery;

import static dev.vigil.scrape.discovery.DnsTestServer.a;
import static dev.vigil.scrape.discovery.DnsTestServer.record;
import static dev.vigil.scrape.discovery.DnsTestServer.srv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.scrape.discovery.DnsTestServer.Query;
import dev.vigil.scrape.discovery.DnsTestServer.Reply;
import dev.vigil.scrape.discovery.DnsTestServer.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DnsClientTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private final List<DnsTestServer> servers = new ArrayList<>();

  @AfterEach
  void stopServers() throws IOException {
    for (DnsTestServer s : servers) {
      s.close();
    }
  }

  private DnsTestServer server(java.util.function.Function<Query, Reply> handler) throws IOException {
    DnsTestServer s = new DnsTestServer(handler);
    servers.add(s);
    return s;
  }

  private static DnsClient client(List<String> search, int ndots, DnsTestServer... servers) {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (DnsTestServer s : servers) {
      addresses.add(s.address());
    }
    return new DnsClient(addresses, search, ndots, TIMEOUT);
  }

  private static Reply answer(Query q, byte[]... records) {
    Response r = Response.to(q);
    for (byte[] record : records) {
      r.answer(record);
    }
    return Reply.of(q.tcp() ? r.tcp() : r.build());
  }

  private static Reply rcode(Query q, int rcode) {
    Response r = Response.to(q).rcode(rcode);
    return Reply.of(q.tcp() ? r.tcp() : r.build());
  }

  @Test
  void srvRecordsComeBackOverUdpWithEdns() throws Exception {
    DnsTestServer s = server(q -> answer(q, srv(q.name(), 10, 5, 9100, "node1.example.com."),
        srv(q.name(), 10, 5, 9200, "node2.example.com.")));
    DnsMessage.Response r = client(List.of(), 1, s).lookup("_prometheus._tcp.example.com", DnsMessage.TYPE_SRV);
    assertThat(r.answers()).containsExactly(
        new DnsMessage.Srv("_prometheus._tcp.example.com.", 60, 10, 5, 9100, "node1.example.com."),
        new DnsMessage.Srv("_prometheus._tcp.example.com.", 60, 10, 5, 9200, "node2.example.com."));
    Query q = s.queries().get(0);
    assertThat(q.tcp()).isFalse();
    assertThat(q.edns()).isTrue();
    assertThat(q.type()).isEqualTo(DnsMessage.TYPE_SRV);
    assertThat(q.raw()[2] & 0x01).as("recursion desired").isEqualTo(1);
  }

  @Test
  void aAndAaaaRecordsComeBackToo() throws Exception {
    DnsTestServer s = server(q -> {
      try {
        return q.type() == DnsMessage.TYPE_A
            ? answer(q, DnsTestServer.cname(q.name(), "real.example."), a("real.example.", 192, 0, 2, 7))
            : answer(q, DnsTestServer.aaaa(q.name(), "2001:db8::7"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    DnsClient client = client(List.of(), 1, s);
    assertThat(client.lookup("host.example.", DnsMessage.TYPE_A).answers()).containsExactly(
        new DnsMessage.Cname("host.example.", 60, "real.example."), new DnsMessage.A("real.example.", 60, "192.0.2.7"));
    assertThat(client.lookup("host.example.", DnsMessage.TYPE_AAAA).answers())
        .containsExactly(new DnsMessage.Aaaa("host.example.", 60, "2001:db8::7"));
  }

  @Test
  void nxdomainForEveryCandidateIsAnEmptyAnswer() throws Exception {
    DnsTestServer s = server(q -> rcode(q, DnsMessage.RCODE_NAME_ERROR));
    DnsMessage.Response r = client(List.of("a.test", "b.test"), 1, s).lookup("web", DnsMessage.TYPE_SRV);
    assertThat(r.answers()).isEmpty();
    assertThat(r.rcode()).isZero();
    assertThat(s.queries()).extracting(Query::name).containsExactly("web.a.test.", "web.b.test.", "web.");
  }

  @Test
  void theSearchListIsTriedInMiekgsOrder() throws Exception {
    DnsTestServer s = server(q -> q.name().equals("web.b.test.") ? answer(q, a(q.name(), 10, 0, 0, 2))
        : rcode(q, DnsMessage.RCODE_NAME_ERROR));
    DnsMessage.Response r = client(List.of("a.test", "b.test"), 1, s).lookup("web", DnsMessage.TYPE_A);
    assertThat(r.answers()).containsExactly(new DnsMessage.A("web.b.test.", 60, "10.0.0.2"));
    assertThat(s.queries()).extracting(Query::name).containsExactly("web.a.test.", "web.b.test.");
    // More labels than ndots: the name itself first. A fully qualified name: only itself.
    client(List.of("a.test"), 1, s).lookup("x.y", DnsMessage.TYPE_A);
    client(List.of("a.test"), 1, s).lookup("z.", DnsMessage.TYPE_A);
    assertThat(s.queries()).extracting(Query::name).endsWith("x.y.", "x.y.a.test.", "z.");
  }

  @Test
  void aServerWithoutViableAnswerPassesToTheNext() throws Exception {
    DnsTestServer failing = server(q -> rcode(q, 2));
    DnsTestServer good = server(q -> answer(q, a(q.name(), 10, 0, 0, 3)));
    DnsMessage.Response r = client(List.of(), 1, failing, good).lookup("h.example.", DnsMessage.TYPE_A);
    assertThat(r.answers()).containsExactly(new DnsMessage.A("h.example.", 60, "10.0.0.3"));
    assertThat(failing.queries()).hasSize(1);
  }

  @Test
  void aFailedCandidateMakesNxdomainElsewhereAnError() throws Exception {
    DnsTestServer s = server(q -> q.name().startsWith("web.a.") ? rcode(q, 2) : rcode(q, DnsMessage.RCODE_NAME_ERROR));
    assertThatThrownBy(() -> client(List.of("a.test"), 1, s).lookup("web", DnsMessage.TYPE_A))
        .isInstanceOf(DnsException.class)
        .hasMessage("could not resolve \"web\": all servers responded with errors to at least one search domain");
  }

  @Test
  void aTruncatedAnswerIsAskedAgainOverTcpWithoutEdns() throws Exception {
    DnsTestServer s = server(q -> q.tcp() ? answer(q, srv(q.name(), 1, 1, 80, "big.example."))
        : Reply.of(Response.to(q).truncated().build()));
    DnsMessage.Response r = client(List.of(), 1, s).lookup("svc.example.", DnsMessage.TYPE_SRV);
    assertThat(r.answers()).containsExactly(new DnsMessage.Srv("svc.example.", 60, 1, 1, 80, "big.example."));
    assertThat(s.queries()).extracting(Query::tcp).containsExactly(false, true);
    assertThat(s.queries()).extracting(Query::edns).containsExactly(true, false);
  }

  @Test
  void aTruncatedAnswerOverTcpIsAnError() throws Exception {
    DnsTestServer s = server(q -> Reply.of(q.tcp() ? Response.to(q).truncated().tcp() : Response.to(q).truncated().build()));
    assertThatThrownBy(() -> client(List.of(), 1, s).lookup("svc.example.", DnsMessage.TYPE_SRV))
        .isInstanceOf(DnsException.class).hasMessageContaining("could not resolve");
    assertThat(s.queries()).extracting(Query::tcp).containsExactly(false, true);
  }

  @Test
  void repliesWithAnotherIdAreIgnoredOverUdp() throws Exception {
    DnsTestServer s = server(q -> Reply.of(Response.to(q).id(q.id() ^ 1).answer(a(q.name(), 6, 6, 6, 6)).build(),
        Response.to(q).answer(a(q.name(), 1, 1, 1, 1)).build()));
    assertThat(client(List.of(), 1, s).lookup("h.", DnsMessage.TYPE_A).answers())
        .containsExactly(new DnsMessage.A("h.", 60, "1.1.1.1"));
  }

  @Test
  void aSilentServerTimesOutWithinTheTimeout() throws Exception {
    DnsTestServer silent = server(q -> Reply.NONE);
    long start = System.nanoTime();
    assertThatThrownBy(() -> client(List.of("a.test"), 1, silent, silent).lookup("web", DnsMessage.TYPE_A))
        .isInstanceOf(DnsException.class);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // Two candidates times two servers, each one timeout.
    assertThat(millis).isBetween(4 * TIMEOUT.toMillis() - 50, 4 * TIMEOUT.toMillis() + 1_500);
  }

  @Test
  void aClosedPortFailsFast() throws Exception {
    int port;
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      port = probe.getLocalPort();
    }
    DnsClient client = new DnsClient(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)), List.of(), 1,
        Duration.ofSeconds(5));
    long start = System.nanoTime();
    assertThatThrownBy(() -> client.lookup("h.", DnsMessage.TYPE_A)).isInstanceOf(DnsException.class);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
  }

  @Test
  void hostileResponsesFailTheServerAndTheNextOneAnswers() throws Exception {
    List<java.util.function.Function<Query, byte[]>> hostile = List.of(
        q -> new byte[] {1, 2, 3},
        q -> Response.to(q).answer(record(DnsTestServer.pointer(12 + q.name().length() + 1 + 4), DnsMessage.TYPE_A,
            new byte[] {1, 2, 3, 4})).build(),
        q -> Response.to(q).answer(a(q.name(), 1, 2, 3, 4)).ancount(60_000).build(),
        q -> java.util.Arrays.copyOf(Response.to(q).answer(srv(q.name(), 1, 1, 1, "t.example.")).build(), 40),
        q -> Response.to(q).answer(record(q.name(), DnsMessage.TYPE_A, new byte[7])).build());
    for (java.util.function.Function<Query, byte[]> bad : hostile) {
      DnsTestServer evil = server(q -> Reply.of(bad.apply(q)));
      DnsTestServer good = server(q -> answer(q, a(q.name(), 10, 9, 9, 9)));
      assertThat(client(List.of(), 1, evil, good).lookup("h.example.", DnsMessage.TYPE_A).answers())
          .containsExactly(new DnsMessage.A("h.example.", 60, "10.9.9.9"));
      assertThatThrownBy(() -> client(List.of(), 1, evil).lookup("h.example.", DnsMessage.TYPE_A))
          .isInstanceOf(DnsException.class);
    }
  }

  @Test
  void aHostileTcpAnswerIsRefusedToo() throws Exception {
    DnsTestServer s = server(q -> {
      if (!q.tcp()) {
        return Reply.of(Response.to(q).truncated().build());
      }
      byte[] lying = {(byte) 0xFF, (byte) 0xFF, 0, 0};
      return Reply.of(lying);
    });
    long start = System.nanoTime();
    assertThatThrownBy(() -> client(List.of(), 1, s).lookup("h.", DnsMessage.TYPE_A)).isInstanceOf(DnsException.class);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
  }

  @Test
  void interruptingTheCallerAbortsTheLookup() throws Exception {
    DnsTestServer silent = server(q -> Reply.NONE);
    DnsClient client = new DnsClient(List.of(silent.address()), List.of(), 1, Duration.ofSeconds(30));
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        client.lookup("h.", DnsMessage.TYPE_A);
        outcome.complete(null);
      } catch (IOException e) {
        outcome.complete(e);
      }
    });
    caller.start();
    while (silent.queries().isEmpty()) {
      Thread.sleep(5);
    }
    caller.interrupt();
    assertThat(outcome.get(3, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
  }

  @Test
  void theSystemClientReadsResolvConfAtEveryLookup(@TempDir Path dir) throws Exception {
    DnsTestServer s = server(q -> answer(q, a(q.name(), 10, 1, 1, 1)));
    Path conf = dir.resolve("resolv.conf");
    DnsClient client = DnsClient.fromFile(conf, TIMEOUT);
    assertThatThrownBy(() -> client.lookup("h.", DnsMessage.TYPE_A))
        .hasMessage("could not load resolv.conf: open " + conf + ": no such file or directory");
    // resolv.conf has one port for all its servers, 53, so the file cannot point at the fixture: whatever
    // port 53 on loopback says, the file was read.
    Files.writeString(conf, "nameserver 127.0.0.1\nsearch a.test\n");
    try {
      client.lookup("h", DnsMessage.TYPE_A);
    } catch (DnsException e) {
      assertThat(e.getMessage()).doesNotContain("resolv.conf");
    }
    assertThat(DnsClient.of(new ResolvConf(List.of("127.0.0.1"), List.of(), s.address().getPort(), 1, 5, 2), TIMEOUT)
        .lookup("h.", DnsMessage.TYPE_A).answers()).containsExactly(new DnsMessage.A("h.", 60, "10.1.1.1"));
  }
}
