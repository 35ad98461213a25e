package dev.vigil.promql.value;

import dev.vigil.core.labels.Labels;

/** One element of an instant vector: a labelled value at a time (milliseconds). */
public record Sample(Labels labels, long timestamp, double value) {
}
