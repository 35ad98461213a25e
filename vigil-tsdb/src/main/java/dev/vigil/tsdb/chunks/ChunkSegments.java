package dev.vigil.tsdb.chunks;

/**
 * Constants and references of Prometheus's block chunk segment files:
 *
 * <pre>
 * file 000001, 000002 ...  (6-digit decimal names, at most 512 MiB each)
 * header   u32 BE magic 0x85BD40DD | u8 version 1 | 3 zero bytes
 * record   uvarint len(data) | u8 encoding | data | u32 BE CRC32C(encoding + data)
 * </pre>
 *
 * A chunk reference is a u64: the 0-based position of the segment file in the upper 32 bits and the
 * record's byte offset within it in the lower 32 bits.
 */
public final class ChunkSegments {
  public static final int MAGIC = 0x85BD40DD;
  public static final int FORMAT_V1 = 1;
  public static final int HEADER_SIZE = 8;
  public static final long DEFAULT_MAX_SEGMENT_SIZE = 512L * 1024 * 1024;
  /** Prometheus budgets the length varint at its 32-bit maximum when planning segment cuts. */
  public static final int MAX_LENGTH_FIELD_SIZE = 5;

  private ChunkSegments() {}

  public static long ref(int segmentIndex, long offset) {
    return ((long) segmentIndex << 32) | offset;
  }

  public static int segmentIndex(long ref) {
    return (int) (ref >>> 32);
  }

  public static int offset(long ref) {
    return (int) ref;
  }

  public static String segmentName(int sequence) {
    return String.format("%06d", sequence);
  }
}
