package dev.vigil.it;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Explains where two block files first differ, in the terms of the TSDB format (prometheus.md 1.3,
 * 1.4): the index section (and, in the series section, which series entry, with its labels), or the
 * chunk record (and which series and chunk the reference index says owns it). The decoding here is
 * deliberately independent of Vigil's reader and reads the reference (promtool's) files, so a bug in
 * Vigil's reader cannot hide one in its writer.
 */
final class BlockFileDiff {
  private static final int TOC_LEN = 6 * 8 + 4;
  private static final String[] SECTIONS = {
    "symbol table", "series", "label indices", "label offset table", "postings", "postings offset table"
  };

  private BlockFileDiff() {}

  /** Null when equal; else offset, lengths, hex context and what lies at that offset. */
  static String describe(String what, byte[] expected, byte[] actual, String where) {
    int at = Arrays.mismatch(expected, actual);
    if (at < 0) {
      return null;
    }
    return what + " differs first at offset " + at + " (0x" + Integer.toHexString(at) + "); promtool "
        + expected.length + " bytes, vigil " + actual.length + " bytes\n  promtool: " + hex(expected, at)
        + "\n  vigil:    " + hex(actual, at) + (where == null ? "" : "\n  " + where);
  }

  /** Where an offset lies in an index file (the reference one). */
  static String indexLocation(byte[] index, int offset) {
    try {
      if (offset < 5) {
        return "in the header (magic 0xBAAAD700, version 2)";
      }
      if (index.length < TOC_LEN || offset >= index.length - TOC_LEN) {
        return "in the TOC (last 52 bytes)";
      }
      ByteBuffer b = ByteBuffer.wrap(index);
      long[] toc = new long[6];
      for (int i = 0; i < 6; i++) {
        toc[i] = b.getLong(index.length - TOC_LEN + 8 * i);
      }
      int section = -1;
      for (int i = 0; i < 6; i++) {
        if (toc[i] != 0 && toc[i] <= offset && (section < 0 || toc[i] >= toc[section])) {
          section = i;
        }
      }
      if (section < 0) {
        return "before the first section";
      }
      String where = "in the " + SECTIONS[section] + " section (starts at " + toc[section] + ")";
      if (section == 1) {
        SeriesEntry e = seriesAt(index, toc, offset);
        if (e != null) {
          where += ", series entry #" + e.ordinal + " at " + e.start + " (ref " + e.start / 16 + ") "
              + e.labels + " with " + e.chunks.size() + " chunks";
        }
      }
      return where;
    } catch (RuntimeException e) {
      return "(cannot decode the reference index: " + e + ")";
    }
  }

  /** Where an offset lies in a chunk segment (the reference one), and who owns that chunk. */
  static String chunkLocation(byte[] segment, int segmentIndex, byte[] index, int offset) {
    try {
      if (offset < 8) {
        return "in the segment header (magic 0x85BD40DD, version 1, padding)";
      }
      int pos = 8;
      int record = 0;
      while (pos < segment.length) {
        int start = pos;
        long[] len = uvarint(segment, pos);
        int end = (int) (len[1] + 1 + len[0] + 4);
        if (offset < end) {
          long ref = ((long) segmentIndex << 32) | start;
          String owner = ownerOf(index, ref);
          return "in chunk record #" + record + " at " + start + " (" + (end - start) + " bytes, encoding "
              + segment[(int) len[1]] + ", offset into record " + (offset - start) + "), ref " + ref + ": " + owner;
        }
        pos = end;
        record++;
      }
      return "past the last chunk record";
    } catch (RuntimeException e) {
      return "(cannot decode the reference chunks: " + e + ")";
    }
  }

  private static String ownerOf(byte[] index, long ref) {
    ByteBuffer b = ByteBuffer.wrap(index);
    long[] toc = new long[6];
    for (int i = 0; i < 6; i++) {
      toc[i] = b.getLong(index.length - TOC_LEN + 8 * i);
    }
    List<String> symbols = symbols(index, (int) toc[0]);
    int pos = (int) toc[1];
    int ordinal = 0;
    while (pos < toc[2]) {
      SeriesEntry e = entry(index, pos, ordinal, symbols);
      if (e == null) {
        break;
      }
      for (int i = 0; i < e.chunks.size(); i++) {
        long[] c = e.chunks.get(i);
        if (c[2] == ref) {
          return "series " + e.labels + " chunk " + i + " of " + e.chunks.size() + " [" + c[0] + ".." + c[1] + "]";
        }
      }
      pos = e.next;
      ordinal++;
    }
    return "no series in the reference index points at it";
  }

  private record SeriesEntry(int ordinal, int start, int next, String labels, List<long[]> chunks) {}

  private static SeriesEntry seriesAt(byte[] index, long[] toc, int offset) {
    List<String> symbols = symbols(index, (int) toc[0]);
    int pos = (int) toc[1];
    int ordinal = 0;
    while (pos < toc[2]) {
      SeriesEntry e = entry(index, pos, ordinal, symbols);
      if (e == null) {
        return null;
      }
      if (offset < e.next) {
        return e;
      }
      pos = e.next;
      ordinal++;
    }
    return null;
  }

  /**
   * Decodes the series entry at the first 16-byte aligned offset from {@code pos} (the TOC points at
   * the section start, before the padding of the first entry), or null at the padding after the last.
   */
  private static SeriesEntry entry(byte[] index, int from, int ordinal, List<String> symbols) {
    int pos = (from + 15) & ~15;
    long[] len = uvarint(index, pos);
    if (len[0] == 0) {
      return null;
    }
    int p = (int) len[1];
    int bodyEnd = p + (int) len[0];
    long[] n = uvarint(index, p);
    p = (int) n[1];
    StringBuilder labels = new StringBuilder("{");
    for (int i = 0; i < n[0]; i++) {
      long[] name = uvarint(index, p);
      long[] value = uvarint(index, (int) name[1]);
      p = (int) value[1];
      if (i > 0) {
        labels.append(", ");
      }
      labels.append(symbol(symbols, name[0])).append("=\"").append(symbol(symbols, value[0])).append('"');
    }
    labels.append('}');
    long[] count = uvarint(index, p);
    p = (int) count[1];
    List<long[]> chunks = new ArrayList<>();
    long prevMax = 0;
    long prevRef = 0;
    for (int i = 0; i < count[0]; i++) {
      long mint;
      if (i == 0) {
        long[] v = varint(index, p);
        mint = v[0];
        p = (int) v[1];
      } else {
        long[] v = uvarint(index, p);
        mint = prevMax + v[0];
        p = (int) v[1];
      }
      long[] d = uvarint(index, p);
      p = (int) d[1];
      long maxt = mint + d[0];
      long ref;
      if (i == 0) {
        long[] r = uvarint(index, p);
        ref = r[0];
        p = (int) r[1];
      } else {
        long[] r = varint(index, p);
        ref = prevRef + r[0];
        p = (int) r[1];
      }
      chunks.add(new long[] {mint, maxt, ref});
      prevMax = maxt;
      prevRef = ref;
    }
    int next = bodyEnd + 4;
    next = (next + 15) & ~15;
    return new SeriesEntry(ordinal, pos, next, labels.toString(), chunks);
  }

  private static List<String> symbols(byte[] index, int at) {
    ByteBuffer b = ByteBuffer.wrap(index);
    int count = b.getInt(at + 4);
    List<String> out = new ArrayList<>(count);
    int p = at + 8;
    for (int i = 0; i < count; i++) {
      long[] len = uvarint(index, p);
      out.add(new String(index, (int) len[1], (int) len[0], StandardCharsets.UTF_8));
      p = (int) (len[1] + len[0]);
    }
    return out;
  }

  private static String symbol(List<String> symbols, long ref) {
    return ref < symbols.size() ? symbols.get((int) ref) : "<bad symbol " + ref + ">";
  }

  /** Go's uvarint: returns {value, next position}. */
  private static long[] uvarint(byte[] buf, int pos) {
    long x = 0;
    int shift = 0;
    while (true) {
      byte b = buf[pos++];
      x |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return new long[] {x, pos};
      }
      shift += 7;
    }
  }

  /** Go's signed varint (zigzag). */
  private static long[] varint(byte[] buf, int pos) {
    long[] u = uvarint(buf, pos);
    long v = (u[0] >>> 1) ^ -(u[0] & 1);
    return new long[] {v, u[1]};
  }

  private static String hex(byte[] b, int at) {
    int from = Math.max(0, at - 8);
    int to = Math.min(b.length, at + 16);
    StringBuilder sb = new StringBuilder();
    sb.append('@').append(from).append(':');
    for (int i = from; i < to; i++) {
      sb.append(i == at ? " [" : " ").append(String.format("%02x", b[i] & 0xff)).append(i == at ? "]" : "");
    }
    if (at >= b.length) {
      sb.append(" [<end of file>]");
    }
    return sb.toString();
  }
}
