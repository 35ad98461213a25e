package dev.vigil.tsdb.index;

/**
 * Constants of Prometheus's index format v2. The file is:
 *
 * <pre>
 * u32 BE magic 0xBAAAD700 | u8 version 2
 * symbol table          len u32 | #symbols u32 | uvarint-prefixed UTF-8 strings, sorted | CRC32C
 * series                16-byte aligned entries; a series' ref is its offset / 16:
 *                         uvarint len | uvarint #labels | (uvarint name ref, uvarint value ref)...
 *                         | uvarint #chunks | chunk metas | CRC32C
 * label indices         4-byte aligned; per name: len u32 | 1 u32 | #values u32 | value refs u32... | CRC32C
 * postings              4-byte aligned; per (name, value), first the all-series list ("", ""):
 *                         len u32 | #refs u32 | series refs u32... | CRC32C
 * label offset table    len u32 | #entries u32 | (uvarint 1, uvarint-string name, uvarint64 offset)... | CRC32C
 * postings offset table len u32 | #entries u32 | (uvarint 2, name, value, uvarint64 offset)... | CRC32C
 * TOC                   six u64 BE section offsets | CRC32C of those 48 bytes
 * </pre>
 *
 * Symbol refs are ordinals in the symbol table. A section's len counts the bytes between the len field
 * and the CRC, and the CRC covers exactly those bytes. Chunk metas: the first is {@code varint mint,
 * uvarint (maxt - mint), uvarint ref}; each next is {@code uvarint (mint - previous maxt), uvarint
 * (maxt - mint), varint (ref - previous ref)}.
 */
public final class IndexFormat {
  public static final int MAGIC = 0xBAAAD700;
  public static final int FORMAT_V2 = 2;
  public static final int HEADER_SIZE = 5;
  public static final int TOC_SIZE = 6 * 8 + 4;
  public static final int SERIES_ALIGNMENT = 16;

  private IndexFormat() {}
}
