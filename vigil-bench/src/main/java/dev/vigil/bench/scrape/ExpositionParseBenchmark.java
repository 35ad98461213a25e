package dev.vigil.bench.scrape;

import dev.vigil.bench.SampleCounter;
import dev.vigil.scrape.textparse.Entry;
import dev.vigil.scrape.textparse.ExpositionFormat;
import dev.vigil.scrape.textparse.ExpositionParser;
import dev.vigil.scrape.textparse.TextParseException;
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
 * Parses one node-exporter-like scrape (about 2,000 series, with a summary and histograms) per
 * operation, as a scrape loop does: every entry, and labels and value of every sample. The domain score
 * is {@code parse:samples} in samples/s per core (single-threaded). The label cache is part of what is
 * measured: a fresh parser per scrape, as in a scrape loop, so it only helps within one body.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExpositionParseBenchmark {
  /** {@code text}: Prometheus text 0.0.4; {@code openmetrics}: OpenMetrics 1.0. */
  @Param({"text", "openmetrics"})
  public String format;

  private byte[] body;
  private ExpositionFormat parserFormat;
  private int expectedSamples;

  @Setup(Level.Trial)
  public void setUp() throws TextParseException {
    boolean openMetrics = format.equals("openmetrics");
    NodeExporterPayload.Payload payload = NodeExporterPayload.generate(openMetrics);
    body = payload.bytes();
    expectedSamples = payload.samples();
    parserFormat = openMetrics ? ExpositionFormat.OPENMETRICS : ExpositionFormat.PROMETHEUS_TEXT;
    SampleCounter check = new SampleCounter();
    parseAll(check);
    if (check.samples != expectedSamples) {
      throw new IllegalStateException("parsed " + check.samples + " of " + expectedSamples + " samples");
    }
  }

  @Benchmark
  public long parse(SampleCounter counter) throws TextParseException {
    return parseAll(counter);
  }

  /** Returns a fold of what was read, so the JIT cannot drop any of it; counts samples. */
  private long parseAll(SampleCounter counter) throws TextParseException {
    ExpositionParser parser = parserFormat.parser(body);
    long acc = 0;
    long n = 0;
    for (Entry e = parser.next(); e != Entry.EOF; e = parser.next()) {
      if (e == Entry.SERIES) {
        acc += parser.labels().size();
        acc ^= Double.doubleToRawLongBits(parser.value());
        n++;
      }
    }
    counter.samples += n;
    return acc + n;
  }
}
