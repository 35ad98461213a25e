package dev.vigil.tsdb.compact;

import dev.vigil.core.storage.QueryContext;
import dev.vigil.tsdb.Block;
import dev.vigil.tsdb.BlockMeta;
import dev.vigil.tsdb.Tsdb;
import dev.vigil.tsdb.TsdbOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps a storage in shape in the background, as Prometheus 2.42's DB.run and DB.Compact: cuts blocks
 * from the head, then compacts blocks as the planner picks them (giving way as soon as the head is
 * compactable again), then deletes what retention, compaction and failed compactions leave deletable.
 * It runs on a fixed interval (a minute in Prometheus, which also waits that long after starting)
 * and as soon as a commit leaves the head compactable, one run at a time; a failed run is reported and retried at the next occasion while the
 * storage keeps serving. Starting clears the leftovers of interrupted block writes and deletions.
 */
public final class TsdbMaintenance implements AutoCloseable {
  private final Tsdb tsdb;
  private final Consumer<String> log;
  private final CompactionPlanner planner;
  private final Retention retention;
  private final BlockCompactor compactor = new BlockCompactor();
  private final ScheduledExecutorService executor;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong compactions = new AtomicLong();
  private final AtomicLong deletions = new AtomicLong();
  private volatile boolean stopping;

  TsdbMaintenance(Tsdb tsdb, Consumer<String> log) {
    TsdbOptions options = tsdb.options();
    this.tsdb = tsdb;
    this.log = log;
    this.planner = new CompactionPlanner(BlockRanges.forBlockDurations(options.minBlockDuration(),
        options.maxBlockDuration()));
    this.retention = new Retention(options.retentionMillis(), options.retentionBytes());
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-tsdb-compaction");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts maintaining {@code tsdb}: every {@code intervalMillis} and whenever its head becomes compactable. */
  public static TsdbMaintenance start(Tsdb tsdb, long intervalMillis, Consumer<String> log) throws IOException {
    for (Path removed : BlockDeletion.removeTemporaryDirs(tsdb.dataDir())) {
      log.accept("removed leftover temporary directory " + removed);
    }
    TsdbMaintenance m = new TsdbMaintenance(tsdb, log);
    m.executor.scheduleWithFixedDelay(m::runQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    tsdb.head().onCommit(() -> {
      if (tsdb.head().compactable()) {
        m.trigger();
      }
    });
    return m;
  }

  /** Asks for a run soon; a run already waiting absorbs the request. */
  public void trigger() {
    if (queued.compareAndSet(false, true)) {
      try {
        executor.execute(this::runQuietly);
      } catch (RejectedExecutionException e) {
        queued.set(false);
      }
    }
  }

  /** Runs that ended in an error. */
  public long failures() {
    return failures.get();
  }

  /** Blocks written by compacting other blocks. */
  public long compactions() {
    return compactions.get();
  }

  /** Blocks deleted: by retention, as compacted parents, or marked deletable. */
  public long deletions() {
    return deletions.get();
  }

  private void runQuietly() {
    queued.set(false);
    try {
      run();
    } catch (Exception | OutOfMemoryError e) {
      failures.incrementAndGet();
      log.accept("compaction failed: " + e);
    }
  }

  /** One full cycle: head, blocks, deletions. Visible for tests that want it synchronously. */
  void run() throws IOException {
    long start = System.nanoTime();
    for (BlockMeta meta : tsdb.compact()) {
      log.accept("write block: ulid=" + meta.ulid() + " mint=" + meta.minTime() + " maxt=" + meta.maxTime()
          + " duration=" + millisSince(start) + "ms");
    }
    compactBlocks();
    deleteBlocks();
  }

  private void compactBlocks() throws IOException {
    while (!stopping) {
      if (tsdb.head().compactable()) {
        log.accept("aborting block compactions to persist the head block");
        return;
      }
      Map<String, Block> open = tsdb.openBlocks().stream()
          .collect(Collectors.toMap(b -> b.meta().ulid(), Function.identity()));
      List<BlockMeta> plan = planner.plan(currentMetas(tsdb.openBlocks()));
      if (plan.isEmpty()) {
        return;
      }
      List<Block> sources = plan.stream().map(m -> open.get(m.ulid())).toList();
      long start = System.nanoTime();
      Optional<BlockMeta> written = compactor.compact(tsdb.dataDir(), sources, QueryContext.BACKGROUND);
      Set<String> merged = plan.stream().map(BlockMeta::ulid).collect(Collectors.toSet());
      if (written.isPresent()) {
        compactions.incrementAndGet();
        log.accept("compact blocks: count=" + plan.size() + " mint=" + written.get().minTime() + " maxt="
            + written.get().maxTime() + " ulid=" + written.get().ulid() + " sources=" + merged
            + " duration=" + millisSince(start) + "ms");
        // The new block names the merged ones as its parents: serve it instead and delete them.
        tsdb.replaceBlocks(merged, written);
        delete(merged);
      } else {
        // Nothing survived: the sources are marked deletable and go now, or they would be planned again.
        deleteBlocks();
      }
    }
  }

  /** What retention drops, blocks compacted into others, and blocks marked deletable. */
  private void deleteBlocks() throws IOException {
    List<SizedBlock> sized = new ArrayList<>();
    for (Block b : tsdb.openBlocks()) {
      sized.add(new SizedBlock(BlockMeta.read(b.dir()), b.sizeBytes()));
    }
    SortedSet<String> doomed = retention.deletions(sized, directorySize(tsdb.dataDir().resolve("wal"))).all();
    if (doomed.isEmpty()) {
      return;
    }
    tsdb.replaceBlocks(doomed, Optional.empty());
    delete(doomed);
  }

  private void delete(Set<String> ulids) throws IOException {
    for (String ulid : ulids) {
      if (BlockDeletion.delete(tsdb.dataDir(), ulid)) {
        deletions.incrementAndGet();
        log.accept("deleting obsolete block: " + ulid);
      }
    }
  }

  /** Metas as on disk now: a failed or deletable mark written after a block was opened counts. */
  private static List<BlockMeta> currentMetas(List<Block> blocks) throws IOException {
    List<BlockMeta> metas = new ArrayList<>(blocks.size());
    for (Block b : blocks) {
      metas.add(BlockMeta.read(b.dir()));
    }
    return metas;
  }

  private static long directorySize(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** Stops scheduling runs and waits for one in progress to end; close this before the storage. */
  @Override
  public void close() {
    stopping = true;
    tsdb.head().onCommit(() -> {});
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
