package dev.vigil.tsdb.wal;

import dev.vigil.core.labels.Labels;

/** An exemplar attached to the series {@code ref}: its own labels, value and time. */
public record ExemplarRecord(long ref, long t, double v, Labels labels) {}
