package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesTextMapTest {
  /** An entry with a value, for these tests. */
  private static final class Valued extends SeriesTextMap.Keyed {
    final String value;

    Valued(SeriesTextMap.TextKey key, String value) {
      super(key);
      this.value = value;
    }
  }

  private final SeriesTextMap<Valued> map = new SeriesTextMap<>();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Puts the text with its value; returns the value it replaced, or null. */
  private String put(String text, String value) {
    Valued previous = map.put(new Valued(map.keyOf(bytes(text), 0, text.length()), value));
    return previous == null ? null : previous.value;
  }

  private String get(String text) {
    return valueOf(map.get(bytes(text), 0, text.length(), null));
  }

  private static String valueOf(Valued entry) {
    return entry == null ? null : entry.value;
  }

  @Test
  void findsATextByARangeOfALargerBuffer() {
    put("a{x=\"1\"}", "one");
    byte[] body = bytes("b 2\na{x=\"1\"} 1\n");

    assertThat(valueOf(map.get(body, 4, 12, null))).isEqualTo("one");
    assertThat(map.get(body, 4, 11, null)).isNull();
  }

  @Test
  void anExpectedEntryIsTakenWhenTheTextIsItsOwn() {
    put("a", "a");
    Valued guess = new Valued(map.keyOf(bytes("a"), 0, 1), "guess");

    assertThat(valueOf(map.get(bytes("a"), 0, 1, guess))).isEqualTo("guess");
  }

  @Test
  void aWrongGuessFallsBackToTheTable() {
    put("a", "a");
    put("b", "b");
    Valued guessB = map.get(bytes("b"), 0, 1, null);

    assertThat(valueOf(map.get(bytes("a"), 0, 1, guessB))).isEqualTo("a");
    assertThat(map.get(bytes("c"), 0, 1, guessB)).isNull();
  }

  @Test
  void keepsTheKeyButNotTheBytesItWasMadeFrom() {
    byte[] body = bytes("a 1\n");
    map.put(new Valued(map.keyOf(body, 0, 1), "a"));
    body[0] = 'b';

    assertThat(get("a")).isEqualTo("a");
    assertThat(get("b")).isNull();
  }

  @Test
  void putReplacesAndReturnsThePreviousValue() {
    put("a", "first");

    assertThat(put("a", "second")).isEqualTo("first");
    assertThat(get("a")).isEqualTo("second");
    assertThat(map.size()).isEqualTo(1);
  }

  @Test
  void mapsDrawTheirOwnSeeds() {
    SeriesTextMap<Valued> other = new SeriesTextMap<>();

    assertThat(other.keyOf(bytes("up"), 0, 2)).isNotEqualTo(map.keyOf(bytes("up"), 0, 2));
  }

  @Test
  void theEmptyTextIsAKeyLikeAnyOther() {
    put("", "empty");

    assertThat(get("")).isEqualTo("empty");
  }

  @Test
  void removeIfKeepsEverySurvivorFindable() {
    for (int i = 0; i < 10_000; i++) {
      put("series_" + i, i % 3 == 0 ? "doomed" : "kept" + i);
    }

    map.removeIf(entry -> entry.value.equals("doomed"));

    assertThat(map.size()).isEqualTo(10_000 - 3334);
    for (int i = 0; i < 10_000; i++) {
      assertThat(get("series_" + i)).isEqualTo(i % 3 == 0 ? null : "kept" + i);
    }
  }

  @Test
  void agreesWithAHashMapOnRandomTextsPutsAndRemovals() {
    Random random = new Random(42);
    Map<String, String> expected = new HashMap<>();
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < 500; i++) {
        String text = "m{v=\"" + random.nextInt(2_000) + "\"}";
        String value = "r" + round + "i" + i;
        assertThat(put(text, value)).isEqualTo(expected.put(text, value));
      }
      String doomedRound = "r" + random.nextInt(round + 1) + "i";
      map.removeIf(entry -> entry.value.startsWith(doomedRound));
      expected.values().removeIf(value -> value.startsWith(doomedRound));
      assertThat(map.size()).isEqualTo(expected.size());
    }
    for (int v = 0; v < 2_000; v++) {
      String text = "m{v=\"" + v + "\"}";
      assertThat(get(text)).isEqualTo(expected.get(text));
    }
  }
}
