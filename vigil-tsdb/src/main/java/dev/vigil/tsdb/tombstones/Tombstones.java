package dev.vigil.tsdb.tombstones;

import dev.vigil.tsdb.encoding.CorruptionException;
import dev.vigil.tsdb.encoding.DecodingBuffer;
import dev.vigil.tsdb.encoding.EncodingBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deleted intervals per series reference, and the tombstones file that stores them:
 *
 * <pre>
 * u32 BE magic 0x0130BA30 | u8 version 1 | entries | u32 BE CRC32C of the entries
 * entry: uvarint64 series ref | varint64 mint | varint64 maxt
 * </pre>
 *
 * Every block has this file; one without deletions holds no entries (9 bytes).
 */
public final class Tombstones {
  public static final String FILE_NAME = "tombstones";
  public static final int MAGIC = 0x0130BA30;
  public static final int VERSION = 1;
  private static final Tombstones NONE = new Tombstones(Collections.emptyMap());

  private final Map<Long, List<Interval>> bySeries;

  private Tombstones(Map<Long, List<Interval>> bySeries) {
    this.bySeries = bySeries;
  }

  public static Tombstones none() {
    return NONE;
  }

  /** Deleted intervals of a series, sorted by start; empty when nothing was deleted. */
  public List<Interval> get(long seriesRef) {
    List<Interval> l = bySeries.get(seriesRef);
    return l == null ? List.of() : l;
  }

  public boolean isEmpty() {
    return bySeries.isEmpty();
  }

  public int count() {
    int n = 0;
    for (List<Interval> l : bySeries.values()) {
      n += l.size();
    }
    return n;
  }

  public static void write(Path file, Map<Long, List<Interval>> tombstones) throws IOException {
    EncodingBuffer b = new EncodingBuffer(64);
    b.putBE32(MAGIC);
    b.putByte(VERSION);
    int entriesStart = b.length();
    for (Map.Entry<Long, List<Interval>> e : new TreeMap<>(tombstones).entrySet()) {
      for (Interval iv : e.getValue()) {
        b.putUvarint(e.getKey());
        b.putVarint(iv.minTime());
        b.putVarint(iv.maxTime());
      }
    }
    b.putCrc32c(entriesStart);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(b.array(), 0, b.length());
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
  }

  public static Tombstones read(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new CorruptionException(file, "tombstones file is missing");
    }
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
    if (b.limit() < 9) {
      throw new CorruptionException(file, 0, "tombstones file of " + b.limit() + " bytes is shorter than 9");
    }
    if (b.getInt(0) != MAGIC) {
      throw new CorruptionException(file, 0, String.format("bad magic %08x, expected %08x", b.getInt(0), MAGIC));
    }
    if ((b.get(4) & 0xFF) != VERSION) {
      throw new CorruptionException(file, 4, "unsupported tombstones version " + (b.get(4) & 0xFF));
    }
    int crcAt = b.limit() - 4;
    new DecodingBuffer(b, file, 5, b.limit()).verifyCrc32c(5, crcAt, "tombstones");
    DecodingBuffer d = new DecodingBuffer(b, file, 5, crcAt);
    Map<Long, List<Interval>> map = new TreeMap<>();
    while (d.remaining() > 0) {
      long ref = d.readUvarint();
      long mint = d.readVarint();
      long maxt = d.readVarint();
      map.computeIfAbsent(ref, r -> new ArrayList<>()).add(new Interval(mint, maxt));
    }
    if (map.isEmpty()) {
      return NONE;
    }
    for (List<Interval> l : map.values()) {
      l.sort((x, y) -> Long.compare(x.minTime(), y.minTime()));
    }
    return new Tombstones(map);
  }
}
