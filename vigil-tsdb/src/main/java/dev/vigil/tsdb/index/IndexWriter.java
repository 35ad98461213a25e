package dev.vigil.tsdb.index;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Utf8Order;
import dev.vigil.tsdb.encoding.EncodingBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an index file ({@link IndexFormat}) byte for byte as Prometheus 2.42 writes it. Use in three
 * stages: {@link #addSymbol} for every symbol in sorted order, then {@link #addSeries} for every series
 * in label order, then {@link #close}, which writes label indices, postings, offset tables and TOC.
 *
 * <p>Postings are gathered in memory while series are added (4 bytes per series per label), which
 * keeps the writer single-pass.
 */
public final class IndexWriter implements AutoCloseable {
  private final FileChannel channel;
  private final EncodingBuffer out = new EncodingBuffer(1 << 20);
  private final EncodingBuffer entry = new EncodingBuffer(256);
  private long flushed;

  private final Map<String, Integer> symbolRefs = new HashMap<>();
  private final List<String> symbols = new ArrayList<>();
  private long symbolsStart = -1;
  private boolean seriesStarted;
  private long seriesStart;
  private Labels lastSeries;

  /** Per label name (sorted), per value symbol ref (sorted), the refs of series that carry it. */
  private final TreeMap<String, TreeMap<Integer, IntList>> postings = new TreeMap<>(Utf8Order::compare);
  private final IntList allPostings = new IntList();
  private boolean closed;

  public IndexWriter(Path file) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    out.putBE32(IndexFormat.MAGIC);
    out.putByte(IndexFormat.FORMAT_V2);
  }

  private long pos() {
    return flushed + out.length();
  }

  /** Adds the next symbol; symbols must be unique and come in UTF-8 byte order. */
  public void addSymbol(String symbol) throws IOException {
    if (seriesStarted) {
      throw new IllegalStateException("symbols must all be added before the first series");
    }
    if (symbolsStart < 0) {
      symbolsStart = pos();
      out.putBE64(0);
    } else if (Utf8Order.compare(symbol, symbols.get(symbols.size() - 1)) <= 0) {
      throw new IllegalArgumentException("symbol \"" + symbol + "\" out of order");
    }
    symbolRefs.put(symbol, symbols.size());
    symbols.add(symbol);
    // The symbol table stays in the buffer until it is finished, so its header can be patched in place.
    out.putUvarintString(symbol);
  }

  private void finishSymbols() throws IOException {
    if (symbolsStart < 0) {
      return;
    }
    long size = pos() - symbolsStart - 4;
    if (size > 0xFFFFFFFFL) {
      throw new IOException("symbol table of " + size + " bytes exceeds 4 GiB");
    }
    int start = (int) (symbolsStart - flushed);
    out.setBE32(start, (int) size);
    out.setBE32(start + 4, symbols.size());
    out.putCrc32c(start + 4);
  }

  /**
   * Adds a series with its chunk metas; series must come in strictly increasing label order and use
   * only symbols already added. {@code chunkMinTimes}, {@code chunkMaxTimes} and {@code chunkRefs} hold
   * one entry per chunk, ordered by time.
   */
  public void addSeries(Labels labels, long[] chunkMinTimes, long[] chunkMaxTimes, long[] chunkRefs)
      throws IOException {
    if (!seriesStarted) {
      finishSymbols();
      seriesStarted = true;
      seriesStart = pos();
    }
    if (lastSeries != null && labels.compareTo(lastSeries) <= 0) {
      throw new IllegalArgumentException("out-of-order series added with label set " + labels);
    }
    padTo(IndexFormat.SERIES_ALIGNMENT);
    long offset = pos();
    if (offset / IndexFormat.SERIES_ALIGNMENT > 0xFFFFFFFFL) {
      throw new IOException("series section exceeds the 64 GiB addressable by 32-bit series refs");
    }
    int ref = (int) (offset / IndexFormat.SERIES_ALIGNMENT);

    entry.reset();
    entry.putUvarint(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      int nameRef = symbolRef(labels.name(i));
      int valueRef = symbolRef(labels.value(i));
      entry.putUvarint(nameRef);
      entry.putUvarint(valueRef);
      postings.computeIfAbsent(labels.name(i), n -> new TreeMap<>()).computeIfAbsent(valueRef, v -> new IntList())
          .add(ref);
    }
    allPostings.add(ref);
    int n = chunkRefs.length;
    entry.putUvarint(n);
    if (n > 0) {
      entry.putVarint(chunkMinTimes[0]);
      entry.putUvarint(chunkMaxTimes[0] - chunkMinTimes[0]);
      entry.putUvarint(chunkRefs[0]);
      for (int i = 1; i < n; i++) {
        entry.putUvarint(chunkMinTimes[i] - chunkMaxTimes[i - 1]);
        entry.putUvarint(chunkMaxTimes[i] - chunkMinTimes[i]);
        entry.putVarint(chunkRefs[i] - chunkRefs[i - 1]);
      }
    }
    out.putUvarint(entry.length());
    int crcFrom = out.length();
    out.putBytes(entry.array(), 0, entry.length());
    out.putCrc32c(crcFrom);
    lastSeries = labels;
    maybeFlush();
  }

  private int symbolRef(String s) {
    Integer ref = symbolRefs.get(s);
    if (ref == null) {
      throw new IllegalArgumentException("symbol entry for \"" + s + "\" does not exist");
    }
    return ref;
  }

  /** Writes the remaining sections and the TOC, then fsyncs and closes the file. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!seriesStarted) {
        finishSymbols();
      }
      long[] toc = new long[6];
      toc[0] = Math.max(symbolsStart, 0);
      toc[1] = seriesStarted ? seriesStart : pos();
      toc[2] = pos();
      List<long[]> labelIndexOffsets = writeLabelIndices();
      toc[4] = pos();
      List<Long> postingOffsets = writePostings();
      toc[3] = pos();
      writeLabelIndexTable(labelIndexOffsets);
      toc[5] = pos();
      writePostingsTable(postingOffsets);
      int crcFrom = out.length();
      for (long t : toc) {
        out.putBE64(t);
      }
      out.putCrc32c(crcFrom);
      flush();
      channel.force(true);
    } finally {
      channel.close();
    }
  }

  /** Returns, per label name in order, {offset}; the names are {@link #postings}' keys. */
  private List<long[]> writeLabelIndices() throws IOException {
    List<long[]> offsets = new ArrayList<>();
    for (TreeMap<Integer, IntList> values : postings.values()) {
      padTo(4);
      offsets.add(new long[] {pos()});
      int start = out.length();
      out.putBE32(0);
      out.putBE32(1);
      out.putBE32(values.size());
      for (int valueRef : values.keySet()) {
        out.putBE32(valueRef);
      }
      out.setBE32(start, out.length() - start - 4);
      out.putCrc32c(start + 4);
      maybeFlush();
    }
    return offsets;
  }

  private List<Long> writePostings() throws IOException {
    padTo(4);
    List<Long> offsets = new ArrayList<>();
    offsets.add(writePostingList(allPostings));
    for (TreeMap<Integer, IntList> values : postings.values()) {
      for (IntList refs : values.values()) {
        offsets.add(writePostingList(refs));
      }
    }
    return offsets;
  }

  private long writePostingList(IntList refs) throws IOException {
    padTo(4);
    long offset = pos();
    int start = out.length();
    out.putBE32(4 + 4 * refs.size());
    out.putBE32(refs.size());
    for (int i = 0; i < refs.size(); i++) {
      out.putBE32(refs.get(i));
    }
    out.putCrc32c(start + 4);
    maybeFlush();
    return offset;
  }

  private void writeLabelIndexTable(List<long[]> offsets) throws IOException {
    int start = out.length();
    long startPos = pos();
    out.putBE32(0);
    out.putBE32(offsets.size());
    int i = 0;
    for (String name : postings.keySet()) {
      out.putUvarint(1);
      out.putUvarintString(name);
      out.putUvarint(offsets.get(i++)[0]);
    }
    finishTable(start, startPos);
  }

  private void writePostingsTable(List<Long> offsets) throws IOException {
    int start = out.length();
    long startPos = pos();
    out.putBE32(0);
    out.putBE32(offsets.size());
    int i = 0;
    putPostingsEntry("", "", offsets.get(i++));
    for (Map.Entry<String, TreeMap<Integer, IntList>> e : postings.entrySet()) {
      for (int valueRef : e.getValue().keySet()) {
        putPostingsEntry(e.getKey(), symbols.get(valueRef), offsets.get(i++));
      }
    }
    finishTable(start, startPos);
  }

  private void putPostingsEntry(String name, String value, long offset) {
    out.putUvarint(2);
    out.putUvarintString(name);
    out.putUvarintString(value);
    out.putUvarint(offset);
  }

  /** Patches the table's length and appends its CRC; tables are written without flushing in between. */
  private void finishTable(int start, long startPos) throws IOException {
    long len = pos() - startPos - 4;
    if (len > 0xFFFFFFFFL) {
      throw new IOException("offset table of " + len + " bytes exceeds 4 GiB");
    }
    out.setBE32(start, (int) len);
    out.putCrc32c(start + 4);
  }

  private void padTo(int alignment) {
    long p = pos() % alignment;
    if (p != 0) {
      for (long i = p; i < alignment; i++) {
        out.putByte(0);
      }
    }
  }

  private void maybeFlush() throws IOException {
    if (out.length() >= (1 << 20)) {
      flush();
    }
  }

  private void flush() throws IOException {
    ByteBuffer b = ByteBuffer.wrap(out.array(), 0, out.length());
    while (b.hasRemaining()) {
      channel.write(b);
    }
    flushed += out.length();
    out.reset();
  }
}
