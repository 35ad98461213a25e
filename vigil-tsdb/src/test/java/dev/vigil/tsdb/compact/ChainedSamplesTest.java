package dev.vigil.tsdb.compact;

import static dev.vigil.tsdb.compact.TestChunks.run;
import static dev.vigil.tsdb.compact.TestChunks.samples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.storage.SampleIterator;
import dev.vigil.tsdb.compact.TestChunks.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainedSamplesTest {
  @Test
  void disjointRuns_interleaveInTimeOrder() {
    ChainedSamples chained = new ChainedSamples(List.of(run(1, 0, 20, 40), run(2, 10, 30)));

    assertThat(samples(chained)).extracting(Sample::t).containsExactly(0L, 10L, 20L, 30L, 40L);
  }

  @Test
  void aTimestampInSeveralRuns_comesOutOnce() {
    ChainedSamples chained = new ChainedSamples(List.of(run(1, 0, 10, 20), run(1, 10, 20, 30), run(1, 20)));

    assertThat(samples(chained)).extracting(Sample::t).containsExactly(0L, 10L, 20L, 30L);
  }

  @Test
  void twoRunsAtOneTimestamp_theRunWaitingInTheHeapWins() {
    // The first run is current; the second waits in the heap, and a tie hands over to it.
    ChainedSamples chained = new ChainedSamples(List.of(run(1, 5), run(2, 5)));

    assertThat(samples(chained)).containsExactly(new Sample(5, 2));
  }

  @Test
  void threeRunsAtOneTimestamp_theMiddleRunWins_asGosHeapMovesGive() {
    ChainedSamples chained = new ChainedSamples(List.of(run(1, 5), run(2, 5), run(3, 5)));

    assertThat(samples(chained)).containsExactly(new Sample(5, 2));
  }

  @Test
  void tiesAlongTwoRuns_goToWhicheverRunIsNotCurrentAtTheTie() {
    ChainedSamples chained = new ChainedSamples(List.of(run(0, 10, 20), run(1, 0, 10, 20, 30)));

    assertThat(samples(chained)).containsExactly(new Sample(0, 1), new Sample(10, 0), new Sample(20, 0),
        new Sample(30, 1));
  }

  @Test
  void emptyRuns_yieldNothing() {
    ChainedSamples chained = new ChainedSamples(List.of(SampleIterator.EMPTY, SampleIterator.EMPTY));

    assertThat(chained.next()).isFalse();
    assertThat(chained.next()).isFalse();
  }
}
