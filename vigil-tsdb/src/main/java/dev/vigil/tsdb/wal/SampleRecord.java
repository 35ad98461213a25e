package dev.vigil.tsdb.wal;

/** One float sample of the series {@code ref}, at {@code t} milliseconds. */
public record SampleRecord(long ref, long t, double v) {}
