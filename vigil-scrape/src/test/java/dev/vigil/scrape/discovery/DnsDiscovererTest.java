package dev.vigil.scrape.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.DnsSdConfig;
import dev.vigil.scrape.config.TargetGroup;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DnsDiscovererTest {
  private static Labels target(String address, String name, String srvTarget, String srvPort, String mxTarget) {
    return Labels.of("__address__", address, "__meta_dns_name", name, "__meta_dns_srv_record_target", srvTarget,
        "__meta_dns_srv_record_port", srvPort, "__meta_dns_mx_record_target", mxTarget);
  }

  private static DnsMessage.Response answers(DnsMessage.Record... records) {
    return new DnsMessage.Response(1, true, false, 0, List.of(records));
  }

  @Test
  void srvRecordsBecomeTargetsWithTheirMetaLabels() {
    TargetGroup g = DnsDiscoverer.group("_node._tcp.example.com", answers(
        new DnsMessage.Srv("_node._tcp.example.com.", 60, 10, 5, 9100, "node1.example.com."),
        new DnsMessage.Srv("_node._tcp.example.com.", 60, 10, 5, 9100, "node2.example.com..")), 0);
    assertThat(g).isEqualTo(new TargetGroup(List.of(
        target("node1.example.com:9100", "_node._tcp.example.com", "node1.example.com.", "9100", ""),
        target("node2.example.com:9100", "_node._tcp.example.com", "node2.example.com..", "9100", "")),
        Labels.EMPTY, "_node._tcp.example.com"));
  }

  @Test
  void addressAndMxRecordsTakeTheConfiguredPort() {
    TargetGroup g = DnsDiscoverer.group("h.example", answers(
        new DnsMessage.Cname("h.example.", 60, "real.example."),
        new DnsMessage.A("real.example.", 60, "10.0.0.1"),
        new DnsMessage.Aaaa("real.example.", 60, "2001:db8::1"),
        new DnsMessage.Mx("h.example.", 60, 10, "mail.example."),
        new DnsMessage.Other("h.example.", 60, 16)), 9100);
    assertThat(g.targets()).containsExactly(
        target("10.0.0.1:9100", "h.example", "", "", ""),
        target("[2001:db8::1]:9100", "h.example", "", "", ""),
        target("mail.example:9100", "h.example", "", "", "mail.example."));
    assertThat(g.source()).isEqualTo("h.example");
  }

  @Test
  void theTypeIsReadAsPrometheusReadsIt() {
    assertThat(DnsDiscoverer.queryType("srv")).isEqualTo(DnsMessage.TYPE_SRV);
    assertThat(DnsDiscoverer.queryType("a")).isEqualTo(DnsMessage.TYPE_A);
    assertThat(DnsDiscoverer.queryType("AAAA")).isEqualTo(DnsMessage.TYPE_AAAA);
    assertThat(DnsDiscoverer.queryType("Mx")).isEqualTo(DnsMessage.TYPE_MX);
  }

  @Test
  void aFailedLookupSendsNothingForItsNameAndNxdomainClearsIt() throws Exception {
    Map<String, Object> answers = new ConcurrentHashMap<>();
    answers.put("ok.example", answers(new DnsMessage.A("ok.example.", 60, "10.0.0.1")));
    answers.put("flaky.example", answers(new DnsMessage.A("flaky.example.", 60, "10.0.0.2")));
    DnsResolver resolver = (name, type) -> {
      Object answer = answers.get(name);
      if (answer instanceof IOException e) {
        throw e;
      }
      return (DnsMessage.Response) answer;
    };
    DnsDiscoverer d = new DnsDiscoverer(new DnsSdConfig(List.of("ok.example", "flaky.example"), 40, "A", 80), resolver);
    Recorder r = new Recorder();
    d.start(r);
    try {
      r.await(g -> g.size() == 2);
      long failuresBefore = DiscoveryMetrics.dnsLookupFailuresTotal();
      answers.put("flaky.example", new DnsException("could not resolve"));
      int seen = r.updates().size();
      List<List<TargetGroup>> updates = r.awaitUpdates(seen + 2);
      // The failing name is left out, so the receiver keeps its old group.
      assertThat(updates.get(seen + 1)).extracting(TargetGroup::source).containsExactly("ok.example");
      assertThat(r.addresses("flaky.example")).containsExactly("10.0.0.2:80");
      assertThat(d.lookupFailures()).isPositive();
      assertThat(DiscoveryMetrics.dnsLookupFailuresTotal()).isGreaterThan(failuresBefore);
      // NXDOMAIN everywhere: the resolver answers empty, and the group empties.
      answers.put("flaky.example", DnsMessage.Response.EMPTY);
      r.await(g -> g.get("flaky.example").targets().isEmpty());
    } finally {
      d.close();
    }
    assertThat(r.threads()).allMatch(name -> name.startsWith("vigil-sd-dns-"));
  }

  @Test
  void namesAreLookedUpTogether() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    DnsResolver slow = (name, type) -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new java.io.InterruptedIOException();
      } finally {
        inFlight.decrementAndGet();
      }
      return DnsMessage.Response.EMPTY;
    };
    DnsDiscoverer d = new DnsDiscoverer(new DnsSdConfig(List.of("a", "b", "c", "d"), 60_000, "SRV", 0), slow);
    Recorder r = new Recorder();
    long start = System.nanoTime();
    d.start(r);
    r.awaitUpdates(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(350));
    assertThat(most.get()).isEqualTo(4);
    assertThat(r.updates().get(0)).extracting(TargetGroup::source).containsExactly("a", "b", "c", "d");
    d.close();
  }

  @Test
  void closeInterruptsLookupsInFlightAndStopsTheThreads() throws Exception {
    try (DnsTestServer silent = new DnsTestServer(q -> DnsTestServer.Reply.NONE)) {
      DnsClient client = new DnsClient(List.of(silent.address()), List.of(), 1, Duration.ofSeconds(30));
      Set<Thread> before = Thread.getAllStackTraces().keySet();
      DnsDiscoverer d = new DnsDiscoverer(new DnsSdConfig(List.of("a.example.", "b.example."), 30_000, "A", 80), client);
      Recorder r = new Recorder();
      d.start(r);
      while (silent.queries().size() < 2) {
        Thread.sleep(5);
      }
      long start = System.nanoTime();
      d.close();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      List<Thread> mine = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !before.contains(t) && t.getName().startsWith("vigil-sd-dns-")).toList();
      assertThat(mine).isEmpty();
      assertThat(r.updates()).isEmpty();
    }
  }

  @Test
  void endToEndThroughTheFixture() throws Exception {
    try (DnsTestServer server = new DnsTestServer(q -> {
      DnsTestServer.Response response = DnsTestServer.Response.to(q);
      if (q.name().equals("_api._tcp.svc.test.")) {
        response.answer(DnsTestServer.srv(q.name(), 1, 1, 8443, "api-0.svc.test."));
      } else {
        response.rcode(DnsMessage.RCODE_NAME_ERROR);
      }
      return DnsTestServer.Reply.of(response.build());
    })) {
      DnsClient client = new DnsClient(List.of(server.address()), List.of("svc.test"), 1, Duration.ofMillis(500));
      DnsDiscoverer d = new DnsDiscoverer(new DnsSdConfig(List.of("_api._tcp", "missing"), 60_000, "SRV", 0), client);
      Recorder r = new Recorder();
      d.start(r);
      r.awaitUpdates(1);
      d.close();
      assertThat(r.updates().get(0)).containsExactly(
          new TargetGroup(List.of(target("api-0.svc.test:8443", "_api._tcp", "api-0.svc.test.", "8443", "")),
              Labels.EMPTY, "_api._tcp"),
          new TargetGroup(List.of(), Labels.EMPTY, "missing"));
    }
  }
}
