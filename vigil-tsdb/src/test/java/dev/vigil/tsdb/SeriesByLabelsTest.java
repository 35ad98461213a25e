package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SeriesByLabelsTest {
  private static MemSeries series(long ref, String value) {
    return new MemSeries(ref, Labels.of("__name__", "m", "i", value), new SeriesChunking(7_200_000, new ChunkArena()));
  }

  @Test
  void findsEachSeriesByAnEqualLabelSet() {
    SeriesByLabels table = new SeriesByLabels();
    MemSeries a = series(1, "a");
    table.add(a);
    assertThat(table.get(Labels.of("__name__", "m", "i", "a"))).isSameAs(a);
    assertThat(table.get(Labels.of("__name__", "m", "i", "b"))).isNull();
  }

  @Test
  void agreesWithAHashMapOverRandomAddsAndRemovalsAcrossRebuilds() {
    SeriesByLabels table = new SeriesByLabels();
    Map<Labels, MemSeries> expected = new HashMap<>();
    Random random = new Random(42);
    for (int step = 0; step < 200_000; step++) {
      String value = Integer.toString(random.nextInt(20_000));
      Labels labels = Labels.of("__name__", "m", "i", value);
      if (random.nextInt(3) == 0) {
        table.remove(labels);
        expected.remove(labels);
      } else if (!expected.containsKey(labels)) {
        MemSeries s = series(step + 1, value);
        table.add(s);
        expected.put(labels, s);
      }
      if (step % 997 == 0) {
        assertThat(table.size()).isEqualTo(expected.size());
      }
    }
    for (int i = 0; i < 20_000; i++) {
      Labels labels = Labels.of("__name__", "m", "i", Integer.toString(i));
      assertThat(table.get(labels)).isSameAs(expected.get(labels));
    }
  }

  @Test
  void aLabelSetRemovedAndAddedAgainIsFoundOnce() {
    SeriesByLabels table = new SeriesByLabels();
    table.add(series(1, "a"));
    table.remove(Labels.of("__name__", "m", "i", "a"));
    MemSeries again = series(2, "a");
    table.add(again);
    assertThat(table.get(again.labels())).isSameAs(again);
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void lockFreeReadersFindEverySeriesAddedBeforeTheyLookedWhileTheTableGrows() throws Exception {
    SeriesByLabels table = new SeriesByLabels();
    int total = 100_000;
    List<MemSeries> all = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      all.add(series(i + 1, "v" + i));
    }
    AtomicInteger published = new AtomicInteger();
    AtomicReference<String> miss = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      Random random = new Random(7);
      while (published.get() < total && miss.get() == null) {
        int known = published.get();
        if (known == 0) {
          continue;
        }
        MemSeries s = all.get(random.nextInt(known));
        if (table.get(s.labels()) != s) {
          miss.set("missed " + s.labels() + " with " + known + " published");
        }
      }
    });
    reader.start();
    for (MemSeries s : all) {
      table.add(s);
      published.incrementAndGet();
    }
    reader.join(30_000);
    assertThat(miss.get()).isNull();
  }
}
