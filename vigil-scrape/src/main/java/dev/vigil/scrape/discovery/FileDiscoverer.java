package dev.vigil.scrape.discovery;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.FileSdConfig;
import dev.vigil.scrape.config.TargetGroup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider of one {@code file_sd_configs} entry, as Prometheus 2.42's {@code discovery/file}.
 *
 * <p>It re-reads every file matching its patterns when anything changes in their directories (one
 * {@link WatchService} on the directories, registered again at every refresh for directories that
 * appeared or were recreated) and at the refresh interval. Each file's groups are sent with sources
 * {@code <path>:<index>}. A file that cannot be read or parsed keeps the groups it had (Prometheus's
 * "prevent deletion down below") and counts a read error; a file gone sends empty groups for all its
 * sources; a file with fewer groups than before sends empty groups for the sources it lost.
 *
 * <p>Beyond Prometheus, for a server that must not fall over on hostile files: a file larger than
 * {@code maxFileBytes} is refused (Prometheus reads any size), files that are not regular files (a
 * FIFO would block) are refused, and a watcher that cannot be created leaves the interval refreshes
 * running (Prometheus's provider would stop). A refresh interval of 0 means no timer (Prometheus's
 * ticker would panic); the watcher alone then triggers re-reads.
 */
public final class FileDiscoverer implements Discoverer {
  /** Files above this size are refused unless the constructor says otherwise. */
  public static final long DEFAULT_MAX_FILE_BYTES = 16L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(FileDiscoverer.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final long JOIN_MILLIS = 5_000;

  private final List<String> patterns;
  private final long intervalMillis;
  private final long maxFileBytes;
  private final AtomicLong readErrors = new AtomicLong();
  private final Object lifecycle = new Object();
  private volatile boolean closed;
  private Thread thread;
  private volatile WatchService watcher;

  // Confined to the discovery thread.
  private Consumer<List<TargetGroup>> updates;
  private Map<String, Integer> lastRefresh = new HashMap<>();
  private final Map<Path, WatchKey> watched = new HashMap<>();

  public FileDiscoverer(FileSdConfig config) {
    this(config, DEFAULT_MAX_FILE_BYTES);
  }

  /** @param maxFileBytes the largest file read; at most {@code Integer.MAX_VALUE - 8} */
  public FileDiscoverer(FileSdConfig config, long maxFileBytes) {
    if (maxFileBytes < 0 || maxFileBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxFileBytes out of range: " + maxFileBytes);
    }
    this.patterns = List.copyOf(config.files());
    this.intervalMillis = config.refreshIntervalMillis();
    this.maxFileBytes = maxFileBytes;
  }

  /** Files this provider failed to read or parse, once per file per refresh. */
  public long readErrors() {
    return readErrors.get();
  }

  @Override
  public void start(Consumer<List<TargetGroup>> updates) {
    synchronized (lifecycle) {
      if (thread != null) {
        throw new IllegalStateException("already started");
      }
      if (closed) {
        return;
      }
      this.updates = updates;
      thread = new Thread(this::run, "vigil-sd-file-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      thread.start();
    }
  }

  @Override
  public void close() {
    Thread running;
    synchronized (lifecycle) {
      if (closed) {
        running = thread;
      } else {
        closed = true;
        running = thread;
        closeWatcher();
        if (running != null) {
          running.interrupt();
        }
      }
    }
    if (running != null && running != Thread.currentThread()) {
      try {
        running.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void closeWatcher() {
    WatchService w = watcher;
    if (w != null) {
      try {
        w.close();
      } catch (IOException e) {
        LOG.debug("file_sd: closing the watcher failed", e);
      }
    }
  }

  private void run() {
    try {
      WatchService created = null;
      try {
        created = FileSystems.getDefault().newWatchService();
      } catch (IOException | UnsupportedOperationException e) {
        DiscoveryMetrics.FILE_WATCHER_ERRORS.incrementAndGet();
        LOG.error("file_sd: cannot create a file watcher, re-reading {} at the refresh interval only: {}", patterns,
            e.toString());
      }
      synchronized (lifecycle) {
        watcher = created;
        if (closed) {
          closeWatcher();
          return;
        }
      }
      refresh();
      long next = intervalMillis > 0
          ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMillis)
          : Long.MAX_VALUE;
      while (!closed) {
        long waitNanos = next == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, next - System.nanoTime());
        boolean changed = false;
        if (watcher != null) {
          WatchKey key = watcher.poll(waitNanos, TimeUnit.NANOSECONDS);
          while (key != null) {
            changed |= drain(key);
            key = watcher.poll();
          }
        } else {
          TimeUnit.NANOSECONDS.sleep(Math.min(waitNanos, TimeUnit.DAYS.toNanos(1)));
        }
        if (closed) {
          return;
        }
        if (changed) {
          refresh();
        }
        long now = System.nanoTime();
        if (next != Long.MAX_VALUE && now - next >= 0) {
          // A ticker: refresh, and drop the ticks a slow refresh missed.
          refresh();
          long interval = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
          next += interval;
          if (System.nanoTime() - next >= 0) {
            next = System.nanoTime() + interval;
          }
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Closed.
    } catch (RuntimeException | Error e) {
      LOG.error("file_sd: discovery of {} stopped", patterns, e);
    } finally {
      closeWatcher();
    }
  }

  /** Whether a watch key brought events (every kind means "re-read"); re-arms it. */
  private boolean drain(WatchKey key) {
    boolean any = !key.pollEvents().isEmpty();
    if (!key.reset()) {
      watched.values().remove(key);
      any = true;
    }
    return any;
  }

  /**
   * Prometheus's refresh: reads every matching file and sends their groups, and empty groups for the
   * sources gone. The directories are watched before the files are read (Prometheus watches after), so
   * that no change after a read can go unnoticed until the next tick.
   */
  private void refresh() {
    watchDirectories();
    Map<String, Integer> ref = new LinkedHashMap<>();
    List<TargetGroup> update = new ArrayList<>();
    for (String path : listFiles()) {
      if (closed) {
        return;
      }
      List<TargetGroup> groups;
      try {
        groups = readFile(path);
      } catch (TargetGroupFiles.FileSdException e) {
        if (closed) {
          return;
        }
        readErrors.incrementAndGet();
        DiscoveryMetrics.FILE_READ_ERRORS.incrementAndGet();
        LOG.error("file_sd: error reading file {}: {}", path, e.getMessage());
        // Prevent deletion down below.
        ref.put(path, lastRefresh.getOrDefault(path, 0));
        continue;
      }
      update.addAll(groups);
      ref.put(path, groups.size());
    }
    // Send empty groups for sources that disappeared.
    for (Map.Entry<String, Integer> last : lastRefresh.entrySet()) {
      Integer now = ref.get(last.getKey());
      int kept = now == null ? 0 : now;
      for (int i = kept; i < last.getValue(); i++) {
        update.add(new TargetGroup(List.of(), Labels.EMPTY, TargetGroupFiles.source(last.getKey(), i)));
      }
    }
    lastRefresh = ref;
    if (!update.isEmpty() && !closed) {
      try {
        updates.accept(update);
      } catch (RuntimeException e) {
        LOG.error("file_sd: the receiver of updates failed", e);
      }
    }
  }

  private List<String> listFiles() {
    List<String> paths = new ArrayList<>();
    for (String pattern : patterns) {
      try {
        paths.addAll(GoGlob.glob(pattern));
      } catch (GoGlob.BadPatternException e) {
        LOG.error("file_sd: error expanding glob {}: {}", pattern, e.getMessage());
      }
    }
    return paths;
  }

  private List<TargetGroup> readFile(String path) throws TargetGroupFiles.FileSdException {
    byte[] content;
    try {
      Path file = Path.of(path);
      if (Files.isDirectory(file)) {
        throw new TargetGroupFiles.FileSdException("read " + path + ": is a directory");
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw new TargetGroupFiles.FileSdException("open " + path + ": not a regular file");
      }
      try (InputStream in = Files.newInputStream(file)) {
        content = in.readNBytes((int) maxFileBytes + 1);
      }
    } catch (NoSuchFileException e) {
      throw new TargetGroupFiles.FileSdException("open " + path + ": no such file or directory");
    } catch (AccessDeniedException e) {
      throw new TargetGroupFiles.FileSdException("open " + path + ": permission denied");
    } catch (IOException | InvalidPathException e) {
      throw new TargetGroupFiles.FileSdException("read " + path + ": " + e.getMessage());
    }
    if (content.length > maxFileBytes) {
      throw new TargetGroupFiles.FileSdException("read " + path + ": file is larger than " + maxFileBytes + " bytes");
    }
    return TargetGroupFiles.parse(path, content);
  }

  /** Prometheus's watchFiles: the directory of every pattern, as written. */
  private void watchDirectories() {
    WatchService w = watcher;
    if (w == null) {
      return;
    }
    for (String pattern : patterns) {
      int slash = pattern.lastIndexOf('/');
      String dir = slash > 0 ? pattern.substring(0, slash) : slash == 0 ? "/" : "./";
      Path path;
      try {
        path = Path.of(dir).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        LOG.error("file_sd: error adding file watch for {}: {}", dir, e.getMessage());
        continue;
      }
      WatchKey key = watched.get(path);
      if (key != null && key.isValid()) {
        continue;
      }
      try {
        watched.put(path, path.register(w, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY));
      } catch (ClosedWatchServiceException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.error("file_sd: error adding file watch for {}: {}", dir, e.toString());
      }
    }
  }
}
