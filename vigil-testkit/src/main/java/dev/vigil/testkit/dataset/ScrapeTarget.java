package dev.vigil.testkit.dataset;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.StaleMarker;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One scrape target as Prometheus would have recorded it: scraped every 15s at its own offset with
 * a few milliseconds of jitter, between its start and its stop, through outages and restarts.
 *
 * <p>Staleness follows Prometheus's scrape loop: a series the previous scrape exposed and this one
 * does not gets a stale marker, and a failed scrape (an outage "with stale markers", or a stop that
 * is one) marks every exposed series stale. Gaps and stops "without stale markers" stand for data
 * that reached the blocks another way (a crash, a backfill): only the 5m lookback ends those series.
 */
final class ScrapeTarget {
  private static final int JITTER_MS = 25;

  /** Scrapes in {@code [from, to)} fail; {@code stale} says whether Prometheus would record it. */
  record Gap(long from, long to, boolean stale) {}

  /** When the target lives and what happens to it; restarts reset its counters. */
  record Life(long start, List<Gap> gaps, long[] restarts) {}

  private final long offsetMs;
  private final Random rng;
  private final Life life;
  private final List<DemoFamilies.Family> families;
  private Set<Labels> exposed = Set.of();
  private long lastScrape = Long.MIN_VALUE;

  ScrapeTarget(String job, String instance, long offsetMs, Life life, Random rng) {
    this.offsetMs = offsetMs;
    this.rng = rng;
    this.life = life;
    this.families = DemoFamilies.forTarget(job, instance, rng);
  }

  /** Scrapes once in the 15s interval starting at {@code tick}. */
  void scrape(long tick, BlockSink sink) {
    long t = tick + offsetMs + rng.nextInt(JITTER_MS);
    if (t < life.start()) {
      return;
    }
    Gap gap = gapAt(t);
    if (gap != null) {
      if (gap.stale()) {
        markStale(exposed, t, sink);
        exposed = Set.of();
      }
      return;
    }
    boolean restarted = restartedIn(lastScrape, t);
    Set<Labels> now = new HashSet<>();
    for (DemoFamilies.Family family : families) {
      family.scrape(t, restarted, (labels, value) -> {
        sink.append(labels, t, value);
        now.add(labels);
      });
    }
    for (Labels gone : exposed) {
      if (!now.contains(gone)) {
        sink.append(gone, t, StaleMarker.STALE_NAN);
      }
    }
    exposed = now;
    lastScrape = t;
  }

  private static void markStale(Set<Labels> series, long t, BlockSink sink) {
    for (Labels labels : series) {
      sink.append(labels, t, StaleMarker.STALE_NAN);
    }
  }

  private Gap gapAt(long t) {
    for (Gap g : life.gaps()) {
      if (t >= g.from() && t < g.to()) {
        return g;
      }
    }
    return null;
  }

  private boolean restartedIn(long after, long upTo) {
    for (long r : life.restarts()) {
      if (r > after && r <= upTo) {
        return true;
      }
    }
    return false;
  }
}
