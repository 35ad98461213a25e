package dev.vigil.tsdb.wal;

import dev.vigil.tsdb.tombstones.Interval;

/** Samples of the series {@code ref} deleted within {@code interval}. */
public record TombstoneRecord(long ref, Interval interval) {}
