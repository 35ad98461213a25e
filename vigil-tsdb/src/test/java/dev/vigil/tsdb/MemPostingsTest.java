package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.tsdb.index.PostingsOps;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemPostingsTest {
  private static final Labels A = Labels.of("__name__", "m", "job", "a");

  @Test
  void listsReferencesOfALabelPairInOrderAcrossGrowth() {
    MemPostings postings = new MemPostings();
    for (long ref = 1; ref <= 1000; ref++) {
      postings.add(ref, A);
    }
    long[] refs = PostingsOps.toArray(postings.postings("job", "a"));
    assertThat(refs).hasSize(1000);
    assertThat(refs[0]).isEqualTo(1);
    assertThat(refs[999]).isEqualTo(1000);
  }

  @Test
  void aReferenceBeyondAnIntKeepsTheListWholeAndOrdered() {
    MemPostings postings = new MemPostings();
    postings.add(5, A);
    postings.add(Integer.MAX_VALUE, A);
    postings.add(1L << 40, A);
    postings.add(Long.MAX_VALUE - 1, A);
    assertThat(PostingsOps.toArray(postings.postings("job", "a")))
        .containsExactly(5, Integer.MAX_VALUE, 1L << 40, Long.MAX_VALUE - 1);
    assertThat(PostingsOps.toArray(postings.allPostings())).hasSize(4);
  }

  @Test
  void deletedSeriesLeaveTheRestInOrderInEitherWidth() {
    MemPostings postings = new MemPostings();
    for (long ref = 1; ref <= 6; ref++) {
      postings.add(ref, A);
    }
    postings.add(1L << 33, A);
    postings.delete(Map.of(2L, A, 4L, A));
    assertThat(PostingsOps.toArray(postings.postings("job", "a"))).containsExactly(1, 3, 5, 6, 1L << 33);
    postings.delete(Map.of(1L, A, 3L, A, 5L, A, 6L, A, 1L << 33, A));
    assertThat(postings.labelValues("job")).isEmpty();
  }
}
