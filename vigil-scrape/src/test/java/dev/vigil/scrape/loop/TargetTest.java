package dev.vigil.scrape.loop;

import static dev.vigil.scrape.loop.ScrapeFixtures.job;
import static dev.vigil.scrape.loop.ScrapeFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.config.TargetLabels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TargetTest {
  private static final long INTERVAL = Duration.ofSeconds(15).toNanos();

  @Test
  void theUrlJoinsSchemeAddressAndMetricsPath() {
    assertThat(target(job("  scheme: https", "  metrics_path: /probe"), "h:9100").url())
        .isEqualTo("https://h:9100/probe");
  }

  @Test
  void theQueryHoldsTheConfigsParamsSortedWithParamLabelsReplacingTheFirstValue() {
    ScrapeConfig config = job("  params: {module: [a, b], target: [x y]}",
        "  relabel_configs: [{target_label: __param_module, replacement: c}, {target_label: __param_z, replacement: 'ü&'}]");

    assertThat(target(config, "h:1").url()).isEqualTo("http://h:1/metrics?module=c&module=b&target=x+y&z=%C3%BC%26");
  }

  @Test
  void thePathIsEscapedAsGoEscapesIt() {
    assertThat(target(job("  metrics_path: /a b?c;d"), "h:1").url()).isEqualTo("http://h:1/a%20b%3Fc;d");
  }

  @Test
  void targetsWithEqualLabelsAndUrlShareTheirHash() {
    ScrapeConfig config = job();
    assertThat(target(config, "h:1").hash()).isEqualTo(target(config, "h:1").hash())
        .isNotEqualTo(target(config, "h:2").hash());
  }

  @Test
  void theHashCoversLabelsThatDoNotShowInTheUrl() {
    ScrapeConfig config = job();
    Target plain = target(config, "h:1");
    Target withTeam = new Target("test", TargetLabels.populate(Labels.of("__address__", "h:1", "team", "a"), config),
        config.params());

    assertThat(withTeam.url()).isEqualTo(plain.url());
    assertThat(withTeam.hash()).isNotEqualTo(plain.hash());
  }

  @Test
  void theLabelsHashIsXxHashOfNamesAndValuesEachFollowedByByte0xff() {
    byte[] written = "a\u00ffb\u00ffc\u00ffd\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(LabelsHash.of(Labels.of("a", "b", "c", "d"))).isEqualTo(XxHash64.hash(written, 0, written.length));
  }

  @Test
  void offsetsFallWithinTheIntervalAndSpreadEvenly() {
    ScrapeConfig config = job();
    int[] buckets = new int[10];
    for (int i = 0; i < 10_000; i++) {
      long offset = target(config, "h" + i + ":9100").offsetNanos(INTERVAL, 0, 0);
      assertThat(offset).isPositive().isLessThanOrEqualTo(INTERVAL);
      buckets[(int) ((offset - 1) * buckets.length / INTERVAL)]++;
    }
    assertThat(Arrays.stream(buckets).boxed()).allSatisfy(count -> assertThat(count).isBetween(900, 1100));
  }

  @Test
  void theOffsetIsPinnedToAbsoluteTime() {
    Target target = target(job(), "h:9100");
    long now = 1_700_000_000_123_456_789L;
    long later = now + 7 * INTERVAL / 3;

    long first = now + target.offsetNanos(INTERVAL, 0, now);
    long again = later + target.offsetNanos(INTERVAL, 0, later);
    assertThat(Math.floorMod(again - first, INTERVAL)).isZero();
  }

  @Test
  void theJitterSeedMovesTheOffset() {
    Target target = target(job(), "h:9100");
    long seed = JitterSeed.of("prometheus-1.example.com", Labels.of("replica", "a"));

    assertThat(target.offsetNanos(INTERVAL, seed, 0)).isNotEqualTo(target.offsetNanos(INTERVAL, 0, 0));
  }

  @Test
  void theJitterSeedIsFnvOfTheHostNameAndTheExternalLabelsText() {
    assertThat(JitterSeed.of("host", Labels.of("a", "b"))).isEqualTo(Fnv1a64.hash("host{a=\"b\"}"));
  }

  @Test
  void aSnapshotShowsTheScrapeSettingsAndTheLastReport() {
    Target target = target(job("  scrape_interval: 30s", "  scrape_timeout: 5s"), "h:9100");
    Instant at = Instant.parse("2024-01-02T03:04:05.678Z");
    target.report(at, Duration.ofMillis(12), "server returned HTTP status 404 Not Found");

    TargetSnapshot snapshot = target.snapshot();
    assertThat(snapshot.scrapePool()).isEqualTo("test");
    assertThat(snapshot.labels()).isEqualTo(Labels.of("instance", "h:9100", "job", "test"));
    assertThat(snapshot.health()).isEqualTo(TargetHealth.DOWN);
    assertThat(snapshot.lastError()).isEqualTo("server returned HTTP status 404 Not Found");
    assertThat(snapshot.lastScrape()).isEqualTo(at);
    assertThat(snapshot.lastScrapeDuration()).isEqualTo(Duration.ofMillis(12));
    assertThat(snapshot.scrapeInterval()).isEqualTo("30s");
    assertThat(snapshot.scrapeTimeout()).isEqualTo("5s");
  }
}
