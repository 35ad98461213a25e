package dev.vigil.bench.tsdb;

import dev.vigil.bench.SampleCounter;
import dev.vigil.bench.data.SampleData;
import dev.vigil.bench.data.Shape;
import dev.vigil.bench.data.TempDirs;
import dev.vigil.core.labels.Labels;
import dev.vigil.tsdb.BlockBuilder;
import dev.vigil.tsdb.BlockMeta;
import dev.vigil.tsdb.Ulid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Builds one block from scratch: {@code series} series of {@code hours} hours at 15 s appended to a
 * {@link BlockBuilder} series after series (the order a backfill reads a file in), then written with
 * {@link BlockBuilder#write} into a temporary directory, fsyncs and rename included. The domain score
 * is {@code appendAndWrite:samples} in samples/s; {@code appendOnly} isolates the in-memory part. The
 * block is deleted after each invocation, outside the measured time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BlockWriteBenchmark {
  /** 2 h, Prometheus's default head chunk range. */
  private static final long CHUNK_RANGE_MS = 2 * 3600 * 1000L;

  @Param("1000")
  public int series;

  @Param("2")
  public int hours;

  /** A {@link Shape} name; each series is one synthetic run of that shape ({@code mixed}: a random third each). */
  @Param("mixed")
  public String shape;

  @Param("42")
  public long seed;

  private Labels[] labels;
  private long[] times;
  private double[] values;
  private int[] starts;
  private Path parent;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    int perSeries = (int) (hours * 3600_000L / Shape.INTERVAL_MS);
    SampleData data = Shape.of(shape).generate(series, perSeries, seed);
    times = data.times();
    values = data.values();
    starts = data.starts();
    labels = new Labels[series];
    for (int i = 0; i < series; i++) {
      // 20 metric names over series / 20 node-exporter-like targets.
      int target = i / 20;
      labels[i] = Labels.of("__name__", "node_bench_metric_" + (i % 20), "instance",
          "10.1." + (target / 256) + "." + (target % 256) + ":9100", "job", "node");
    }
    parent = Files.createTempDirectory("vigil-bench-blockwrite");
  }

  @TearDown(Level.Invocation)
  public void deleteBlocks() {
    TempDirs.deleteChildren(parent);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    TempDirs.deleteRecursively(parent);
  }

  private BlockBuilder append() {
    BlockBuilder b = new BlockBuilder(CHUNK_RANGE_MS);
    for (int s = 0; s < labels.length; s++) {
      Labels l = labels[s];
      int end = starts[s + 1];
      for (int i = starts[s]; i < end; i++) {
        b.append(l, times[i], values[i]);
      }
    }
    return b;
  }

  @Benchmark
  public long appendAndWrite(SampleCounter counter) throws IOException {
    BlockBuilder b = append();
    BlockMeta meta = b.write(parent, Ulid.generate(Shape.START_MS));
    counter.samples += meta.stats().numSamples();
    return meta.stats().numChunks();
  }

  @Benchmark
  public long appendOnly(SampleCounter counter) {
    BlockBuilder b = append();
    counter.samples += b.sampleCount();
    return b.seriesCount();
  }
}
