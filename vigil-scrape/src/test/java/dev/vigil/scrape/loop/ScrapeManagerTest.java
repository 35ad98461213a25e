package dev.vigil.scrape.loop;

import static dev.vigil.scrape.loop.ScrapeFixtures.group;
import static dev.vigil.scrape.loop.ScrapeFixtures.namedJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.config.TargetGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jobs following the configuration and discovery, on a 50 ms interval. */
class ScrapeManagerTest {
  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final ScrapeConfig NODE = job("node");
  private static final ScrapeConfig APP = job("app");

  private final RecordingStorage storage = new RecordingStorage();
  private final ScrapeManager manager = new ScrapeManager(storage, "test-host");
  private final Map<String, List<FakeScraperFactory>> factoriesByJob = new ConcurrentHashMap<>();
  private final Set<String> failingJobs = new HashSet<>();
  private final Function<ScrapeConfig, ScraperFactory> factories = config -> {
    if (failingJobs.contains(config.jobName())) {
      throw new IllegalArgumentException("unable to load specified CA cert /etc/ca.pem");
    }
    FakeScraperFactory factory = new FakeScraperFactory("a 1\n");
    factoriesByJob.computeIfAbsent(config.jobName(), job -> new ArrayList<>()).add(factory);
    return factory;
  };

  @AfterEach
  void close() {
    manager.close();
  }

  private static ScrapeConfig job(String name, String... lines) {
    List<String> all = new ArrayList<>(List.of("  scrape_interval: 50ms", "  scrape_timeout: 50ms"));
    all.addAll(List.of(lines));
    return namedJob(name, all.toArray(new String[0]));
  }

  private FakeScraperFactory factoryOf(String job, int index) {
    return factoriesByJob.get(job).get(index);
  }

  private void apply(ScrapeConfig... configs) throws ScrapeReloadException {
    manager.applyConfig(List.of(configs), Labels.of("cluster", "a"), factories);
  }

  private void discover(String job, TargetGroup... groups) {
    manager.updateTargets(Map.of(job, List.of(groups)));
  }

  @Test
  void eachJobScrapesTheTargetsDiscoveryReportsForIt() throws Exception {
    apply(NODE, APP);
    manager.updateTargets(Map.of("node", List.of(group("n:1")), "app", List.of(group("a:1", "a:2"))));

    assertThat(manager.activeTargets()).containsOnlyKeys("app", "node");
    assertThat(manager.activeTargets().get("app")).hasSize(2);
    factoryOf("node", 0).scraper("http://n:1/metrics").awaitScrapes(1, PATIENCE);
  }

  @Test
  void aJobWhoseScraperFactoryCannotBeMadeIsLeftOutAndCounted() throws Exception {
    failingJobs.add("app");
    apply(NODE, APP);
    manager.updateTargets(Map.of("node", List.of(group("n:1")), "app", List.of(group("a:1"))));

    assertThat(manager.activeTargets()).containsOnlyKeys("node");
    assertThat(manager.metrics().poolsFailed()).isEqualTo(1);
  }

  @Test
  void targetsOfAJobNotConfiguredAreIgnored() throws Exception {
    apply(NODE);
    discover("ghost", group("g:1"));

    assertThat(manager.activeTargets()).isEmpty();
  }

  @Test
  void jobsWithoutNewTargetGroupsKeepTheirTargets() throws Exception {
    apply(NODE, APP);
    discover("node", group("n:1"));
    discover("app", group("a:1"));

    assertThat(manager.activeTargets()).containsOnlyKeys("app", "node");
  }

  @Test
  void droppedTargetsAreListedPerJob() throws Exception {
    apply(job("node", "  relabel_configs: [{action: drop, source_labels: [__address__], regex: 'x:.*'}]"));
    discover("node", group("n:1", "x:1"));

    assertThat(manager.droppedTargets().get("node")).extracting(labels -> labels.get("__address__"))
        .containsExactly("x:1");
  }

  @Test
  void aJobRemovedFromTheConfigStopsScraping() throws Exception {
    apply(NODE, APP);
    discover("app", group("a:1"));
    apply(NODE);

    assertThat(manager.activeTargets()).isEmpty();
    assertThat(factoryOf("app", 0).closed()).isTrue();
  }

  @Test
  void aChangedJobReloadsWithANewScraperFactory() throws Exception {
    apply(NODE);
    discover("node", group("n:1"));
    apply(job("node", "  sample_limit: 10"));

    assertThat(factoryOf("node", 0).closed()).isTrue();
    factoryOf("node", 1).scraper("http://n:1/metrics").awaitScrapes(1, PATIENCE);
    assertThat(manager.metrics().poolReloads()).isEqualTo(1);
  }

  @Test
  void anUnchangedJobKeepsScrapingUntouched() throws Exception {
    apply(NODE);
    discover("node", group("n:1"));
    apply(job("node"));

    assertThat(factoriesByJob.get("node")).hasSize(1);
    assertThat(factoryOf("node", 0).closed()).isFalse();
  }

  @Test
  void aJobThatCannotBeReloadedKeepsItsOldConfigAndTheApplyFails() throws Exception {
    apply(NODE);
    discover("node", group("n:1"));
    failingJobs.add("node");

    assertThatThrownBy(() -> apply(job("node", "  sample_limit: 10")))
        .isInstanceOfSatisfying(ScrapeReloadException.class, e -> {
          assertThat(e).hasMessage("failed to apply the new configuration");
          assertThat(e.failures()).containsExactly(
              Map.entry("node", "error creating HTTP client: unable to load specified CA cert /etc/ca.pem"));
        });
    FakeScraper scraper = factoryOf("node", 0).scraper("http://n:1/metrics");
    scraper.awaitScrapes(scraper.scrapes() + 1, PATIENCE);
    assertThat(manager.metrics().poolReloadsFailed()).isEqualTo(1);
  }

  @Test
  void closingStopsEveryJob() throws Exception {
    apply(NODE, APP);
    manager.updateTargets(Map.of("node", List.of(group("n:1")), "app", List.of(group("a:1"))));
    manager.close();

    assertThat(manager.activeTargets()).isEmpty();
    assertThat(factoryOf("node", 0).closed()).isTrue();
    assertThat(factoryOf("app", 0).closed()).isTrue();
    assertThatThrownBy(() -> discover("node", group("n:1"))).isInstanceOf(IllegalStateException.class);
  }
}
