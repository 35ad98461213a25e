package dev.vigil.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.model.Seeded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void of_unsortedNames_sortsByName() {
    Labels ls = Labels.of("job", "api", "__name__", "up", "instance", "h:9090");

    assertThat(names(ls)).containsExactly("__name__", "instance", "job");
    assertThat(ls.value(0)).isEqualTo("up");
    assertThat(ls.value(1)).isEqualTo("h:9090");
    assertThat(ls.value(2)).isEqualTo("api");
  }

  @Test
  void of_namesOutsideBmp_sortsInUtf8Order() {
    Labels ls = Labels.of("\uD83D\uDE00", "1", "\uFFFD", "2", "a", "3");

    assertThat(names(ls)).containsExactly("a", "\uFFFD", "\uD83D\uDE00");
  }

  @Test
  void of_duplicateName_throwsNamingIt() {
    assertThatThrownBy(() -> Labels.of("job", "a", "instance", "x", "job", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job");
  }

  @Test
  void of_oddNumberOfArguments_throws() {
    assertThatThrownBy(() -> Labels.of("job", "a", "instance"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_nullValue_throws() {
    assertThatThrownBy(() -> Labels.of("job", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_noArguments_isEmpty() {
    assertThat(Labels.of()).isEqualTo(Labels.EMPTY);
    assertThat(Labels.of().isEmpty()).isTrue();
    assertThat(Labels.of().size()).isZero();
  }

  @Test
  void fromMap_buildsSortedSet() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("b", "2");
    map.put("a", "1");

    assertThat(Labels.fromMap(map)).isEqualTo(Labels.of("a", "1", "b", "2"));
  }

  @Test
  void get_presentName_returnsValue() {
    Labels ls = Labels.of("a", "1", "b", "2", "c", "3");

    assertThat(ls.get("a")).isEqualTo("1");
    assertThat(ls.get("b")).isEqualTo("2");
    assertThat(ls.get("c")).isEqualTo("3");
  }

  @Test
  void get_missingName_returnsNull() {
    assertThat(Labels.of("a", "1", "c", "3").get("b")).isNull();
    assertThat(Labels.EMPTY.get("a")).isNull();
  }

  @Test
  void getOrEmpty_missingName_returnsEmptyString() {
    assertThat(Labels.of("a", "1").getOrEmpty("job")).isEmpty();
    assertThat(Labels.of("a", "1").getOrEmpty("a")).isEqualTo("1");
  }

  @Test
  void has_reportsPresence() {
    Labels ls = Labels.of("a", "");
    assertThat(ls.has("a")).isTrue();
    assertThat(ls.has("b")).isFalse();
  }

  @Test
  void forEach_visitsLabelsInOrder() {
    List<String> seen = new ArrayList<>();
    Labels.of("b", "2", "a", "1").forEach((n, v) -> seen.add(n + "=" + v));

    assertThat(seen).containsExactly("a=1", "b=2");
  }

  @Test
  void equals_sameLabelsInAnyInsertionOrder_equalWithSameHash() {
    Labels x = Labels.of("a", "1", "b", "2");
    Labels y = Labels.of("b", "2", "a", "1");

    assertThat(x).isEqualTo(y);
    assertThat(x.hashCode()).isEqualTo(y.hashCode());
    assertThat(x.compareTo(y)).isZero();
  }

  @Test
  void equals_differentValue_notEqual() {
    assertThat(Labels.of("a", "1")).isNotEqualTo(Labels.of("a", "2"));
  }

  @Test
  void equals_nameAndValueSwappedBetweenLabels_notEqual() {
    assertThat(Labels.of("a", "b")).isNotEqualTo(Labels.of("b", "a"));
  }

  @Test
  void equals_extraLabel_notEqual() {
    assertThat(Labels.of("a", "1")).isNotEqualTo(Labels.of("a", "1", "b", ""));
  }

  @Test
  void equals_otherType_notEqual() {
    assertThat(Labels.of("a", "1")).isNotEqualTo("{a=\"1\"}");
  }

  @Test
  void compareTo_differentNames_ordersByNameBeforeValue() {
    // Pairwise: the first label's name decides before its value is looked at.
    assertThat(Labels.of("a", "9").compareTo(Labels.of("b", "1"))).isNegative();
    assertThat(Labels.of("b", "1").compareTo(Labels.of("a", "9"))).isPositive();
  }

  @Test
  void compareTo_sameNames_ordersByValue() {
    assertThat(Labels.of("a", "1", "b", "9").compareTo(Labels.of("a", "2", "b", "0"))).isNegative();
  }

  @Test
  void compareTo_laterLabelDiffers_ordersByThatLabel() {
    assertThat(Labels.of("a", "1", "b", "1").compareTo(Labels.of("a", "1", "c", "0"))).isNegative();
  }

  @Test
  void compareTo_prefix_sortsFirst() {
    assertThat(Labels.of("a", "1").compareTo(Labels.of("a", "1", "b", "2"))).isNegative();
    assertThat(Labels.of("a", "1", "b", "2").compareTo(Labels.of("a", "1"))).isPositive();
    assertThat(Labels.EMPTY.compareTo(Labels.of("a", ""))).isNegative();
  }

  @Test
  void compareTo_valuesOutsideBmp_useUtf8Order() {
    assertThat(Labels.of("a", "\uFFFD").compareTo(Labels.of("a", "\uD83D\uDE00"))).isNegative();
  }

  @Test
  void compareTo_randomLabelSets_agreesWithUtf8ReferenceComparator() {
    Seeded.run(r -> {
      for (int i = 0; i < 20_000; i++) {
        Map<String, String> a = randomLabelMap(r);
        Map<String, String> b = r.nextInt(3) == 0 ? mutate(r, a) : randomLabelMap(r);
        Labels x = Labels.fromMap(a);
        Labels y = Labels.fromMap(b);
        assertThat(Integer.signum(x.compareTo(y)))
            .as("compare(%s, %s)", x, y)
            .isEqualTo(Integer.signum(referenceCompare(a, b)));
        assertThat(x.equals(y)).as("equals(%s, %s)", x, y).isEqualTo(a.equals(b));
      }
    });
  }

  @Test
  void of_randomLabels_namesStrictlyIncreaseInUtf8Order() {
    Seeded.run(r -> {
      for (int i = 0; i < 5_000; i++) {
        Labels ls = Labels.fromMap(randomLabelMap(r));
        for (int j = 1; j < ls.size(); j++) {
          assertThat(RandomStrings.compareUtf8(ls.name(j - 1), ls.name(j))).as("%s", ls).isNegative();
        }
      }
    });
  }

  @Test
  void get_randomLabels_findsEveryName() {
    Seeded.run(r -> {
      for (int i = 0; i < 5_000; i++) {
        Map<String, String> map = randomLabelMap(r);
        Labels ls = Labels.fromMap(map);
        map.forEach((n, v) -> assertThat(ls.get(n)).as("%s get %s", ls, GoQuote.quote(n)).isEqualTo(v));
        String absent = RandomStrings.string(r, 3);
        if (!map.containsKey(absent)) {
          assertThat(ls.get(absent)).isNull();
        }
      }
    });
  }

  @Test
  void toString_rendersLikePrometheus() {
    Labels ls = Labels.of("job", "a\"b\n", "__name__", "up");

    assertThat(ls).hasToString("{__name__=\"up\", job=\"a\\\"b\\n\"}");
  }

  @Test
  void toString_empty_isBraces() {
    assertThat(Labels.EMPTY).hasToString("{}");
  }

  @Test
  void toString_controlAndNonPrintableCharacters_useGoEscapes() {
    Labels ls = Labels.of("a", "\u0001\u2028", "b", "caf\u00e9 \uD83D\uDE00");

    assertThat(ls).hasToString("{a=\"\\x01\\u2028\", b=\"caf\u00e9 \uD83D\uDE00\"}");
  }

  @Test
  void toBuilder_setAndRemove_deriveChangedCopy() {
    Labels base = Labels.of("a", "1", "b", "2");

    Labels derived = base.toBuilder().set("a", "9").remove("b").set("c", "3").build();

    assertThat(derived).isEqualTo(Labels.of("a", "9", "c", "3"));
    assertThat(base).isEqualTo(Labels.of("a", "1", "b", "2"));
  }

  private static List<String> names(Labels ls) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ls.size(); i++) {
      out.add(ls.name(i));
    }
    return out;
  }

  private static Map<String, String> randomLabelMap(Random r) {
    Map<String, String> map = new LinkedHashMap<>();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      map.put(RandomStrings.string(r, 3), RandomStrings.string(r, 3));
    }
    return map;
  }

  /** A copy with one change (value, name, added or removed label), so compared sets often share a prefix. */
  private static Map<String, String> mutate(Random r, Map<String, String> original) {
    Map<String, String> map = new LinkedHashMap<>(original);
    List<String> keys = new ArrayList<>(map.keySet());
    int op = r.nextInt(4);
    if (keys.isEmpty() || op == 0) {
      map.put(RandomStrings.string(r, 3), RandomStrings.string(r, 3));
    } else {
      String key = keys.get(r.nextInt(keys.size()));
      if (op == 1) {
        map.put(key, RandomStrings.string(r, 3));
      } else if (op == 2) {
        map.remove(key);
      } else {
        String value = map.remove(key);
        map.put(key + RandomStrings.string(r, 1), value);
      }
    }
    return map;
  }

  /** Prometheus's labels.Compare over sets sorted by UTF-8 bytes: name, then value, pairwise; prefix first. */
  private static int referenceCompare(Map<String, String> a, Map<String, String> b) {
    List<Map.Entry<String, String>> x = new ArrayList<>(sortedByUtf8(a).entrySet());
    List<Map.Entry<String, String>> y = new ArrayList<>(sortedByUtf8(b).entrySet());
    int n = Math.min(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      int c = RandomStrings.compareUtf8(x.get(i).getKey(), y.get(i).getKey());
      if (c != 0) {
        return c;
      }
      c = RandomStrings.compareUtf8(x.get(i).getValue(), y.get(i).getValue());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  private static TreeMap<String, String> sortedByUtf8(Map<String, String> m) {
    TreeMap<String, String> sorted = new TreeMap<>(RandomStrings::compareUtf8);
    sorted.putAll(m);
    return sorted;
  }
}
