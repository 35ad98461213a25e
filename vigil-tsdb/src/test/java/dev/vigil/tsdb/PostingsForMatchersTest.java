package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import dev.vigil.core.labels.MatchType;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SeriesSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selecting through the index agrees with filtering every series by its matchers, for random matchers. */
class PostingsForMatchersTest {
  private static final String[] NAMES = {"__name__", "job", "env", "zone", "path"};
  private static final String[] VALUES = {"a", "b", "ab", "abc", "b.c", "x\ny", "prod", "dev", "é", "🙂"};

  @TempDir
  Path dir;

  @Test
  void select_agreesWithBruteForceFiltering() throws Exception {
    Seeds.run("postings for matchers", r -> {
      BlockBuilder builder = new BlockBuilder(7_200_000);
      List<Labels> all = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        Labels l = randomLabels(r, i);
        all.add(l);
        builder.append(l, 1000, i);
      }
      BlockMeta meta = builder.write(dir, Ulid.generate(0));
      try (Block block = Block.open(dir.resolve(meta.ulid())); Querier q = block.querier(0, 2000)) {
        for (int round = 0; round < 500; round++) {
          Matcher[] matchers = randomMatchers(r);
          TreeSet<Labels> expected = new TreeSet<>();
          for (Labels l : all) {
            boolean ok = true;
            for (Matcher m : matchers) {
              ok &= m.matches(l.getOrEmpty(m.name()));
            }
            if (ok) {
              expected.add(l);
            }
          }
          List<Labels> actual = new ArrayList<>();
          SeriesSet set = q.select(QueryContext.BACKGROUND, true, null, matchers);
          while (set.next()) {
            actual.add(set.at().labels());
          }
          assertThat(actual).as("matchers %s", List.of(matchers)).containsExactlyElementsOf(expected);
        }
      }
    });
  }

  /** A series with a metric name, a unique id and a random subset of the other names. */
  static Labels randomLabels(Random r, int id) {
    LabelsBuilder lb = Labels.builder().add("__name__", "m" + r.nextInt(4)).add("id", Integer.toString(id));
    for (int n = 1; n < NAMES.length; n++) {
      if (r.nextInt(3) > 0) {
        lb.add(NAMES[n], VALUES[r.nextInt(VALUES.length)]);
      }
    }
    return lb.build();
  }

  static Matcher[] randomMatchers(Random r) {
    int n = 1 + r.nextInt(3);
    Matcher[] out = new Matcher[n];
    String[] regexes = {".*", ".+", "a|b", "a.*", "(ab|b.c)", "", "x.*", ".*c", "é|🙂", "(?s:.*)", "a?b?"};
    for (int i = 0; i < n; i++) {
      String name = r.nextInt(10) == 0 ? "missing" : NAMES[r.nextInt(NAMES.length)];
      MatchType type = MatchType.values()[r.nextInt(4)];
      String value;
      if (type == MatchType.REGEX || type == MatchType.NOT_REGEX) {
        value = regexes[r.nextInt(regexes.length)];
      } else {
        value = r.nextInt(5) == 0 ? "" : VALUES[r.nextInt(VALUES.length)];
      }
      out[i] = Matcher.of(type, name, value);
    }
    return out;
  }
}
