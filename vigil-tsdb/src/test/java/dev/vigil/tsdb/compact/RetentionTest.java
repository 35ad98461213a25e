package dev.vigil.tsdb.compact;

import static dev.vigil.tsdb.compact.Metas.compactedFrom;
import static dev.vigil.tsdb.compact.Metas.deletable;
import static dev.vigil.tsdb.compact.Metas.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.tsdb.BlockMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {
  private static final Retention TIME_300 = new Retention(300, 0);

  private static SizedBlock sized(String ulid, long maxTime, long bytes) {
    return new SizedBlock(meta(ulid, maxTime - 100, maxTime), bytes);
  }

  @Test
  void blocksEndingMoreThanTheRetentionBeforeTheNewestEnds_areBeyondTime() {
    List<BlockMeta> blocks = List.of(meta("old", 0, 500), meta("edge", 500, 700), meta("mid", 700, 900),
        meta("new", 900, 1000));

    assertThat(TIME_300.beyondTime(blocks)).containsExactly("old");
  }

  @Test
  void aBlockEndingExactlyTheRetentionBeforeTheNewest_isKept() {
    assertThat(TIME_300.beyondTime(List.of(meta("edge", 600, 700), meta("new", 900, 1000)))).isEmpty();
  }

  @Test
  void everyBlockOlderThanTheFirstBeyondTime_goesToo() {
    List<BlockMeta> blocks = List.of(meta("a", 0, 100), meta("b", 100, 200), meta("c", 200, 650),
        meta("new", 900, 1000));

    assertThat(TIME_300.beyondTime(blocks)).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void theNewestBlock_isNeverBeyondTime() {
    assertThat(new Retention(1, 0).beyondTime(List.of(meta("only", 0, 1_000_000)))).isEmpty();
  }

  @Test
  void noTimeRetention_deletesNothingByTime() {
    assertThat(new Retention(0, 0).beyondTime(List.of(meta("old", 0, 1), meta("new", 900, 1000)))).isEmpty();
  }

  @Test
  void blocksPastTheSizeLimit_countedNewestFirstAfterTheHead_areBeyondSize() {
    List<SizedBlock> blocks = List.of(sized("b1", 100, 30), sized("b2", 200, 30), sized("b3", 300, 30),
        sized("b4", 400, 30));

    assertThat(new Retention(0, 100).beyondSize(blocks, 10)).containsExactly("b1");
    assertThat(new Retention(0, 100).beyondSize(blocks, 11)).containsExactly("b1", "b2");
  }

  @Test
  void aHeadAlreadyOverTheLimit_putsEveryBlockBeyondSize() {
    assertThat(new Retention(0, 100).beyondSize(List.of(sized("b1", 100, 1), sized("b2", 200, 1)), 100))
        .containsExactly("b1", "b2");
  }

  @Test
  void blocksEndingTogether_areCountedInTheOrderGiven() {
    assertThat(new Retention(0, 15).beyondSize(List.of(sized("x", 100, 10), sized("y", 100, 10)), 0))
        .containsExactly("y");
  }

  @Test
  void noSizeRetention_deletesNothingBySize() {
    assertThat(new Retention(0, 0).beyondSize(List.of(sized("b", 100, 1L << 40)), 1L << 40)).isEmpty();
    assertThat(new Retention(0, -1).beyondSize(List.of(sized("b", 100, 1L << 40)), 0)).isEmpty();
  }

  @Test
  void blocksMarkedDeletable_areDeleted() {
    assertThat(Retention.markedDeletable(List.of(meta("keep", 0, 10), deletable("empty", 10, 20))))
        .containsExactly("empty");
  }

  @Test
  void parentsOfACompactedBlock_areDeleted_evenWhenAlreadyGone() {
    List<BlockMeta> blocks = List.of(meta("p1", 0, 10), compactedFrom("child", 0, 20, "p1", "p2"));

    assertThat(Retention.compactedParents(blocks)).containsExactly("p1", "p2");
  }

  @Test
  void deletions_gatherEveryReason() {
    Retention retention = new Retention(300, 25);
    List<SizedBlock> blocks = List.of(
        new SizedBlock(meta("old", 0, 500), 1),
        new SizedBlock(deletable("empty", 500, 600), 1),
        new SizedBlock(meta("p", 600, 800), 10),
        new SizedBlock(compactedFrom("child", 600, 900, "p"), 10),
        new SizedBlock(meta("new", 900, 1000), 10));

    BlockDeletions d = retention.deletions(blocks, 0);

    assertThat(d.beyondTime()).containsExactly("empty", "old");
    assertThat(d.beyondSize()).containsExactly("empty", "old", "p");
    assertThat(d.markedDeletable()).containsExactly("empty");
    assertThat(d.compactedParents()).containsExactly("p");
    assertThat(d.all()).containsExactly("empty", "old", "p");
  }

  @Test
  void aNegativeTimeRetention_isRefused() {
    assertThatThrownBy(() -> new Retention(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
