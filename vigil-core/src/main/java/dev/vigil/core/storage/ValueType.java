package dev.vigil.core.storage;

/** What an iterator is positioned on; NONE means it is exhausted. Native histograms come later. */
public enum ValueType {
  NONE,
  FLOAT
}
