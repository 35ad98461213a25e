package dev.vigil.bench.core;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The parameters the XOR benchmarks share: which data shape, how many chunks of how many samples, which seed. */
@State(Scope.Thread)
public abstract class ChunkShapeParams {
  @Param({"regular", "jittery_counter", "noisy_gauge", "random_bits", "mixed", "om_corpus"})
  public String shape;

  /** Synthetic chunks; {@code om_corpus} uses {@code chunks / 10} generator series over 8 h instead. */
  @Param("10000")
  public int chunks;

  @Param("120")
  public int samplesPerChunk;

  @Param("42")
  public long seed;
}
