package dev.vigil.core.storage;

import dev.vigil.core.labels.Labels;

/**
 * Batches samples into one transaction. Samples become visible on {@link #commit()}; {@link
 * #rollback()} discards them. Rejected samples raise {@link SampleRejectedException} at append time and
 * leave the rest of the batch intact.
 */
public interface Appender {
  /**
   * Appends a sample. {@code ref} is the value a previous append returned for the same labels, or 0;
   * the return value is the ref to pass next time for this series.
   */
  long append(long ref, Labels labels, long t, double v);

  void commit();

  void rollback();
}
