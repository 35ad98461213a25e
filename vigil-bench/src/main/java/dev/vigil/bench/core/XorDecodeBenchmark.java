package dev.vigil.bench.core;

import dev.vigil.bench.SampleCounter;
import dev.vigil.bench.data.GeneratorCorpus;
import dev.vigil.bench.data.SampleData;
import dev.vigil.bench.data.Shape;
import dev.vigil.core.chunkenc.XorChunk;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.ValueType;
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
 * Decodes every sample of many XOR chunks through {@link SampleIterator}, one thread, one reused
 * iterator, the way a query scans a block. The domain score is {@code decode:samples} in samples/s
 * (per core, since the benchmark is single-threaded); the primary score counts passes over all
 * chunks. Issue 2's goals: at least 100M samples/s on realistic mixed data ({@code mixed}, {@code
 * om_corpus}) and at least 200M on {@code regular}.
 *
 * <p>Each timestamp and value is folded into the result so the JIT cannot drop any decoding work;
 * the fold is a long add and xor, far cheaper than the decode.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class XorDecodeBenchmark extends ChunkShapeParams {
  private XorChunk[] data;
  private SampleIterator it;

  @Setup(Level.Trial)
  public void setUp() {
    Shape s = Shape.of(shape);
    if (s == Shape.OM_CORPUS) {
      data = GeneratorCorpus.chunks(Math.max(1, chunks / 10), 8, seed);
      // What the chunks decode to must re-encode to the very same bytes.
      SampleData.decode(data).verifyReencodes(data);
    } else {
      SampleData samples = s.generate(chunks, samplesPerChunk, seed);
      data = samples.encodeAll();
      samples.verify(data);
    }
  }

  @Benchmark
  public long decode(SampleCounter counter) {
    SampleIterator iter = it;
    long acc = 0;
    long n = 0;
    for (XorChunk c : data) {
      iter = c.iterator(iter);
      while (iter.next() == ValueType.FLOAT) {
        acc += iter.atTime();
        acc ^= Double.doubleToRawLongBits(iter.atValue());
        n++;
      }
    }
    it = iter;
    counter.samples += n;
    return acc;
  }
}
