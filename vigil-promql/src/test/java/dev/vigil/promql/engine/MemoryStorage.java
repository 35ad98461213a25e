package dev.vigil.promql.engine;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.Queryable;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SelectHints;
import dev.vigil.core.storage.Series;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.core.storage.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Series held in memory for engine tests: the smallest honest Queryable. */
final class MemoryStorage implements Queryable {
  private final Map<Labels, Samples> series = new TreeMap<>();

  private static final class Samples {
    long[] times = new long[8];
    double[] values = new double[8];
    int size;

    void add(long t, double v) {
      if (size > 0 && t <= times[size - 1]) {
        throw new IllegalArgumentException("samples must be appended in time order");
      }
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      times[size] = t;
      values[size] = v;
      size++;
    }
  }

  void add(Labels labels, long t, double v) {
    series.computeIfAbsent(labels, l -> new Samples()).add(t, v);
  }

  @Override
  public Querier querier(long mint, long maxt) {
    return new Querier() {
      @Override
      public SeriesSet select(QueryContext ctx, boolean sorted, SelectHints hints, Matcher... matchers) {
        List<Series> selected = new ArrayList<>();
        for (Map.Entry<Labels, Samples> e : series.entrySet()) {
          if (matchesAll(e.getKey(), matchers)) {
            selected.add(series(e.getKey(), e.getValue(), mint, maxt));
          }
        }
        return SeriesSet.of(selected);
      }

      @Override
      public List<String> labelValues(QueryContext ctx, String name, Matcher... matchers) {
        TreeSet<String> values = new TreeSet<>();
        series.keySet().stream().filter(l -> matchesAll(l, matchers)).forEach(l -> {
          if (l.has(name)) {
            values.add(l.get(name));
          }
        });
        return List.copyOf(values);
      }

      @Override
      public List<String> labelNames(QueryContext ctx, Matcher... matchers) {
        TreeSet<String> names = new TreeSet<>();
        series.keySet().stream().filter(l -> matchesAll(l, matchers)).forEach(l -> l.forEach((n, v) -> names.add(n)));
        return List.copyOf(names);
      }

      @Override
      public void close() {
      }
    };
  }

  private static boolean matchesAll(Labels labels, Matcher[] matchers) {
    for (Matcher m : matchers) {
      if (!m.matches(labels.getOrEmpty(m.name()))) {
        return false;
      }
    }
    return true;
  }

  private static Series series(Labels labels, Samples samples, long mint, long maxt) {
    return new Series() {
      @Override
      public Labels labels() {
        return labels;
      }

      @Override
      public SampleIterator iterator(SampleIterator reuse) {
        return new SampleIterator() {
          private int i = -1;

          @Override
          public ValueType next() {
            if (i < samples.size) {
              i++;
            }
            if (i < samples.size && samples.times[i] < mint) {
              return seek(mint);
            }
            return current();
          }

          private ValueType current() {
            return i < samples.size && samples.times[i] <= maxt ? ValueType.FLOAT : ValueType.NONE;
          }

          @Override
          public ValueType seek(long t) {
            long target = Math.max(t, mint);
            if (i < 0) {
              i = 0;
            }
            while (i < samples.size && samples.times[i] < target) {
              i++;
            }
            return current();
          }

          @Override
          public long atTime() {
            return samples.times[i];
          }

          @Override
          public double atValue() {
            return samples.values[i];
          }
        };
      }
    };
  }
}
