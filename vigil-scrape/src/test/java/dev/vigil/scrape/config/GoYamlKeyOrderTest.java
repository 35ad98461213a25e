package dev.vigil.scrape.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoYamlKeyOrderTest {
  private static List<String> sorted(String... keys) {
    return List.of(keys).stream().sorted(GoYamlKeyOrder.INSTANCE).toList();
  }

  @Test
  void digitRunsCompareAsNumbers() {
    assertThat(sorted("a10", "a9", "a2", "a1")).containsExactly("a1", "a2", "a9", "a10");
  }

  @Test
  void lettersSortAfterEveryOtherCharacterAndByCodePointAmongThemselves() {
    assertThat(sorted("b", "A", "a", "B")).containsExactly("A", "B", "a", "b");
    assertThat(sorted("b", "_u", "A", "a_", "a1", "", "1")).containsExactly("", "_u", "1", "A", "a_", "a1", "b");
  }

  @Test
  void aCharacterThatIsNeitherLetterNorDigitCountsAsTheNumberZero() {
    assertThat(sorted("a1", "a_", "a0")).containsExactly("a_", "a0", "a1");
  }

  @Test
  void aShorterKeySortsFirstWhenItIsAPrefix() {
    assertThat(sorted("ab", "a")).containsExactly("a", "ab");
  }

  @Test
  void equalNumbersWithMoreDigitsSortLater() {
    assertThat(sorted("a01", "a1")).containsExactly("a1", "a01");
  }
}
