package dev.vigil.bench.core;

import dev.vigil.bench.SampleCounter;
import dev.vigil.bench.data.GeneratorCorpus;
import dev.vigil.bench.data.SampleData;
import dev.vigil.bench.data.Shape;
import dev.vigil.core.chunkenc.ChunkAppender;
import dev.vigil.core.chunkenc.XorChunk;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encodes many chunks' worth of samples into fresh XOR chunks ({@code XorChunk.empty()}, its
 * appender, one {@code append} per sample), one thread. The domain score is {@code encode:samples}
 * in samples/s per core. The input comes from flat primitive arrays, so the cost is the encoder's
 * plus the allocation of each chunk's growable buffer, as when a head cuts a new chunk.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class XorEncodeBenchmark extends ChunkShapeParams {
  private long[] times;
  private double[] values;
  private int[] starts;

  @Setup(Level.Trial)
  public void setUp() {
    Shape s = Shape.of(shape);
    SampleData samples;
    if (s == Shape.OM_CORPUS) {
      XorChunk[] corpus = GeneratorCorpus.chunks(Math.max(1, chunks / 10), 8, seed);
      samples = SampleData.decode(corpus);
      samples.verifyReencodes(corpus);
    } else {
      samples = s.generate(chunks, samplesPerChunk, seed);
    }
    times = samples.times();
    values = samples.values();
    starts = samples.starts();
  }

  @Benchmark
  public long encode(SampleCounter counter) {
    long bytes = 0;
    for (int c = 0; c + 1 < starts.length; c++) {
      XorChunk chunk = XorChunk.empty();
      ChunkAppender a = chunk.appender();
      int end = starts[c + 1];
      for (int i = starts[c]; i < end; i++) {
        a.append(times[i], values[i]);
      }
      bytes += chunk.sizeBytes();
    }
    counter.samples += times.length;
    return bytes;
  }
}
