package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongKeyMapTest {
  private final LongKeyMap<String> map = new LongKeyMap<>();

  private Map<Long, String> contents() {
    Map<Long, String> out = new HashMap<>();
    for (int slot = 0; slot < map.capacity(); slot++) {
      if (map.valueAt(slot) != null) {
        out.put(map.keyAt(slot), map.valueAt(slot));
      }
    }
    return out;
  }

  @Test
  void zeroAndNegativeKeysAreKeysLikeAnyOther() {
    map.put(0, "zero");
    map.put(-1, "minus one");

    assertThat(map.containsKey(0)).isTrue();
    assertThat(map.containsKey(-1)).isTrue();
    assertThat(map.containsKey(1)).isFalse();
    assertThat(contents()).containsOnly(Map.entry(0L, "zero"), Map.entry(-1L, "minus one"));
  }

  @Test
  void putReplacesTheValueOfAKnownKey() {
    map.put(7, "a");
    map.put(7, "b");

    assertThat(map.size()).isEqualTo(1);
    assertThat(contents()).containsOnly(Map.entry(7L, "b"));
  }

  @Test
  void clearEmptiesTheMap() {
    map.put(1, "a");
    map.clear();

    assertThat(map.size()).isZero();
    assertThat(map.containsKey(1)).isFalse();
    assertThat(contents()).isEmpty();
  }

  @Test
  void refusesNullValues() {
    assertThatThrownBy(() -> map.put(1, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void holdsWhatAHashMapHoldsAfterManyRandomPuts() {
    Random random = new Random(7);
    Map<Long, String> expected = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      long key = random.nextInt(20_000) * 0x1_0000_0000L;
      map.put(key, "v" + i);
      expected.put(key, "v" + i);
    }

    assertThat(map.size()).isEqualTo(expected.size());
    assertThat(contents()).isEqualTo(expected);
  }
}
