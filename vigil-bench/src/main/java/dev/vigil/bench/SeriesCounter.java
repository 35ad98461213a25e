package dev.vigil.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Series (or series references) selected, reported by JMH as a rate ({@code :series}). */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class SeriesCounter {
  public long series;

  @Setup(Level.Iteration)
  public void reset() {
    series = 0;
  }
}
