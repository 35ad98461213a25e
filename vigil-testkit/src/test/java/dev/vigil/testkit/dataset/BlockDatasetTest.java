package dev.vigil.testkit.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Matcher;
import dev.vigil.core.model.StaleMarker;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.core.storage.ValueType;
import dev.vigil.tsdb.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockDatasetTest {
  @TempDir static Path dir;

  private static BlockDataset.Written data;

  @BeforeAll
  static void writeTheStandardSet() throws IOException {
    data = BlockDataset.write(BlockDataset.Spec.standard(7), dir);
  }

  @Test
  void spansSixAndAHalfHoursInFourBlocksEachInsideItsTwoHourWindow() throws IOException {
    assertThat(data.timeline().maxTime() - data.timeline().minTime()).isGreaterThan(Duration.ofHours(6).toMillis());
    assertThat(data.blocks()).hasSize(4);
    for (Path b : data.blocks()) {
      try (Block block = Block.open(b)) {
        long window = Math.floorDiv(block.meta().minTime(), BlockSink.BLOCK_RANGE_MS);
        assertThat(Math.floorDiv(block.meta().maxTime() - 1, BlockSink.BLOCK_RANGE_MS)).as("%s", b).isEqualTo(window);
      }
    }
  }

  @Test
  void holdsSeveralHundredSeriesScrapedEvery15Seconds() {
    assertThat(data.series()).isBetween(500, 1000);
    long scrapes = (data.timeline().maxTime() - data.timeline().minTime()) / BlockDataset.SCRAPE_INTERVAL_MS;
    assertThat(data.samples()).isBetween(data.series() * scrapes / 2, data.series() * scrapes);
  }

  @Test
  void marksVanishedSeriesStaleAndCarriesNanAndInfinities() throws IOException {
    long stale = 0;
    long nan = 0;
    long infinite = 0;
    for (Path b : data.blocks()) {
      try (Block block = Block.open(b);
          Querier q = block.querier(block.meta().minTime(), block.meta().maxTime())) {
        SeriesSet set = q.select(QueryContext.BACKGROUND, false, null, Matcher.regex("__name__", ".+"));
        SampleIterator it = null;
        while (set.next()) {
          it = set.at().iterator(it);
          while (it.next() == ValueType.FLOAT) {
            double v = it.atValue();
            stale += StaleMarker.isStale(v) ? 1 : 0;
            nan += Double.isNaN(v) && !StaleMarker.isStale(v) ? 1 : 0;
            infinite += Double.isInfinite(v) ? 1 : 0;
          }
        }
      }
    }
    assertThat(stale).as("stale markers").isGreaterThan(100);
    assertThat(nan).as("NaN values").isGreaterThan(1000);
    assertThat(infinite).as("infinite values").isGreaterThan(1000);
  }

  @Test
  void scalesToAGivenNumberOfSeries() {
    assertThat(BlockDataset.Spec.forSeriesCount(1, 10_000, Duration.ofHours(24)).targets())
        .isEqualTo((10_000 + DemoFamilies.SERIES_PER_TARGET - 1) / DemoFamilies.SERIES_PER_TARGET);
  }
}
