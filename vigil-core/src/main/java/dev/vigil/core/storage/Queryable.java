package dev.vigil.core.storage;

/** Storage that can be read: opens a querier over [minTime, maxTime], milliseconds, both inclusive. */
public interface Queryable {
  Querier querier(long minTime, long maxTime);
}
