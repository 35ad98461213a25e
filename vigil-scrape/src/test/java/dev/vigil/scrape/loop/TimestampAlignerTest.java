package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimestampAlignerTest {
  private static final long MS = 1_000_000;
  private static final long START = 1_700_000_000_000L * MS;

  @Test
  void aScrapeAtMostTwoMillisecondsLateIsStampedWithItsTick() {
    TimestampAligner aligner = new TimestampAligner(15_000 * MS, START);

    assertThat(aligner.align(START + 15_000 * MS + 2 * MS)).isEqualTo(START + 15_000 * MS);
  }

  @Test
  void aScrapeLaterThanThatKeepsItsOwnTime() {
    TimestampAligner aligner = new TimestampAligner(15_000 * MS, START);

    assertThat(aligner.align(START + 15_003 * MS)).isEqualTo(START + 15_003 * MS);
  }

  @Test
  void skippedTicksMoveTheGridForward() {
    TimestampAligner aligner = new TimestampAligner(15_000 * MS, START);

    assertThat(aligner.align(START + 60_001 * MS)).isEqualTo(START + 60_000 * MS);
  }

  @Test
  void intervalsOf200MillisecondsOrLessAreNeverAligned() {
    TimestampAligner aligner = new TimestampAligner(200 * MS, START);

    assertThat(aligner.align(START + 201 * MS)).isEqualTo(START + 201 * MS);
  }
}
