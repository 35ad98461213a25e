package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.fail;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.StaleMarker;
import dev.vigil.core.storage.Appendable;
import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.SampleRejectedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Storage that keeps every committed sample in order, and refuses the samples a test tells it to. */
final class RecordingStorage implements Appendable {
  record Sample(Labels labels, long t, double v) {
    String name() {
      return labels.getOrEmpty(Labels.METRIC_NAME);
    }

    boolean stale() {
      return StaleMarker.isStale(v);
    }
  }

  private final List<Sample> committed = new ArrayList<>();
  private final Map<Labels, Long> refs = new HashMap<>();
  private final List<Long> prefetched = new ArrayList<>();
  private Predicate<Sample> refused = sample -> false;
  private SampleRejectedException.Reason refusal;

  /** From now on, refuses the samples {@code which} matches, with {@code reason}. */
  synchronized void refuse(Predicate<Sample> which, SampleRejectedException.Reason reason) {
    refused = which;
    refusal = reason;
  }

  @Override
  public Appender appender() {
    return new Appender() {
      private final List<Sample> pending = new ArrayList<>();

      @Override
      public long append(long ref, Labels labels, long t, double v) {
        Sample sample = new Sample(labels, t, v);
        synchronized (RecordingStorage.this) {
          if (refused.test(sample)) {
            throw new SampleRejectedException(refusal, "");
          }
          pending.add(sample);
          return refs.computeIfAbsent(labels, l -> (long) refs.size() + 1);
        }
      }

      @Override
      public void prefetch(long ref) {
        synchronized (RecordingStorage.this) {
          prefetched.add(ref);
        }
      }

      @Override
      public void commit() {
        synchronized (RecordingStorage.this) {
          committed.addAll(pending);
          RecordingStorage.this.notifyAll();
        }
        pending.clear();
      }

      @Override
      public void rollback() {
        pending.clear();
      }
    };
  }

  /** The ref appends of these labels were given. */
  synchronized long refOf(Labels labels) {
    return refs.get(labels);
  }

  /** The refs appenders were asked to prefetch, in order. */
  synchronized List<Long> prefetched() {
    return List.copyOf(prefetched);
  }

  synchronized List<Sample> samples() {
    return List.copyOf(committed);
  }

  synchronized List<Sample> samplesAt(long t) {
    return committed.stream().filter(s -> s.t() == t).toList();
  }

  /** The value of the one sample named {@code name} at {@code t}. */
  synchronized double valueAt(String name, long t) {
    List<Sample> found = committed.stream().filter(s -> s.t() == t && s.name().equals(name)).toList();
    if (found.size() != 1) {
      fail("expected one " + name + " at " + t + ", found " + found);
    }
    return found.get(0).v();
  }

  /** The names of the series marked stale at {@code t}. */
  synchronized List<String> staleAt(long t) {
    return committed.stream().filter(s -> s.t() == t && s.stale()).map(Sample::name).toList();
  }

  /** Waits until a committed sample matches, failing after {@code timeout}. */
  synchronized Sample awaitSample(Predicate<Sample> which, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Sample sample : committed) {
        if (which.test(sample)) {
          return sample;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return fail("no matching sample within " + timeout + " among " + committed);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
