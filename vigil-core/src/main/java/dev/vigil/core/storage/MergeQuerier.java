package dev.vigil.core.storage;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.labels.Utf8Order;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Reads several queriers as one, as Prometheus's merge querier does: series with equal labels from
 * different queriers become one series whose samples are merged by time, a timestamp present in more
 * than one keeping the sample of the querier listed first. Every underlying select is sorted, so the
 * merged result is sorted too.
 */
public final class MergeQuerier implements Querier {
  private final List<Querier> queriers;

  public MergeQuerier(List<Querier> queriers) {
    this.queriers = List.copyOf(queriers);
  }

  @Override
  public SeriesSet select(QueryContext ctx, boolean sorted, SelectHints hints, Matcher... matchers) {
    if (queriers.size() == 1) {
      return queriers.get(0).select(ctx, sorted, hints, matchers);
    }
    List<SeriesSet> sets = new ArrayList<>(queriers.size());
    for (Querier q : queriers) {
      sets.add(q.select(ctx, true, hints, matchers));
    }
    return mergeSorted(sets);
  }

  /**
   * The union of label-sorted series sets, sorted, each label set once: series with equal labels
   * become one whose samples are merged by time (the first listed set wins on equal timestamps).
   */
  public static SeriesSet mergeSorted(List<SeriesSet> sets) {
    return new MergedSeriesSet(sets);
  }

  @Override
  public List<String> labelValues(QueryContext ctx, String name, Matcher... matchers) {
    TreeSet<String> all = new TreeSet<>(Utf8Order::compare);
    for (Querier q : queriers) {
      all.addAll(q.labelValues(ctx, name, matchers));
    }
    return new ArrayList<>(all);
  }

  @Override
  public List<String> labelNames(QueryContext ctx, Matcher... matchers) {
    TreeSet<String> all = new TreeSet<>(Utf8Order::compare);
    for (Querier q : queriers) {
      all.addAll(q.labelNames(ctx, matchers));
    }
    return new ArrayList<>(all);
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (Querier q : queriers) {
      try {
        q.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** A cursor with its position in the querier list, which breaks ties between equal timestamps. */
  private record Cursor(int order, SeriesSet set) {}

  private static final class MergedSeriesSet implements SeriesSet {
    private final PriorityQueue<Cursor> heap = new PriorityQueue<>((a, b) -> {
      int c = a.set().at().labels().compareTo(b.set().at().labels());
      return c != 0 ? c : Integer.compare(a.order(), b.order());
    });
    private final List<SeriesSet> sets;
    private final List<Cursor> advance = new ArrayList<>();
    private boolean started;
    private Series current;

    MergedSeriesSet(List<SeriesSet> sets) {
      this.sets = sets;
    }

    @Override
    public boolean next() {
      if (!started) {
        started = true;
        for (int i = 0; i < sets.size(); i++) {
          if (sets.get(i).next()) {
            heap.add(new Cursor(i, sets.get(i)));
          }
        }
      } else {
        for (Cursor c : advance) {
          if (c.set().next()) {
            heap.add(c);
          }
        }
      }
      advance.clear();
      if (heap.isEmpty()) {
        return false;
      }
      Labels labels = heap.peek().set().at().labels();
      List<Series> same = new ArrayList<>(2);
      while (!heap.isEmpty() && heap.peek().set().at().labels().equals(labels)) {
        Cursor c = heap.poll();
        same.add(c.set().at());
        advance.add(c);
      }
      current = same.size() == 1 ? same.get(0) : new ChainedSeries(labels, same);
      return true;
    }

    @Override
    public Series at() {
      return current;
    }

    @Override
    public List<String> warnings() {
      List<String> all = new ArrayList<>();
      for (SeriesSet s : sets) {
        all.addAll(s.warnings());
      }
      return all;
    }
  }

  /** One series made of several with equal labels, merged by timestamp. */
  private static final class ChainedSeries implements Series {
    private final Labels labels;
    private final List<Series> parts;

    ChainedSeries(Labels labels, List<Series> parts) {
      this.labels = labels;
      this.parts = parts;
    }

    @Override
    public Labels labels() {
      return labels;
    }

    @Override
    public SampleIterator iterator(SampleIterator reuse) {
      List<SampleIterator> its = new ArrayList<>(parts.size());
      for (Series s : parts) {
        its.add(s.iterator(null));
      }
      return new ChainedIterator(its);
    }
  }

  /**
   * Merges iterators by timestamp; at equal timestamps the first listed wins and the others' samples
   * are dropped. Each iterator is kept one sample ahead: {@code heads} holds the time of the sample
   * it will give next. Blocks rarely overlap, so the iterator that gave the last sample usually gives
   * the next one too: it keeps going with one comparison per sample against the smallest head of the
   * others, and in bulk reads it hands over whole stretches below that head.
   */
  private static final class ChainedIterator implements SampleIterator {
    private static final long EXHAUSTED = Long.MAX_VALUE;

    private final SampleIterator[] its;
    private final long[] heads;
    /** The iterator with the smallest head, or -1 before a choice; othersMin is the smallest of the rest. */
    private int current = -1;
    private long othersMin;
    private long t;
    private double v;
    private boolean started;
    private boolean positioned;

    ChainedIterator(List<SampleIterator> its) {
      this.its = its.toArray(SampleIterator[]::new);
      this.heads = new long[its.size()];
    }

    private long advance(int i) {
      return its[i].next() == ValueType.NONE ? EXHAUSTED : its[i].atTime();
    }

    private void start() {
      if (!started) {
        started = true;
        for (int i = 0; i < its.length; i++) {
          heads[i] = advance(i);
        }
      }
    }

    @Override
    public ValueType next() {
      start();
      if (current < 0 || heads[current] >= othersMin) {
        chooseAmongAll();
      }
      if (current < 0 || heads[current] == EXHAUSTED) {
        positioned = false;
        return ValueType.NONE;
      }
      t = heads[current];
      v = its[current].atValue();
      heads[current] = advance(current);
      positioned = true;
      return ValueType.FLOAT;
    }

    /** Picks the earliest head (the first listed on ties), dropping the tied samples of the others. */
    private void chooseAmongAll() {
      long best = EXHAUSTED;
      int chosen = -1;
      for (int i = 0; i < heads.length; i++) {
        if (heads[i] < best) {
          best = heads[i];
          chosen = i;
        }
      }
      current = chosen;
      if (chosen < 0) {
        return;
      }
      long min = EXHAUSTED;
      for (int i = 0; i < heads.length; i++) {
        if (i == chosen) {
          continue;
        }
        if (heads[i] == best) {
          heads[i] = advance(i);
        }
        min = Math.min(min, heads[i]);
      }
      othersMin = min;
    }

    @Override
    public int nextBatch(long maxt, long[] times, double[] values, int offset, int max) {
      int stored = 0;
      while (stored < max) {
        if (next() == ValueType.NONE) {
          return -stored - 1;
        }
        if (t > maxt) {
          return stored;
        }
        times[offset + stored] = t;
        values[offset + stored] = v;
        stored++;
        // While the current iterator's samples stay below every other head, it can go on alone.
        long limit = Math.min(maxt, othersMin - 1);
        if (stored < max && heads[current] <= limit) {
          times[offset + stored] = heads[current];
          values[offset + stored] = its[current].atValue();
          stored++;
          int r = stored < max ? its[current].nextBatch(limit, times, values, offset + stored, max - stored) : 0;
          stored += r < 0 ? -r - 1 : r;
          t = times[offset + stored - 1];
          v = values[offset + stored - 1];
          if (r < 0) {
            heads[current] = EXHAUSTED;
          } else if (stored < max) {
            heads[current] = its[current].atTime();
          } else {
            heads[current] = advance(current);
          }
        }
      }
      return stored;
    }

    @Override
    public ValueType seek(long target) {
      if (positioned && t >= target) {
        return ValueType.FLOAT;
      }
      start();
      for (int i = 0; i < its.length; i++) {
        if (heads[i] < target) {
          heads[i] = its[i].seek(target) == ValueType.NONE ? EXHAUSTED : its[i].atTime();
        }
      }
      current = -1;
      return next();
    }

    @Override
    public long atTime() {
      return t;
    }

    @Override
    public double atValue() {
      return v;
    }
  }
}
