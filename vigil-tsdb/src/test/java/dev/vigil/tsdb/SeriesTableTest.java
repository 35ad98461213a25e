package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesTableTest {
  @Test
  void findsWhatWasPutUnderAnyReferenceAcrossPages() {
    SeriesTable<String> table = new SeriesTable<>();
    for (long ref = 1; ref <= 5000; ref++) {
      table.put(ref, "s" + ref);
    }
    assertThat(table.get(1)).isEqualTo("s1");
    assertThat(table.get(1024)).isEqualTo("s1024");
    assertThat(table.get(5000)).isEqualTo("s5000");
    assertThat(table.get(5001)).isNull();
    assertThat(table.size()).isEqualTo(5000);
  }

  @Test
  void unknownAndNonPositiveReferencesFindNothing() {
    SeriesTable<String> table = new SeriesTable<>();
    table.put(7, "x");
    assertThat(table.get(0)).isNull();
    assertThat(table.get(-7)).isNull();
    assertThat(table.get(1L << 40)).isNull();
    assertThat(table.contains(7)).isTrue();
    assertThat(table.contains(8)).isFalse();
  }

  @Test
  void hugeReferencesFromAForeignLogGoAsideWithoutGrowingThePages() {
    SeriesTable<String> table = new SeriesTable<>();
    table.put(Long.MAX_VALUE, "far");
    table.put(SeriesTable.DIRECT_LIMIT, "edge");
    assertThat(table.get(Long.MAX_VALUE)).isEqualTo("far");
    assertThat(table.get(SeriesTable.DIRECT_LIMIT)).isEqualTo("edge");
    assertThat(table.size()).isEqualTo(2);
  }

  @Test
  void refusesReferencesBelowOne() {
    assertThatThrownBy(() -> new SeriesTable<String>().put(0, "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void removesMatchingEntriesAndCountsWhatIsLeft() {
    SeriesTable<String> table = new SeriesTable<>();
    table.put(1, "keep");
    table.put(2, "drop");
    table.put(3000, "drop");
    table.put(1L << 35, "drop");
    table.removeIf("drop"::equals);
    assertThat(table.size()).isEqualTo(1);
    assertThat(table.get(2)).isNull();
    assertThat(table.get(3000)).isNull();
    assertThat(table.get(1L << 35)).isNull();
    assertThat(table.distinctValues()).containsExactly("keep");
  }

  @Test
  void listsASeriesUnderTwoReferencesOnce() {
    SeriesTable<String> table = new SeriesTable<>();
    String series = "s";
    table.put(1, series);
    table.put(2, series);
    assertThat(table.size()).isEqualTo(2);
    assertThat(table.distinctValues()).containsExactly(series);
  }
}
