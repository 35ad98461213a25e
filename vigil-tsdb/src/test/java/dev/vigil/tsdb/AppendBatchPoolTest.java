package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppendBatchPoolTest {
  private final AppendBatchPool pool = new AppendBatchPool();
  private final MemSeries series = new MemSeries(1, Labels.of("job", "a"), new SeriesChunking(7_200_000, new ChunkArena()));

  private static void fill(AppendBatch batch, MemSeries s, int samples) {
    for (int i = 0; i < samples; i++) {
      batch.add(s, i, i);
    }
  }

  @Test
  void acquire_afterRelease_handsOutTheSameBatchWithItsGrownArrays() {
    AppendBatch batch = pool.acquire();
    fill(batch, series, 2000);
    int grown = batch.capacity();
    pool.release(batch);

    AppendBatch again = pool.acquire();

    assertThat(again).isSameAs(batch);
    assertThat(again.capacity()).isEqualTo(grown);
  }

  @Test
  void release_emptiesTheBatchAndLetsGoOfItsSeries() {
    AppendBatch batch = pool.acquire();
    fill(batch, series, 3);

    pool.release(batch);

    assertThat(batch.size).isZero();
    assertThat(batch.series).containsOnlyNulls();
  }

  @Test
  void release_ofABatchGrownPastTheKeptCapacity_dropsIt() {
    AppendBatch huge = pool.acquire();
    fill(huge, series, AppendBatchPool.MAX_KEPT_CAPACITY + 1);

    pool.release(huge);

    assertThat(pool.acquire()).isNotSameAs(huge);
  }

  @Test
  void release_beyondTheKeptCount_dropsTheSurplus() {
    List<AppendBatch> released = new ArrayList<>();
    for (int i = 0; i <= AppendBatchPool.MAX_KEPT; i++) {
      released.add(pool.acquire());
    }
    released.forEach(pool::release);

    Set<AppendBatch> reused = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i <= AppendBatchPool.MAX_KEPT; i++) {
      AppendBatch b = pool.acquire();
      if (released.stream().anyMatch(r -> r == b)) {
        reused.add(b);
      }
    }

    assertThat(reused).hasSize(AppendBatchPool.MAX_KEPT);
  }
}
