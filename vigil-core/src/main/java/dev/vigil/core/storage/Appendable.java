package dev.vigil.core.storage;

/** Storage that accepts writes. */
public interface Appendable {
  /** A new appender: one transaction, used by one thread, never reused after commit or rollback. */
  Appender appender();
}
