package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChunkArenaTest {
  private final ChunkArena arena = new ChunkArena();

  @Test
  void aSlotIsTheSmallestSizeThatHoldsTheRequest() {
    assertThat(arena.allocate(1).capacity()).isEqualTo(32);
    assertThat(arena.allocate(32).capacity()).isEqualTo(32);
    assertThat(arena.allocate(33).capacity()).isEqualTo(40);
    assertThat(arena.allocate(300).capacity()).isEqualTo(312);
    assertThat(ChunkArena.capacityFor(33)).isEqualTo(40);
  }

  @Test
  void everyRequestGetsTheSmallestSizeThatHoldsIt() {
    int previous = 0;
    for (int request = 1; request <= ChunkArena.PAGE_BYTES / 8 + 100; request++) {
      int size = ChunkArena.capacityFor(request);
      assertThat(size).as("request %d", request).isGreaterThanOrEqualTo(request).isGreaterThanOrEqualTo(previous);
      assertThat(ChunkArena.capacityFor(size)).as("size %d is one", size).isEqualTo(size);
      previous = size;
    }
  }

  @Test
  void sizesAreAboutNineteenPercentApart() {
    int previous = ChunkArena.capacityFor(32);
    for (int request = 33; request <= ChunkArena.PAGE_BYTES / 8; request++) {
      int size = ChunkArena.capacityFor(request);
      if (size != previous) {
        assertThat((double) size / previous).as("step to %d", size).isBetween(1.1, 1.3);
        previous = size;
      }
    }
  }

  @Test
  void slotsInUseNeverOverlap() {
    Random random = new Random(11);
    List<ChunkArena.Slot> live = new ArrayList<>();
    List<Byte> marks = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      if (!live.isEmpty() && random.nextInt(3) == 0) {
        int victim = random.nextInt(live.size());
        ChunkArena.Slot gone = live.remove(victim);
        marks.remove(victim);
        arena.release(gone.page(), gone.start());
        continue;
      }
      ChunkArena.Slot slot = arena.allocate(1 + random.nextInt(3000));
      byte mark = (byte) i;
      Arrays.fill(slot.page(), slot.start(), slot.start() + slot.capacity(), mark);
      live.add(slot);
      marks.add(mark);
    }
    for (int i = 0; i < live.size(); i++) {
      ChunkArena.Slot slot = live.get(i);
      for (int b = slot.start(); b < slot.start() + slot.capacity(); b++) {
        assertThat(slot.page()[b]).as("slot %d byte %d", i, b).isEqualTo(marks.get(i));
      }
    }
  }

  @Test
  void aReleasedSlotIsTheNextOfItsSize() {
    ChunkArena.Slot first = arena.allocate(100);
    arena.allocate(100);
    arena.release(first.page(), first.start());

    ChunkArena.Slot again = arena.allocate(100);

    assertThat(again.page()).isSameAs(first.page());
    assertThat(again.start()).isEqualTo(first.start());
  }

  @Test
  void aPageWhoseSlotsAreAllReleasedServesAnotherSize() {
    List<ChunkArena.Slot> small = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      small.add(arena.allocate(32));
    }
    assertThat(arena.reservedBytes()).isEqualTo(ChunkArena.PAGE_BYTES);
    small.forEach(s -> arena.release(s.page(), s.start()));

    ChunkArena.Slot large = arena.allocate(4000);

    assertThat(large.page()).isSameAs(small.get(0).page());
    assertThat(arena.reservedBytes()).isEqualTo(ChunkArena.PAGE_BYTES);
  }

  @Test
  void pagesEmptiedWhileChunksGrowServeLargerSlotsInsteadOfNewPages() {
    // 41 pages of small slots, 8 of which empty: a quarter of the pages still held when the last of
    // the 8 is emptied (33 or more) leaves room to keep all 8, one in 32 would keep 4.
    List<ChunkArena.Slot> small = new ArrayList<>();
    List<byte[]> pages = new ArrayList<>();
    while (pages.size() < 41) {
      ChunkArena.Slot slot = arena.allocate(32);
      if (pages.isEmpty() || pages.get(pages.size() - 1) != slot.page()) {
        pages.add(slot.page());
      }
      small.add(slot);
    }
    List<byte[]> emptied = pages.subList(0, 8);
    small.stream().filter(s -> emptied.stream().anyMatch(p -> p == s.page()))
        .forEach(s -> arena.release(s.page(), s.start()));

    List<byte[]> served = new ArrayList<>();
    int largePerPage = (ChunkArena.PAGE_BYTES - ChunkArena.HEADER) / ChunkArena.capacityFor(4000);
    for (int i = 0; i < 8 * largePerPage; i++) {
      byte[] page = arena.allocate(4000).page();
      if (served.stream().noneMatch(p -> p == page)) {
        served.add(page);
      }
    }

    assertThat(served).hasSize(8).allMatch(p -> emptied.stream().anyMatch(e -> e == p));
  }

  @Test
  void seriesGrowingTogether_holdPagesCloseToTheirSlots() {
    // 20k chunks growing in steps of a few bytes, as a head's first chunks do after a start, each
    // moving out of an evacuated page at its next append as a head's series do.
    int series = 20_000;
    ChunkArena.Slot[] slots = new ChunkArena.Slot[series];
    int[] length = new int[series];
    Random random = new Random(5);
    for (int i = 0; i < series; i++) {
      slots[i] = arena.allocate(32);
    }
    for (int round = 0; round < 120; round++) {
      for (int i = 0; i < series; i++) {
        if (ChunkArena.isEvacuating(slots[i].page())) {
          ChunkArena.Slot moved = arena.allocate(slots[i].capacity());
          arena.release(slots[i].page(), slots[i].start());
          slots[i] = moved;
        }
        length[i] += 1 + random.nextInt(9);
        if (length[i] + 8 > slots[i].capacity()) {
          ChunkArena.Slot bigger = arena.allocate(length[i] + 8);
          arena.release(slots[i].page(), slots[i].start());
          slots[i] = bigger;
        }
      }
    }
    long payload = Arrays.stream(length).asLongStream().sum();

    assertThat(arena.usedBytes()).isLessThan((long) (payload * 1.25));
    assertThat(arena.reservedBytes()).isLessThan((long) (arena.usedBytes() * 1.15));
  }

  @Test
  void aPageLessThanThreeQuartersUsedIsEvacuatedAndTakesNoMoreChunks() {
    List<ChunkArena.Slot> slots = new ArrayList<>();
    do {
      slots.add(arena.allocate(4096));
    } while (slots.get(slots.size() - 1).page() == slots.get(0).page());
    List<ChunkArena.Slot> first = slots.subList(0, slots.size() - 1);
    int perPage = first.size();
    byte[] page = first.get(0).page();
    while (!ChunkArena.isEvacuating(page)) {
      ChunkArena.Slot gone = first.remove(first.size() - 1);
      arena.release(gone.page(), gone.start());
    }

    assertThat(4 * first.size()).isLessThan(3 * perPage);
    assertThat(4 * (first.size() + 1)).isGreaterThanOrEqualTo(3 * perPage);
    for (int i = 0; i < 3 * perPage; i++) {
      assertThat(arena.allocate(4096).page()).isNotSameAs(page);
    }
    while (!first.isEmpty()) {
      ChunkArena.Slot gone = first.remove(0);
      arena.release(gone.page(), gone.start());
    }
    ChunkArena.Slot reused = arena.allocate(32);
    assertThat(reused.page()).isSameAs(page);
    assertThat(ChunkArena.isEvacuating(page)).isFalse();
  }

  @Test
  void aPageStillBeingHandedOutIsNotEvacuated() {
    ChunkArena.Slot a = arena.allocate(4096);
    ChunkArena.Slot b = arena.allocate(4096);
    arena.release(a.page(), a.start());

    assertThat(ChunkArena.isEvacuating(b.page())).isFalse();
    assertThat(arena.allocate(4096).page()).isSameAs(b.page());
  }

  @Test
  void aRequestBeyondTheLargestSizeGetsAPageOfItsOwnThatGoesWhenReleased() {
    ChunkArena.Slot own = arena.allocate(100_000);

    assertThat(own.capacity()).isEqualTo(100_000);
    assertThat(own.page().length - own.start()).isEqualTo(100_000);
    arena.release(own.page(), own.start());
    assertThat(arena.reservedBytes()).isZero();
    assertThat(arena.usedBytes()).isZero();
  }

  @Test
  void releasingWhatTheArenaDidNotHandOutIsRefused() {
    ChunkArena.Slot slot = arena.allocate(64);

    assertThatThrownBy(() -> arena.release(new byte[ChunkArena.PAGE_BYTES], 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> arena.release(slot.page(), slot.start() + 8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> arena.release(slot.page(), slot.start() + 64 * 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> arena.allocate(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void threadsAllocatingAndReleasingTogetherKeepTheirSlotsToThemselves() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        byte mark = (byte) (t + 1);
        results.add(pool.submit(() -> {
          Random random = new Random(mark);
          List<ChunkArena.Slot> mine = new ArrayList<>();
          for (int i = 0; i < 5_000; i++) {
            ChunkArena.Slot slot = arena.allocate(16 + random.nextInt(600));
            Arrays.fill(slot.page(), slot.start(), slot.start() + slot.capacity(), mark);
            mine.add(slot);
            if (mine.size() > 50) {
              ChunkArena.Slot gone = mine.remove(random.nextInt(mine.size()));
              arena.release(gone.page(), gone.start());
            }
          }
          for (ChunkArena.Slot slot : mine) {
            for (int b = slot.start(); b < slot.start() + slot.capacity(); b++) {
              if (slot.page()[b] != mark) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
