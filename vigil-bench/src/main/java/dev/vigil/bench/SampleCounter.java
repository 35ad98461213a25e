package dev.vigil.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Samples processed, reported by JMH as a rate next to the primary score ({@code :samples}, in
 * samples per second of the benchmark's time unit); the domain unit of the chunk and block benchmarks.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class SampleCounter {
  public long samples;

  @Setup(Level.Iteration)
  public void reset() {
    samples = 0;
  }
}
