package dev.vigil.tsdb.wal;

import dev.vigil.tsdb.encoding.CorruptionException;

/**
 * A WAL segment whose bytes stop making sense at {@link #offset()}: the start of the first record that
 * cannot be read whole. In the newest segment this is what a crash mid-write leaves behind (a torn
 * tail), and {@link Wal#repair} cuts it off; anywhere else records after it are lost with it.
 */
public final class WalCorruptionException extends CorruptionException {
  private static final long serialVersionUID = 1L;

  private final transient WalSegment segment;
  private final boolean tail;

  WalCorruptionException(WalSegment segment, long offset, boolean tail, String problem) {
    super(segment.file(), offset, problem + (tail ? " (in the newest segment: a torn write, repairable)" : ""));
    this.segment = segment;
    this.tail = tail;
  }

  public WalSegment segment() {
    return segment;
  }

  /**
   * Whether the corruption is in the last segment of the WAL directory itself, where a crash leaves
   * it mid-write; repairing there loses only the records after the corruption in that one segment.
   */
  public boolean inLastSegment() {
    return tail;
  }
}
