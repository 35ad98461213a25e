package dev.vigil.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Postings work, reported by JMH as rates next to the primary score: {@code refs} counts the input
 * references an operation covers (the sum of its input list lengths), {@code matches} the references
 * or series it produced.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class RefCounter {
  public long refs;
  public long matches;

  @Setup(Level.Iteration)
  public void reset() {
    refs = 0;
    matches = 0;
  }
}
