package dev.vigil.tsdb.index;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import dev.vigil.tsdb.encoding.CorruptionException;
import dev.vigil.tsdb.encoding.DecodingBuffer;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a memory-mapped index file ({@link IndexFormat}). Opening checks the header, the TOC, the
 * symbol table and the postings offset table with their checksums; series entries and postings lists
 * are checked when they are read. Every error names the file and offset.
 *
 * <p>Symbols and the postings offset table are decoded into memory on open; series and postings stay
 * in the mapped file.
 */
public final class IndexReader implements PostingsIndex, AutoCloseable {
  private final Path file;
  private final MappedByteBuffer b;
  private final String[] symbols;
  /** Label name to its sorted values and their postings offsets; the all-postings key is under "". */
  private final Map<String, ValueOffsets> postingsTable;
  private final List<String> labelNames;

  private record ValueOffsets(String[] values, long[] offsets) {}

  private IndexReader(Path file, MappedByteBuffer b) {
    this.file = file;
    this.b = b;
    checkHeader();
    long[] toc = readToc();
    symbols = readSymbols(toc[0]);
    postingsTable = readPostingsTable(toc[5]);
    List<String> names = new ArrayList<>();
    for (String name : postingsTable.keySet()) {
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    labelNames = Collections.unmodifiableList(names);
  }

  public static IndexReader open(Path file) throws IOException {
    if (!java.nio.file.Files.exists(file)) {
      throw new CorruptionException(file, "index file is missing");
    }
    try (FileChannel ch = FileChannel.open(file)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new CorruptionException(file, "index of " + size + " bytes exceeds the 2 GiB this reader maps");
      }
      return new IndexReader(file, ch.map(FileChannel.MapMode.READ_ONLY, 0, size));
    }
  }

  public long sizeBytes() {
    return b.limit();
  }

  private void checkHeader() {
    if (b.limit() < IndexFormat.HEADER_SIZE + IndexFormat.TOC_SIZE) {
      throw new CorruptionException(file, 0, "index of " + b.limit() + " bytes is too short for header and TOC");
    }
    int magic = b.getInt(0);
    if (magic != IndexFormat.MAGIC) {
      throw new CorruptionException(file, 0, String.format("bad magic %08x, expected %08x", magic, IndexFormat.MAGIC));
    }
    int version = b.get(4) & 0xFF;
    if (version != IndexFormat.FORMAT_V2) {
      throw new CorruptionException(file, 4, "unsupported index version " + version + ", expected 2");
    }
  }

  private long[] readToc() {
    int start = b.limit() - IndexFormat.TOC_SIZE;
    DecodingBuffer d = new DecodingBuffer(b, file, start, b.limit());
    d.verifyCrc32c(start, start + 48, "TOC");
    long[] toc = new long[6];
    for (int i = 0; i < 6; i++) {
      toc[i] = d.readBE64();
      if (toc[i] < 0 || toc[i] > start) {
        throw new CorruptionException(file, start + 8L * i, "TOC entry " + i + " points to " + toc[i]
            + ", outside the file");
      }
    }
    return toc;
  }

  /** Opens a length-prefixed, CRC-terminated section and verifies its checksum. */
  private DecodingBuffer section(long offset, String what) {
    int at = (int) offset;
    DecodingBuffer header = new DecodingBuffer(b, file, at, b.limit());
    long len = header.readBE32() & 0xFFFFFFFFL;
    if (at + 4 + len + 4 > b.limit()) {
      throw new CorruptionException(file, at, what + " of " + len + " bytes runs past the end of the file");
    }
    int end = (int) (at + 4 + len);
    header.verifyCrc32c(at + 4, end, what);
    return new DecodingBuffer(b, file, at + 4, end);
  }

  private String[] readSymbols(long offset) {
    if (offset == 0) {
      return new String[0];
    }
    DecodingBuffer d = section(offset, "symbol table");
    int count = d.readBE32();
    if (count < 0 || count > d.remaining()) {
      throw d.corrupt("symbol count " + count + " exceeds the table size");
    }
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = d.readUvarintString();
    }
    return out;
  }

  private Map<String, ValueOffsets> readPostingsTable(long offset) {
    Map<String, ValueOffsets> table = new LinkedHashMap<>();
    if (offset == 0) {
      return table;
    }
    DecodingBuffer d = section(offset, "postings offset table");
    int count = d.readBE32();
    if (count < 0 || count > d.remaining()) {
      throw d.corrupt("postings offset table count " + count + " exceeds the table size");
    }
    String currentName = null;
    List<String> values = new ArrayList<>();
    long[] offsets = new long[16];
    for (int i = 0; i < count; i++) {
      int keys = d.readUvarintInt();
      if (keys != 2) {
        throw d.corrupt("postings offset table entry has " + keys + " keys, expected 2");
      }
      String name = d.readUvarintString();
      String value = d.readUvarintString();
      long off = d.readUvarint();
      if (currentName != null && !currentName.equals(name)) {
        table.put(currentName, new ValueOffsets(values.toArray(new String[0]), Arrays.copyOf(offsets, values.size())));
        values.clear();
      }
      currentName = name;
      if (values.size() == offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[values.size()] = off;
      values.add(value);
    }
    if (currentName != null) {
      table.put(currentName, new ValueOffsets(values.toArray(new String[0]), Arrays.copyOf(offsets, values.size())));
    }
    return table;
  }

  /** All symbols in sorted order. */
  public List<String> symbols() {
    return Collections.unmodifiableList(Arrays.asList(symbols));
  }

  public String symbol(long ref) {
    if (ref < 0 || ref >= symbols.length) {
      throw new CorruptionException(file, "symbol reference " + ref + " out of range (" + symbols.length
          + " symbols)");
    }
    return symbols[(int) ref];
  }

  /** Sorted label names, without the all-postings key. */
  public List<String> labelNames() {
    return labelNames;
  }

  /** Sorted values of a label name; empty when no series has it. */
  @Override
  public List<String> labelValues(String name) {
    ValueOffsets vo = postingsTable.get(name);
    return vo == null ? List.of() : Collections.unmodifiableList(Arrays.asList(vo.values));
  }

  /** Postings of every series in the block, in label order. */
  @Override
  public Postings allPostings() {
    return postings("", "");
  }

  @Override
  public Postings postings(String name, String value) {
    ValueOffsets vo = postingsTable.get(name);
    if (vo == null) {
      return Postings.EMPTY;
    }
    int i = Arrays.binarySearch(vo.values, value, dev.vigil.core.labels.Utf8Order::compare);
    if (i < 0) {
      return Postings.EMPTY;
    }
    return postingsAt(vo.offsets[i]);
  }

  /** The union of the postings of several values of one label. */
  @Override
  public Postings postings(String name, List<String> values) {
    List<Postings> its = new ArrayList<>(values.size());
    for (String v : values) {
      Postings p = postings(name, v);
      if (p != Postings.EMPTY) {
        its.add(p);
      }
    }
    return PostingsOps.merge(its);
  }

  private Postings postingsAt(long offset) {
    DecodingBuffer d = section(offset, "postings list");
    int count = d.readBE32();
    if (count < 0 || (long) count * 4 != d.remaining()) {
      throw d.corrupt("postings list claims " + count + " entries in " + d.remaining() + " bytes");
    }
    return new BigEndianPostings(b, d.position(), count);
  }

  /** Decodes the series entry with this reference (its offset divided by 16). */
  public SeriesEntry series(long ref) {
    long offset = ref * IndexFormat.SERIES_ALIGNMENT;
    if (ref < 0 || offset >= b.limit() - IndexFormat.TOC_SIZE) {
      throw new CorruptionException(file, offset, "series reference " + ref + " points outside the index");
    }
    DecodingBuffer d = new DecodingBuffer(b, file, (int) offset, b.limit());
    int len = d.readUvarintInt();
    int bodyStart = d.position();
    if (d.remaining() < len + 4) {
      throw d.corrupt("series entry of " + len + " bytes runs past the end of the file");
    }
    d.verifyCrc32c(bodyStart, bodyStart + len, "series " + ref);
    DecodingBuffer body = new DecodingBuffer(b, file, bodyStart, bodyStart + len);
    int numLabels = body.readUvarintInt();
    if (numLabels > len) {
      throw body.corrupt("series claims " + numLabels + " labels in " + len + " bytes");
    }
    LabelsBuilder lb = Labels.builder();
    for (int i = 0; i < numLabels; i++) {
      String name = symbol(body.readUvarint());
      String value = symbol(body.readUvarint());
      lb.add(name, value);
    }
    int numChunks = body.readUvarintInt();
    if (numChunks > len) {
      throw body.corrupt("series claims " + numChunks + " chunks in " + len + " bytes");
    }
    long[] mins = new long[numChunks];
    long[] maxs = new long[numChunks];
    long[] refs = new long[numChunks];
    for (int i = 0; i < numChunks; i++) {
      if (i == 0) {
        mins[0] = body.readVarint();
        maxs[0] = mins[0] + body.readUvarint();
        refs[0] = body.readUvarint();
      } else {
        mins[i] = maxs[i - 1] + body.readUvarint();
        maxs[i] = mins[i] + body.readUvarint();
        refs[i] = refs[i - 1] + body.readVarint();
      }
    }
    Labels labels;
    try {
      labels = lb.build();
    } catch (IllegalArgumentException e) {
      throw new CorruptionException(file, offset, "series " + ref + ": " + e.getMessage());
    }
    return new SeriesEntry(ref, labels, mins, maxs, refs);
  }

  @Override
  public void close() {
    // The mapping is released by the garbage collector; Java 17 offers no safe explicit unmap.
  }
}
