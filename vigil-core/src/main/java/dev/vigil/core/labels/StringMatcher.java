package dev.vigil.core.labels;

import java.util.List;

/** A compiled, fully anchored regex over label values, possibly answered by a shortcut. */
interface StringMatcher {
  boolean matches(String s);

  /** The finite set of strings this matches, or null when it is not a set of literals. */
  default List<String> literals() {
    return null;
  }

  /** A literal every match starts with, or "". */
  default String prefix() {
    return "";
  }
}
