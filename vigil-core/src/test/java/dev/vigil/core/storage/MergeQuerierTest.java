package dev.vigil.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MergeQuerierTest {
  private static final Labels SERIES = Labels.of("__name__", "m");

  /** A querier holding one series with the given samples (times increasing). */
  private static Querier querierOf(long[] times, double[] values) {
    Series series = new Series() {
      @Override
      public Labels labels() {
        return SERIES;
      }

      @Override
      public SampleIterator iterator(SampleIterator reuse) {
        return new SampleIterator() {
          private int i = -1;

          @Override
          public ValueType next() {
            i = Math.min(i + 1, times.length);
            return i < times.length ? ValueType.FLOAT : ValueType.NONE;
          }

          @Override
          public ValueType seek(long target) {
            i = Math.max(i, 0);
            while (i < times.length && times[i] < target) {
              i++;
            }
            return i < times.length ? ValueType.FLOAT : ValueType.NONE;
          }

          @Override
          public long atTime() {
            return times[i];
          }

          @Override
          public double atValue() {
            return values[i];
          }
        };
      }
    };
    return new Querier() {
      @Override
      public SeriesSet select(QueryContext ctx, boolean sorted, SelectHints hints, Matcher... matchers) {
        return new SeriesSet() {
          private boolean done;

          @Override
          public boolean next() {
            boolean had = !done;
            done = true;
            return had;
          }

          @Override
          public Series at() {
            return series;
          }
        };
      }

      @Override
      public List<String> labelValues(QueryContext ctx, String name, Matcher... matchers) {
        return List.of();
      }

      @Override
      public List<String> labelNames(QueryContext ctx, Matcher... matchers) {
        return List.of();
      }

      @Override
      public void close() {
      }
    };
  }

  private static SampleIterator merged(List<Querier> parts) {
    SeriesSet set = new MergeQuerier(parts).select(QueryContext.BACKGROUND, true, null);
    assertThat(set.next()).isTrue();
    return set.at().iterator(null);
  }

  @Test
  void disjointPartsComeOutOneAfterAnother() {
    SampleIterator it = merged(List.of(querierOf(new long[] {1, 2}, new double[] {1, 2}),
        querierOf(new long[] {5, 6}, new double[] {5, 6})));
    List<Long> times = new ArrayList<>();
    while (it.next() != ValueType.NONE) {
      times.add(it.atTime());
    }
    assertThat(times).containsExactly(1L, 2L, 5L, 6L);
  }

  @Test
  void equalTimestampsKeepTheFirstListedPart() {
    SampleIterator it = merged(List.of(querierOf(new long[] {1, 3}, new double[] {10, 30}),
        querierOf(new long[] {1, 2, 3}, new double[] {-1, 20, -3})));
    List<Double> values = new ArrayList<>();
    while (it.next() != ValueType.NONE) {
      values.add(it.atValue());
    }
    assertThat(values).containsExactly(10.0, 20.0, 30.0);
  }

  /** Random overlapping parts, read with random next/seek calls, against a sorted map of the samples. */
  @Test
  void mergesOverlappingPartsUnderRandomNextAndSeek() {
    long seed = new Random().nextLong();
    Random rng = new Random(seed);
    for (int round = 0; round < 500; round++) {
      int partCount = 1 + rng.nextInt(5);
      List<Querier> parts = new ArrayList<>();
      TreeMap<Long, Double> expected = new TreeMap<>();
      for (int p = 0; p < partCount; p++) {
        long[] times = rng.longs(rng.nextInt(20), 0, 60).sorted().distinct().toArray();
        double[] values = new double[times.length];
        for (int i = 0; i < times.length; i++) {
          values[i] = p * 1000 + i;
          expected.putIfAbsent(times[i], values[i]);
        }
        parts.add(querierOf(times, values));
      }
      SampleIterator it = merged(parts);
      long last = Long.MIN_VALUE;
      boolean positioned = false;
      for (int step = 0; step < 40; step++) {
        String context = "seed " + seed + " round " + round + " step " + step + " parts "
            + Arrays.toString(new int[] {partCount});
        if (rng.nextInt(3) == 0) {
          long maxt = rng.nextInt(70);
          int max = 1 + rng.nextInt(6);
          long[] times = new long[max + 2];
          double[] values = new double[max + 2];
          int r = it.nextBatch(maxt, times, values, 1, max);
          List<Long> want = new ArrayList<>();
          Long k = positioned ? expected.higherKey(last) : (expected.isEmpty() ? null : expected.firstKey());
          while (k != null && k <= maxt && want.size() < max) {
            want.add(k);
            k = expected.higherKey(k);
          }
          int stored = r < 0 ? -r - 1 : r;
          assertThat(stored).as(context + " batch count").isEqualTo(want.size());
          for (int i = 0; i < stored; i++) {
            assertThat(times[1 + i]).as(context + " batch time " + i).isEqualTo(want.get(i));
            assertThat(values[1 + i]).as(context + " batch value " + i).isEqualTo(expected.get(want.get(i)));
          }
          if (r < 0) {
            assertThat(k).as(context + " exhausted early").isNull();
            break;
          }
          if (stored == max) {
            last = want.get(max - 1);
          } else {
            assertThat(k).as(context + " stopped without a sample past maxt").isNotNull();
            assertThat(it.atTime()).as(context + " positioned past maxt").isEqualTo(k);
            last = k;
          }
          positioned = true;
          continue;
        }
        ValueType type;
        Long want;
        if (rng.nextBoolean()) {
          long target = rng.nextInt(70);
          type = it.seek(target);
          want = positioned && last >= target ? Long.valueOf(last) : expected.ceilingKey(target);
        } else {
          type = it.next();
          want = positioned ? expected.higherKey(last) : expected.isEmpty() ? null : expected.firstKey();
        }
        if (want == null) {
          assertThat(type).as(context).isEqualTo(ValueType.NONE);
          break;
        }
        assertThat(type).as(context).isEqualTo(ValueType.FLOAT);
        assertThat(it.atTime()).as(context).isEqualTo(want);
        assertThat(it.atValue()).as(context).isEqualTo(expected.get(want));
        last = want;
        positioned = true;
      }
    }
  }
}
