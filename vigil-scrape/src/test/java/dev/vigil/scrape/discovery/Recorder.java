package dev.vigil.scrape.discovery;

import dev.vigil.scrape.config.TargetGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Receives a provider's updates and keeps the latest group per source, as the manager does. */
final class Recorder implements Consumer<List<TargetGroup>> {
  private final Map<String, TargetGroup> groups = new LinkedHashMap<>();
  private final List<List<TargetGroup>> updates = new ArrayList<>();
  private final List<String> threads = new ArrayList<>();

  @Override
  public synchronized void accept(List<TargetGroup> update) {
    updates.add(List.copyOf(update));
    threads.add(Thread.currentThread().getName());
    for (TargetGroup g : update) {
      groups.put(g.source(), g);
    }
    notifyAll();
  }

  synchronized Map<String, TargetGroup> groups() {
    return new LinkedHashMap<>(groups);
  }

  synchronized List<List<TargetGroup>> updates() {
    return List.copyOf(updates);
  }

  synchronized List<String> threads() {
    return List.copyOf(threads);
  }

  /** Waits until the groups satisfy a condition; fails after 5 s with what there is. */
  synchronized Map<String, TargetGroup> await(Predicate<Map<String, TargetGroup>> condition)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    while (!condition.test(groups)) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("condition not met; groups: " + groups);
      }
      wait(left);
    }
    return new LinkedHashMap<>(groups);
  }

  /** Waits for at least n updates. */
  synchronized List<List<TargetGroup>> awaitUpdates(int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    while (updates.size() < n) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("expected " + n + " updates, got " + updates);
      }
      wait(left);
    }
    return List.copyOf(updates);
  }

  /** The addresses of a source's targets, or null when the source was never sent. */
  synchronized List<String> addresses(String source) {
    TargetGroup g = groups.get(source);
    if (g == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    g.targets().forEach(t -> out.add(t.get("__address__")));
    return out;
  }
}
