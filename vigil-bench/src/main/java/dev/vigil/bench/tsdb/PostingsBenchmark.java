package dev.vigil.bench.tsdb;

import dev.vigil.bench.RefCounter;
import dev.vigil.tsdb.index.ListPostings;
import dev.vigil.tsdb.index.Postings;
import dev.vigil.tsdb.index.PostingsOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Postings set operations over in-memory sorted reference lists ({@link ListPostings}), each result
 * drained to the end, one thread. {@code :refs} is the rate of input references covered (the sum of
 * the input lists' lengths per operation), {@code :matches} the rate of references produced; the
 * primary score is operations/s. Refs are random sorted subsets of a universe of {@code size * 2}
 * positions spaced like index series references (multiples of 3, arbitrary).
 *
 * <ul>
 *   <li>{@code same}: two lists of about {@code size} refs, identical.
 *   <li>{@code half}: two lists of about {@code size} refs sharing half of them.
 *   <li>{@code disjoint}: two lists of about {@code size} refs interleaved at random, sharing none:
 *       the intersection seeks past every element.
 *   <li>{@code small_huge}: {@code size / 1000} refs against about {@code size}.
 *   <li>{@code many}: eight lists, each holding every ref with probability 1/2.
 * </ul>
 *
 * {@code without} subtracts the union of the other lists from the first.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PostingsBenchmark {
  @Param({"same", "half", "disjoint", "small_huge", "many"})
  public String shape;

  @Param("1000000")
  public int size;

  @Param("42")
  public long seed;

  private long[][] lists;
  private long totalRefs;

  @Setup(Level.Trial)
  public void setUp() {
    Random r = new Random(seed);
    int universe = size * 2;
    switch (shape) {
      case "same": {
        long[] a = bernoulli(r, universe, 0.5);
        lists = new long[][] {a, a.clone()};
        break;
      }
      case "half": {
        // Of 1.5 * size positions, a third goes to both lists, a third to each alone.
        LongList a = new LongList();
        LongList b = new LongList();
        for (int i = 0; i < size + size / 2; i++) {
          int k = r.nextInt(3);
          if (k != 2) {
            a.add(ref(i));
          }
          if (k != 1) {
            b.add(ref(i));
          }
        }
        lists = new long[][] {a.toArray(), b.toArray()};
        break;
      }
      case "disjoint": {
        LongList a = new LongList();
        LongList b = new LongList();
        for (int i = 0; i < universe; i++) {
          (r.nextBoolean() ? a : b).add(ref(i));
        }
        lists = new long[][] {a.toArray(), b.toArray()};
        break;
      }
      case "small_huge": {
        long[] small = r.ints(0, universe).distinct().limit(Math.max(1, size / 1000)).sorted()
            .mapToLong(PostingsBenchmark::ref).toArray();
        lists = new long[][] {small, bernoulli(r, universe, 0.5)};
        break;
      }
      case "many": {
        lists = new long[8][];
        for (int i = 0; i < lists.length; i++) {
          lists[i] = bernoulli(r, universe, 0.5);
        }
        break;
      }
      default:
        throw new IllegalArgumentException("unknown shape " + shape);
    }
    totalRefs = 0;
    for (long[] l : lists) {
      totalRefs += l.length;
    }
  }

  private static long ref(int position) {
    return 3L * position;
  }

  private static long[] bernoulli(Random r, int universe, double p) {
    LongList out = new LongList();
    for (int i = 0; i < universe; i++) {
      if (r.nextDouble() < p) {
        out.add(ref(i));
      }
    }
    return out.toArray();
  }

  private List<Postings> postings(int from) {
    List<Postings> out = new ArrayList<>(lists.length - from);
    for (int i = from; i < lists.length; i++) {
      out.add(new ListPostings(lists[i]));
    }
    return out;
  }

  private long drain(Postings p, RefCounter counter) {
    long n = 0;
    long acc = 0;
    while (p.next()) {
      acc += p.at();
      n++;
    }
    counter.refs += totalRefs;
    counter.matches += n;
    return acc;
  }

  @Benchmark
  public long intersect(RefCounter counter) {
    return drain(PostingsOps.intersect(postings(0)), counter);
  }

  @Benchmark
  public long merge(RefCounter counter) {
    return drain(PostingsOps.merge(postings(0)), counter);
  }

  @Benchmark
  public long without(RefCounter counter) {
    return drain(PostingsOps.without(new ListPostings(lists[0]), PostingsOps.merge(postings(1))), counter);
  }

  /** A growable primitive list for building the inputs. */
  private static final class LongList {
    private long[] a = new long[1024];
    private int n;

    void add(long v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
