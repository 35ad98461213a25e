package dev.vigil.tsdb.wal;

/**
 * The constants of the segment layout. A segment is a sequence of pages; a page holds fragments, each
 * a 7-byte header (type, big-endian u16 length, big-endian CRC32C of the data) and the data. The type
 * byte's low three bits say where the fragment sits in its record; bit 3 marks snappy compression.
 */
final class WalFormat {
  static final int PAGE_SIZE = 32 * 1024;
  static final int HEADER_SIZE = 7;
  static final int DEFAULT_SEGMENT_SIZE = 128 * 1024 * 1024;

  /** The rest of the page is zero padding. */
  static final int PAGE_TERMINATOR = 0;
  static final int FULL = 1;
  static final int FIRST = 2;
  static final int MIDDLE = 3;
  static final int LAST = 4;

  static final int SNAPPY_FLAG = 0x08;
  static final int TYPE_MASK = 0x07;

  private WalFormat() {}

  static String fragmentName(int type) {
    switch (type) {
      case FULL:
        return "full";
      case FIRST:
        return "first";
      case MIDDLE:
        return "middle";
      case LAST:
        return "last";
      default:
        return "type " + type;
    }
  }
}
