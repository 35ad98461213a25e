package dev.vigil.tsdb.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BlockRangesTest {
  private static long hours(long h) {
    return Duration.ofHours(h).toMillis();
  }

  @Test
  void exponential_multipliesEachStep() {
    assertThat(BlockRanges.exponential(20, 5, 3)).containsExactly(20L, 60L, 180L, 540L, 1620L);
  }

  @Test
  void defaultFlags_giveTwoHoursUpToTheThirtyOneDayMaximum() {
    assertThat(BlockRanges.forBlockDurations(hours(2), BlockRanges.defaultMaxBlockDuration(0)))
        .containsExactly(hours(2), hours(6), hours(18), hours(54), hours(162), hours(486));
  }

  @Test
  void defaultRetentionOfFifteenDays_capsBlocksAtADayAndAHalf() {
    assertThat(BlockRanges.defaultMaxBlockDuration(Duration.ofDays(15).toMillis())).isEqualTo(hours(36));
    assertThat(BlockRanges.forBlockDurations(hours(2), hours(36))).containsExactly(hours(2), hours(6), hours(18));
  }

  @Test
  void longRetention_keepsTheThirtyOneDayMaximum() {
    assertThat(BlockRanges.defaultMaxBlockDuration(Duration.ofDays(365).toMillis()))
        .isEqualTo(Duration.ofDays(31).toMillis());
  }

  @Test
  void aMaximumEqualToARange_includesIt() {
    assertThat(BlockRanges.forBlockDurations(hours(2), hours(6))).containsExactly(hours(2), hours(6));
  }

  @Test
  void aMaximumBelowTheMinimum_leavesTheMinimumAlone() {
    assertThat(BlockRanges.forBlockDurations(hours(2), hours(1))).containsExactly(hours(2));
  }

  @Test
  void rangesStopAfterTenSteps() {
    assertThat(BlockRanges.forBlockDurations(1, Long.MAX_VALUE)).hasSize(10).last().isEqualTo(19683L);
  }

  @Test
  void aMinimumThatIsNotPositive_isRefused() {
    assertThatThrownBy(() -> BlockRanges.forBlockDurations(0, hours(2))).isInstanceOf(IllegalArgumentException.class);
  }
}
