package dev.vigil.scrape.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.DnsSdConfig;
import dev.vigil.scrape.config.FileSdConfig;
import dev.vigil.scrape.config.PrometheusConfig;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.config.TargetGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryManagerTest {
  private static final Duration TICK = Duration.ofMillis(50);

  /** A provider the test drives by hand. */
  static final class FakeDiscoverer implements Discoverer {
    final Object config;
    volatile Consumer<List<TargetGroup>> updates;
    volatile int starts;
    volatile boolean closed;

    FakeDiscoverer(Object config) {
      this.config = config;
    }

    @Override
    public void start(Consumer<List<TargetGroup>> updates) {
      this.updates = updates;
      starts++;
    }

    void send(TargetGroup... groups) {
      updates.accept(List.of(groups));
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Makes fake providers and remembers them in order. */
  static class FakeFactory implements DiscovererFactory {
    final List<FakeDiscoverer> made = new CopyOnWriteArrayList<>();

    @Override
    public Discoverer staticConfigs(List<TargetGroup> groups) {
      return new StaticDiscoverer(groups);
    }

    @Override
    public Discoverer fileSd(FileSdConfig config) {
      FakeDiscoverer d = new FakeDiscoverer(config);
      made.add(d);
      return d;
    }

    @Override
    public Discoverer dnsSd(DnsSdConfig config) {
      FakeDiscoverer d = new FakeDiscoverer(config);
      made.add(d);
      return d;
    }

    FakeDiscoverer of(Object config) {
      return made.stream().filter(d -> d.config.equals(config)).reduce((a, b) -> b).orElseThrow();
    }
  }

  /** Records what the sink gets, with when. */
  static final class Sink implements Consumer<Map<String, List<TargetGroup>>> {
    final List<Map<String, List<TargetGroup>>> maps = new ArrayList<>();
    final List<Long> times = new ArrayList<>();

    @Override
    public synchronized void accept(Map<String, List<TargetGroup>> groups) {
      maps.add(groups);
      times.add(System.nanoTime());
      notifyAll();
    }

    synchronized Map<String, List<TargetGroup>> await(Predicate<Map<String, List<TargetGroup>>> condition)
        throws InterruptedException {
      long deadline = System.currentTimeMillis() + 5_000;
      while (maps.isEmpty() || !condition.test(maps.get(maps.size() - 1))) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          throw new AssertionError("sink never got it; last: " + (maps.isEmpty() ? null : maps.get(maps.size() - 1)));
        }
        wait(left);
      }
      return maps.get(maps.size() - 1);
    }

    synchronized int count() {
      return maps.size();
    }
  }

  private final FakeFactory factory = new FakeFactory();
  private final Sink sink = new Sink();
  private final List<DiscoveryManager> managers = new ArrayList<>();

  @AfterEach
  void closeManagers() {
    managers.forEach(DiscoveryManager::close);
  }

  private DiscoveryManager manager() {
    return manager(factory);
  }

  private DiscoveryManager manager(DiscovererFactory f) {
    DiscoveryManager m = new DiscoveryManager(sink, TICK, f);
    managers.add(m);
    return m;
  }

  private static final ScrapeConfig BASE;

  static {
    try {
      BASE = PrometheusConfig.parse("scrape_configs:\n- job_name: base\n", "test.yml").scrapeConfigs().get(0);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static ScrapeConfig job(String name, List<TargetGroup> statics, List<FileSdConfig> files, List<DnsSdConfig> dns) {
    ScrapeConfig b = BASE;
    return new ScrapeConfig(name, b.honorLabels(), b.honorTimestamps(), b.params(), b.scrapeIntervalMillis(),
        b.scrapeTimeoutMillis(), b.metricsPath(), b.scheme(), b.bodySizeLimitBytes(), b.sampleLimit(), b.targetLimit(),
        b.labelLimit(), b.labelNameLengthLimit(), b.labelValueLengthLimit(), b.http(), statics, files, dns,
        b.relabelConfigs(), b.metricRelabelConfigs());
  }

  private static ScrapeConfig fileJob(String name, FileSdConfig... files) {
    return job(name, List.of(), List.of(files), List.of());
  }

  private static FileSdConfig file(String path) {
    return new FileSdConfig(List.of(path), 60_000);
  }

  private static TargetGroup group(String source, String... addresses) {
    List<Labels> targets = new ArrayList<>();
    for (String a : addresses) {
      targets.add(Labels.of("__address__", a));
    }
    return new TargetGroup(targets, Labels.EMPTY, source);
  }

  private static List<String> sources(List<TargetGroup> groups) {
    return groups.stream().map(TargetGroup::source).toList();
  }

  @Test
  void staticConfigsArriveAtTheFirstTickWithTheirNumberedSources() throws Exception {
    PrometheusConfig config = PrometheusConfig.parse(String.join("\n",
        "scrape_configs:",
        "- job_name: node",
        "  static_configs:",
        "  - targets: [a:9100, b:9100]",
        "    labels: {env: prod}",
        "  - targets: [c:9100]"), "prometheus.yml");
    DiscoveryManager m = manager();
    long start = System.nanoTime();
    m.apply(config.scrapeConfigs());
    Map<String, List<TargetGroup>> groups = sink.await(g -> g.containsKey("node"));
    assertThat(Duration.ofNanos(sink.times.get(0) - start)).isGreaterThanOrEqualTo(TICK.minusMillis(5));
    assertThat(groups.get("node")).containsExactly(
        new TargetGroup(List.of(Labels.of("__address__", "a:9100"), Labels.of("__address__", "b:9100")),
            Labels.of("env", "prod"), "0"),
        new TargetGroup(List.of(Labels.of("__address__", "c:9100")), Labels.EMPTY, "1"));
    assertThat(m.currentGroups()).isEqualTo(groups);
  }

  @Test
  void aJobWithoutDiscoveryGetsOneEmptyGroup() throws Exception {
    DiscoveryManager m = manager();
    m.apply(List.of(job("lonely", List.of(), List.of(), List.of())));
    assertThat(sink.await(g -> g.containsKey("lonely")).get("lonely"))
        .containsExactly(new TargetGroup(List.of(), Labels.EMPTY, ""));
  }

  @Test
  void updatesAreCoalescedAndSentAtMostOncePerTick() throws Exception {
    DiscoveryManager m = manager();
    FileSdConfig f = file("/x/*.json");
    m.apply(List.of(fileJob("job", f)));
    FakeDiscoverer d = factory.of(f);
    for (int i = 0; i < 500; i++) {
      d.send(group("s" + (i % 5), "t" + i));
    }
    Map<String, List<TargetGroup>> last = sink.await(g -> g.containsKey("job")
        && g.get("job").stream().anyMatch(tg -> tg.targets().contains(Labels.of("__address__", "t499"))));
    assertThat(sources(last.get("job"))).containsExactly("s0", "s1", "s2", "s3", "s4");
    assertThat(sink.count()).isLessThanOrEqualTo(3);
    for (int i = 1; i < sink.times.size(); i++) {
      assertThat(sink.times.get(i) - sink.times.get(i - 1)).isGreaterThanOrEqualTo(TICK.toNanos() - 5_000_000);
    }
    // Nothing new: nothing sent.
    int sent = sink.count();
    Thread.sleep(4 * TICK.toMillis());
    assertThat(sink.count()).isEqualTo(sent);
  }

  @Test
  void aGroupIsReplacedBySourceAndEmptyGroupsStay() throws Exception {
    DiscoveryManager m = manager();
    FileSdConfig f = file("/x/*.json");
    m.apply(List.of(fileJob("job", f)));
    FakeDiscoverer d = factory.of(f);
    d.send(group("a", "1"), group("b", "2"));
    d.send(group("a"));
    Map<String, List<TargetGroup>> groups = sink.await(g -> g.containsKey("job") && g.get("job").get(0).targets().isEmpty());
    assertThat(groups.get("job")).containsExactly(group("a"), group("b", "2"));
  }

  @Test
  void aReloadKeepsUnchangedProvidersStopsOldOnesAndStartsNewOnes() throws Exception {
    DiscoveryManager m = manager();
    FileSdConfig keep = file("/keep/*.json");
    FileSdConfig drop = file("/drop/*.json");
    DnsSdConfig added = new DnsSdConfig(List.of("x.example"), 30_000, "A", 80);
    m.apply(List.of(fileJob("a", keep), fileJob("b", drop)));
    factory.of(keep).send(group("k", "k:1"));
    factory.of(drop).send(group("d", "d:1"));
    sink.await(g -> g.containsKey("a") && g.containsKey("b"));

    m.apply(List.of(fileJob("a", keep), job("c", List.of(), List.of(), List.of(added))));
    FakeDiscoverer kept = factory.of(keep);
    assertThat(kept.starts).isEqualTo(1);
    assertThat(kept.closed).isFalse();
    assertThat(factory.of(drop).closed).isTrue();
    assertThat(factory.of(added).starts).isEqualTo(1);
    // The kept job has its groups at once; the removed job is gone; the new job waits for its provider.
    assertThat(m.currentGroups()).containsOnlyKeys("a");
    assertThat(sink.await(g -> !g.containsKey("b")).get("a")).containsExactly(group("k", "k:1"));
    factory.of(added).send(group("x.example", "10.0.0.1:80"));
    assertThat(sink.await(g -> g.containsKey("c")).keySet()).containsExactly("a", "c");
    // Late updates from a stopped provider are ignored.
    factory.of(drop).send(group("d", "late"));
    assertThat(m.currentGroups()).doesNotContainKey("b");
  }

  @Test
  void anUnchangedConfigurationRestartsNothing() throws Exception {
    DiscoveryManager m = manager();
    FileSdConfig f = file("/x/*.json");
    List<ScrapeConfig> config = List.of(fileJob("a", f),
        job("s", List.of(group("0", "s:1")), List.of(), List.of()));
    m.apply(config);
    factory.of(f).send(group("g", "1"));
    sink.await(g -> g.containsKey("a") && g.containsKey("s"));
    int before = sink.count();
    m.apply(List.of(fileJob("a", file("/x/*.json")), job("s", List.of(group("0", "s:1")), List.of(), List.of())));
    assertThat(factory.made).hasSize(1);
    assertThat(factory.of(f).starts).isEqualTo(1);
    // The full state is sent again after a reload.
    Map<String, List<TargetGroup>> after = sink.await(g -> sink.count() > before);
    assertThat(after.get("a")).containsExactly(group("g", "1"));
    assertThat(after.get("s")).containsExactly(group("0", "s:1"));
  }

  @Test
  void aChangedStaticConfigSwapsItsGroupsWithoutAGap() throws Exception {
    DiscoveryManager m = manager();
    m.apply(List.of(job("s", List.of(group("0", "old:1")), List.of(), List.of())));
    sink.await(g -> g.containsKey("s"));
    int before = sink.count();
    for (int i = 0; i < 20; i++) {
      m.apply(List.of(job("s", List.of(group("0", "new:" + i)), List.of(), List.of())));
      assertThat(m.currentGroups().get("s")).containsExactly(group("0", "new:" + i));
      Thread.sleep(5);
    }
    sink.await(g -> g.get("s").equals(List.of(group("0", "new:19"))));
    synchronized (sink) {
      assertThat(sink.maps.subList(before, sink.maps.size())).allMatch(g -> g.containsKey("s"));
    }
  }

  @Test
  void equalConfigsShareOneProviderAndARenamedJobKeepsItsTargets() throws Exception {
    DiscoveryManager m = manager();
    FileSdConfig f = file("/x/*.json");
    m.apply(List.of(fileJob("a", f, file("/x/*.json")), fileJob("b", f)));
    assertThat(factory.made).hasSize(1);
    factory.of(f).send(group("g", "1"));
    Map<String, List<TargetGroup>> groups = sink.await(g -> g.containsKey("a") && g.containsKey("b"));
    assertThat(groups.get("a")).containsExactly(group("g", "1"));
    assertThat(groups.get("b")).containsExactly(group("g", "1"));
    m.apply(List.of(fileJob("renamed", f)));
    assertThat(factory.made).hasSize(1);
    assertThat(m.currentGroups()).containsOnlyKeys("renamed");
    assertThat(m.currentGroups().get("renamed")).containsExactly(group("g", "1"));
  }

  @Test
  void aJobsGroupsComeInProviderOrderDnsFileStatic() throws Exception {
    DiscoveryManager m = manager();
    FileSdConfig f = file("/x/*.json");
    DnsSdConfig d = new DnsSdConfig(List.of("n"), 30_000, "SRV", 0);
    m.apply(List.of(job("j", List.of(group("0", "s:1")), List.of(f), List.of(d))));
    factory.of(f).send(group("file:0", "f:1"));
    factory.of(d).send(group("n", "d:1"));
    assertThat(sources(sink.await(g -> g.containsKey("j") && g.get("j").size() == 3).get("j")))
        .containsExactly("n", "file:0", "0");
  }

  @Test
  void aProviderThatCannotBeMadeLeavesTheJobWithItsEmptyGroup() throws Exception {
    DiscovererFactory broken = new FakeFactory() {
      @Override
      public Discoverer fileSd(FileSdConfig config) {
        throw new IllegalStateException("no");
      }
    };
    DiscoveryManager m = manager(broken);
    m.apply(List.of(fileJob("j", file("/x/*.json"))));
    assertThat(sink.await(g -> g.containsKey("j")).get("j")).containsExactly(new TargetGroup(List.of(), Labels.EMPTY, ""));
  }

  @Test
  void duplicateJobNamesAreRefusedAndClosedManagersRefuseToApply() {
    DiscoveryManager m = manager();
    assertThatThrownBy(() -> m.apply(List.of(fileJob("a"), fileJob("a"))))
        .isInstanceOf(IllegalArgumentException.class);
    m.close();
    assertThatThrownBy(() -> m.apply(List.of())).isInstanceOf(IllegalStateException.class);
    m.close();
  }

  @Test
  void aFailingSinkDoesNotStopTheSender() throws Exception {
    List<Integer> calls = new CopyOnWriteArrayList<>();
    DiscoveryManager m = new DiscoveryManager(groups -> {
      calls.add(groups.size());
      throw new IllegalStateException("receiver broke");
    }, TICK, factory);
    managers.add(m);
    FileSdConfig f = file("/x/*.json");
    m.apply(List.of(fileJob("a", f)));
    long deadline = System.currentTimeMillis() + 5_000;
    while (calls.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    factory.of(f).send(group("g", "1"));
    while (calls.size() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    assertThat(calls).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void realProvidersEndToEndAndCloseStopsEveryThread(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.json"), "[{\"targets\": [\"f:1\"]}]");
    try (DnsTestServer dns = new DnsTestServer(q -> DnsTestServer.Reply.of(DnsTestServer.Response.to(q)
        .answer(DnsTestServer.a(q.name(), 10, 1, 2, 3)).build()))) {
      Set<Thread> before = Thread.getAllStackTraces().keySet();
      DnsClient client = new DnsClient(List.of(dns.address()), List.of(), 1, Duration.ofMillis(500));
      DiscoveryManager m = new DiscoveryManager(sink, TICK, DiscovererFactory.standard(client, 1 << 20));
      PrometheusConfig config = PrometheusConfig.parse(String.join("\n",
          "scrape_configs:",
          "- job_name: all",
          "  static_configs: [{targets: ['s:1']}]",
          "  file_sd_configs: [{files: ['" + dir + "/*.json']}]",
          "  dns_sd_configs: [{names: [h.example.], type: A, port: 9100}]"), "prometheus.yml");
      m.apply(config.scrapeConfigs());
      Map<String, List<TargetGroup>> groups = sink.await(g -> g.containsKey("all") && g.get("all").size() == 3);
      assertThat(groups.get("all")).extracting(TargetGroup::source)
          .containsExactly("h.example.", dir + "/a.json:0", "0");
      assertThat(groups.get("all").get(0).targets().get(0).get("__address__")).isEqualTo("10.1.2.3:9100");
      List<Thread> mine = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !before.contains(t) && t.getName().startsWith("vigil-sd-")).toList();
      assertThat(mine).isNotEmpty().allMatch(Thread::isDaemon);
      m.close();
      assertThat(mine).noneMatch(Thread::isAlive);
      int sent = sink.count();
      Files.writeString(dir.resolve("b.json"), "[{\"targets\": [\"f:2\"]}]");
      Thread.sleep(3 * TICK.toMillis());
      assertThat(sink.count()).isEqualTo(sent);
    }
  }
}
