package dev.vigil.tsdb.compact;

import static dev.vigil.tsdb.compact.Metas.failed;
import static dev.vigil.tsdb.compact.Metas.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.tsdb.BlockMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planning rules of Prometheus 2.42's LeveledCompactor, with ranges 20, 60, 180, 540, 1620 (the
 * default progression of factor 3, scaled down): blocks are named 1, 2, ... by start.
 */
class CompactionPlannerTest {
  private final CompactionPlanner planner = new CompactionPlanner(BlockRanges.exponential(20, 5, 3));

  private static List<String> ulids(List<BlockMeta> plan) {
    return plan.stream().map(BlockMeta::ulid).toList();
  }

  private List<String> plan(BlockMeta... blocks) {
    return ulids(planner.plan(List.of(blocks)));
  }

  @Test
  void noBlocks_planNothing() {
    assertThat(plan()).isEmpty();
  }

  @Test
  void aSingleBlock_isNeverCompacted() {
    assertThat(plan(meta("1", 0, 20))).isEmpty();
  }

  @Test
  void theNewestBlockIsLeftOut_soAFullWindowWaitsForTheNextBlock() {
    assertThat(plan(meta("1", 0, 20), meta("2", 20, 40), meta("3", 40, 60))).isEmpty();
    assertThat(plan(meta("1", 0, 20), meta("2", 20, 40), meta("3", 40, 60), meta("4", 60, 80)))
        .containsExactly("1", "2", "3");
  }

  @Test
  void aWindowWithAGap_waitsWhileTheNewestBlockCouldStillFillIt() {
    assertThat(plan(meta("1", 0, 20), meta("2", 20, 40), meta("3", 60, 80))).isEmpty();
  }

  @Test
  void aWindowWithAGap_isCompactedOnceASettledBlockStartsAfterIt() {
    assertThat(plan(meta("1", 0, 20), meta("2", 20, 40), meta("3", 60, 80), meta("4", 80, 100)))
        .containsExactly("1", "2");
  }

  @Test
  void smallerRangesAreTriedFirst() {
    assertThat(plan(meta("1", 0, 20), meta("2", 20, 40), meta("3", 40, 60), meta("4", 60, 120),
        meta("5", 120, 180))).containsExactly("1", "2", "3");
  }

  @Test
  void blocksOfOneRange_areCompactedIntoTheNextWhenTheyFillItsWindow() {
    assertThat(plan(meta("1", 0, 60), meta("2", 60, 120), meta("3", 120, 180), meta("4", 180, 240)))
        .containsExactly("1", "2", "3");
  }

  @Test
  void aLoneBlockInItsWindow_isNotCompacted() {
    assertThat(plan(meta("1", 0, 20), meta("2", 60, 80), meta("3", 120, 140), meta("4", 200, 220))).isEmpty();
  }

  @Test
  void blocksAreConsideredByStart_notInTheOrderGiven() {
    assertThat(plan(meta("4", 60, 80), meta("1", 0, 20), meta("3", 40, 60), meta("2", 20, 40)))
        .containsExactly("1", "2", "3");
  }

  @Test
  void theNewestBlockIsTheOneThatStartsLast_notTheOneWithTheLargestName() {
    assertThat(plan(meta("5", 0, 360), meta("6", 540, 560), meta("7", 360, 420), meta("8", 420, 540)))
        .containsExactly("7", "8");
  }

  @Test
  void aGroupWithABlockWhoseCompactionFailed_isNotPlannedByRange() {
    assertThat(plan(failed("1", 0, 20), meta("2", 20, 40), meta("3", 40, 60), meta("4", 60, 80))).isEmpty();
  }

  @Test
  void overlappingBlocks_comeFirst_newestIncluded() {
    assertThat(plan(meta("1", 0, 20), meta("2", 19, 40), meta("3", 40, 60))).containsExactly("1", "2");
    assertThat(plan(meta("1", 0, 20), meta("2", 20, 40), meta("3", 30, 50))).containsExactly("2", "3");
  }

  @Test
  void overlapsChainThroughALongBlock() {
    assertThat(plan(meta("1", 0, 100), meta("2", 90, 300), meta("3", 150, 200), meta("4", 250, 280)))
        .containsExactly("1", "2", "3", "4");
  }

  @Test
  void onlyTheFirstRunOfOverlappingBlocksIsPlanned() {
    assertThat(plan(meta("1", 0, 10), meta("2", 9, 20), meta("3", 30, 40), meta("4", 39, 50)))
        .containsExactly("1", "2");
  }

  @Test
  void overlappingBlocks_arePlannedEvenWhenACompactionOfThemFailed() {
    assertThat(plan(failed("1", 0, 20), meta("2", 10, 30))).containsExactly("1", "2");
  }

  @Test
  void blocksStartingTogether_areOrderedByUlid() {
    assertThat(plan(meta("b", 0, 20), meta("a", 0, 20))).containsExactly("a", "b");
  }

  @Test
  void aLongBlockWithManyTombstones_isRewrittenAloneOnceANewerBlockExists() {
    assertThat(plan(meta("1", 0, 540, 10, 3))).isEmpty();
    assertThat(plan(meta("1", 0, 540, 10, 3), meta("2", 540, 560))).containsExactly("1");
  }

  @Test
  void tombstonesMustCoverMoreThanFivePercentOfSeriesPlusOne() {
    assertThat(plan(meta("1", 0, 180, 19, 1), meta("2", 180, 200))).isEmpty();
    assertThat(plan(meta("1", 0, 180, 19, 2), meta("2", 180, 200))).containsExactly("1");
  }

  @Test
  void aBlockShorterThanTheMiddleRange_isNotRewrittenForSomeTombstones() {
    assertThat(plan(meta("1", 0, 60, 10, 3), meta("2", 60, 80))).isEmpty();
  }

  @Test
  void aShortBlockWithATombstonePerSeries_isRewrittenAlone() {
    assertThat(plan(meta("1", 0, 60, 10, 10), meta("2", 60, 80))).containsExactly("1");
  }

  @Test
  void aBlockWithNeitherSeriesNorTombstones_isNotRewritten() {
    assertThat(plan(meta("1", 0, 540, 0, 0), meta("2", 540, 560))).isEmpty();
  }

  @Test
  void tombstonesAreLookedForNewestFirst_stoppingAtTheFirstShortBlock() {
    assertThat(plan(meta("1", 0, 540, 10, 3), meta("2", 540, 1080, 10, 3), meta("3", 1080, 1100)))
        .containsExactly("2");
    assertThat(plan(meta("1", 0, 540, 10, 3), meta("2", 540, 560), meta("3", 560, 580))).isEmpty();
  }

  @Test
  void withOneRange_onlyOverlapsAndTombstonesArePlanned() {
    CompactionPlanner single = new CompactionPlanner(List.of(20L));

    assertThat(single.plan(List.of(meta("1", 0, 20), meta("2", 20, 40), meta("3", 40, 60)))).isEmpty();
    assertThat(ulids(single.plan(List.of(meta("1", 0, 20), meta("2", 10, 30))))).containsExactly("1", "2");
    assertThat(ulids(single.plan(List.of(meta("1", 0, 20, 10, 10), meta("2", 20, 40))))).containsExactly("1");
  }

  @Test
  void splitByRange_groupsBlocksByAlignedWindow_skippingBlocksThatCrossTheirs() {
    List<List<BlockMeta>> groups = CompactionPlanner.splitByRange(
        List.of(meta("1", 0, 20), meta("2", 20, 40), meta("3", 50, 70), meta("4", 70, 80), meta("5", 100, 120)), 60);

    assertThat(groups).map(CompactionPlannerTest::ulids).containsExactly(List.of("1", "2"), List.of("4", "5"));
  }

  @Test
  void splitByRange_alignsNegativeTimesDownwards() {
    List<List<BlockMeta>> groups = CompactionPlanner.splitByRange(
        List.of(meta("1", -60, -40), meta("2", -30, -10), meta("3", -10, 0), meta("4", 0, 20)), 60);

    assertThat(groups).map(CompactionPlannerTest::ulids).containsExactly(List.of("1", "2", "3"), List.of("4"));
  }

  @Test
  void rangesMustBeGivenAndPositive() {
    assertThatThrownBy(() -> new CompactionPlanner(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CompactionPlanner(List.of(0L))).isInstanceOf(IllegalArgumentException.class);
  }
}
