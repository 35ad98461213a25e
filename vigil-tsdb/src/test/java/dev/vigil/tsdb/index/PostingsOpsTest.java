package dev.vigil.tsdb.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.tsdb.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Set operations on postings agree with the same operations on sorted sets, under any mix of next and seek. */
class PostingsOpsTest {
  private static TreeSet<Long> randomSet(Random r) {
    TreeSet<Long> s = new TreeSet<>();
    int n = r.nextInt(4) == 0 ? 0 : r.nextInt(300);
    int universe = 1 + r.nextInt(1000);
    for (int i = 0; i < n; i++) {
      s.add((long) r.nextInt(universe));
    }
    return s;
  }

  private static Postings postingsOf(TreeSet<Long> s) {
    return new ListPostings(s.stream().mapToLong(Long::longValue).toArray());
  }

  /** Walks the postings with random next/seek calls and checks every position against the expected set. */
  private static void checkWalk(Random r, Postings p, TreeSet<Long> expected) {
    long last = -1;
    while (true) {
      boolean seek = r.nextInt(3) == 0;
      long target = last + 1 + r.nextInt(40);
      Long want = seek ? expected.ceiling(Math.max(target, last + 1)) : expected.higher(last);
      boolean has = seek ? p.seek(Math.max(target, last + 1)) : p.next();
      if (want == null) {
        assertThat(has).as("exhausted after %d", last).isFalse();
        return;
      }
      assertThat(has).as("has an element after %d", last).isTrue();
      assertThat(p.at()).isEqualTo(want);
      assertThat(p.seek(p.at())).as("seeking to the current element stays").isTrue();
      assertThat(p.at()).isEqualTo(want);
      last = want;
    }
  }

  private static void property(String what, Function<List<TreeSet<Long>>, TreeSet<Long>> expected,
      Function<List<Postings>, Postings> actual) throws Exception {
    Seeds.run(what, r -> {
      for (int round = 0; round < 2000; round++) {
        int k = 1 + r.nextInt(5);
        List<TreeSet<Long>> sets = new ArrayList<>();
        List<Postings> its = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          TreeSet<Long> s = randomSet(r);
          sets.add(s);
          its.add(postingsOf(s));
        }
        checkWalk(r, actual.apply(its), expected.apply(sets));
      }
    });
  }

  @Test
  void intersect_equalsSetIntersection() throws Exception {
    property("intersect", sets -> {
      TreeSet<Long> out = new TreeSet<>(sets.get(0));
      sets.forEach(out::retainAll);
      return out;
    }, PostingsOps::intersect);
  }

  @Test
  void merge_equalsSetUnion() throws Exception {
    property("merge", sets -> {
      TreeSet<Long> out = new TreeSet<>();
      sets.forEach(out::addAll);
      return out;
    }, PostingsOps::merge);
  }

  @Test
  void without_equalsSetDifferenceFromAUnion() throws Exception {
    property("without", sets -> {
      TreeSet<Long> out = new TreeSet<>(sets.get(0));
      sets.subList(1, sets.size()).forEach(out::removeAll);
      return out;
    }, its -> PostingsOps.without(its.get(0), PostingsOps.merge(its.subList(1, its.size()))));
  }

  @Test
  void emptyInputs_giveEmptyPostings() {
    assertThat(PostingsOps.intersect(List.of()).next()).isFalse();
    assertThat(PostingsOps.merge(List.of()).next()).isFalse();
  }
}
