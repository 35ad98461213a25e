package dev.vigil.tsdb.wal;

import dev.vigil.core.labels.Labels;

/** A series the head created: its reference, which later sample records use, and its labels. */
public record SeriesRecord(long ref, Labels labels) {}
