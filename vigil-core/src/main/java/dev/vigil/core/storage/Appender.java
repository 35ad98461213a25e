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

  /**
   * A hint that a sample of the series {@code ref} (a value {@link #append} returned) is about to be
   * appended: the storage may start loading what that append will read into the CPU's caches, so
   * that the loads of many series overlap instead of each append waiting for its own. Changes
   * nothing that is stored; an unknown ref is ignored. Storage without such state ignores it.
   */
  default void prefetch(long ref) {}

  void commit();

  void rollback();
}
