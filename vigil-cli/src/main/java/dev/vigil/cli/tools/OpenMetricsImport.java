package dev.vigil.cli.tools;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.SampleRejectedException;
import dev.vigil.scrape.textparse.Entry;
import dev.vigil.scrape.textparse.OpenMetricsParser;
import dev.vigil.tsdb.Ulid;
import dev.vigil.tsdb.backfill.Backfiller;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads an OpenMetrics file with timestamps and writes its samples as blocks; errors name the line.
 *
 * <p>The file is streamed through the parser's bounded buffer, never held whole, so memory grows with
 * the compressed samples only, not with the size of the text (promtool keeps all of the text).
 * Parsing and appending run on two threads joined by a short queue of sample batches, since each is
 * about half of the work; errors are still reported for the earliest failing line, as a single
 * thread would report them.
 */
public final class OpenMetricsImport {
  private static final int BATCH = 4096;
  private static final int QUEUED_BATCHES = 4;

  private OpenMetricsImport() {}

  public static void run(Path input, Path output, long maxBlockDuration, Backfiller.BlockListener listener)
      throws Exception {
    Backfiller backfiller = new Backfiller(Backfiller.blockDuration(maxBlockDuration));
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    ExecutorService appender = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "vigil-import-append");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<?> appending = appender.submit(() -> {
        appendAll(input, queue, backfiller);
        return null;
      });
      Exception parseError = null;
      try (InputStream in = Files.newInputStream(input)) {
        parse(input, new OpenMetricsParser(in), queue, appending);
      } catch (UncheckedIOException e) {
        parseError = e.getCause();
      } catch (Exception e) {
        parseError = e;
      }
      if (!appending.isDone()) {
        put(queue, Batch.END, appending);
      }
      // An append error is on an earlier line than any parse error: the parser is always ahead.
      try {
        appending.get();
      } catch (ExecutionException e) {
        throw (Exception) e.getCause();
      }
      if (parseError != null) {
        throw parseError;
      }
    } finally {
      appender.shutdownNow();
    }
    Files.createDirectories(output);
    backfiller.writeBlocks(output, () -> Ulid.generate(System.currentTimeMillis()), listener);
  }

  private static void parse(Path input, OpenMetricsParser parser, BlockingQueue<Batch> queue, Future<?> appending)
      throws Exception {
    Batch batch = new Batch();
    try {
      Entry e;
      while ((e = parser.next()) != Entry.EOF) {
        if (e != Entry.SERIES) {
          continue;
        }
        Labels labels = parser.labels();
        if (!parser.hasTimestamp()) {
          throw new IllegalArgumentException(input + ": line " + parser.lineNumber()
              + ": expected timestamp for series " + labels + ", got none");
        }
        batch.add(labels, parser.timestampMillis(), parser.value(), parser.lineNumber());
        if (batch.size == BATCH) {
          if (!put(queue, batch, appending)) {
            return;
          }
          batch = new Batch();
        }
      }
    } finally {
      // Also on a parse error: the samples before it may hold an earlier error the appender must see.
      put(queue, batch, appending);
    }
  }

  /** Queues a batch unless the appender has stopped (it failed); returns whether it was queued. */
  private static boolean put(BlockingQueue<Batch> queue, Batch batch, Future<?> appending)
      throws InterruptedException {
    while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
      if (appending.isDone()) {
        return false;
      }
    }
    return true;
  }

  private static void appendAll(Path input, BlockingQueue<Batch> queue, Backfiller backfiller)
      throws InterruptedException {
    while (true) {
      Batch batch = queue.take();
      if (batch == Batch.END) {
        return;
      }
      for (int i = 0; i < batch.size; i++) {
        try {
          backfiller.append(batch.labels[i], batch.times[i], batch.values[i]);
        } catch (SampleRejectedException | IllegalArgumentException ex) {
          throw new IllegalArgumentException(input + ": line " + batch.lines[i] + ": add sample: "
              + ex.getMessage(), ex);
        }
      }
    }
  }

  /** Parsed samples handed from the parsing thread to the appending one. */
  private static final class Batch {
    static final Batch END = new Batch();

    final Labels[] labels = new Labels[BATCH];
    final long[] times = new long[BATCH];
    final double[] values = new double[BATCH];
    final int[] lines = new int[BATCH];
    int size;

    void add(Labels l, long t, double v, int line) {
      labels[size] = l;
      times[size] = t;
      values[size] = v;
      lines[size] = line;
      size++;
    }
  }
}
