package dev.vigil.tsdb.chunks;

import dev.vigil.core.chunkenc.Chunk;
import dev.vigil.core.chunkenc.Encoding;
import dev.vigil.core.chunkenc.XorChunk;
import dev.vigil.tsdb.encoding.CorruptionException;
import dev.vigil.tsdb.encoding.DecodingBuffer;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads chunks by reference from a block's memory-mapped segment files. Headers are checked on open;
 * each chunk's CRC is checked when it is read, and any inconsistency names the file and offset.
 */
public final class ChunkSegmentReader implements AutoCloseable {
  private final List<Path> files = new ArrayList<>();
  private final List<MappedByteBuffer> segments = new ArrayList<>();
  private final long sizeBytes;

  public ChunkSegmentReader(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new CorruptionException(dir, "chunks directory is missing");
    }
    List<Path> names = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path p : stream) {
        if (p.getFileName().toString().matches("[0-9]+")) {
          names.add(p);
        }
      }
    }
    names.sort((a, b) -> Long.compare(Long.parseLong(a.getFileName().toString()),
        Long.parseLong(b.getFileName().toString())));
    long total = 0;
    for (Path p : names) {
      MappedByteBuffer buf = map(p);
      checkHeader(p, buf);
      files.add(p);
      segments.add(buf);
      total += buf.limit();
    }
    sizeBytes = total;
  }

  private static MappedByteBuffer map(Path p) throws IOException {
    try (FileChannel ch = FileChannel.open(p)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new CorruptionException(p, "segment of " + size + " bytes exceeds the 2 GiB segment limit");
      }
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    }
  }

  private static void checkHeader(Path p, MappedByteBuffer buf) {
    if (buf.limit() < ChunkSegments.HEADER_SIZE) {
      throw new CorruptionException(p, 0, "segment of " + buf.limit() + " bytes is shorter than its 8-byte header");
    }
    int magic = buf.getInt(0);
    if (magic != ChunkSegments.MAGIC) {
      throw new CorruptionException(p, 0, String.format("bad magic %08x, expected %08x", magic, ChunkSegments.MAGIC));
    }
    int version = buf.get(4) & 0xFF;
    if (version != ChunkSegments.FORMAT_V1) {
      throw new CorruptionException(p, 4, "unsupported chunk segment version " + version + ", expected 1");
    }
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public int segmentCount() {
    return segments.size();
  }

  /** Reads and verifies the chunk at {@code ref}; the returned chunk owns a copy of its bytes. */
  public Chunk chunk(long ref) {
    int seg = ChunkSegments.segmentIndex(ref);
    int offset = ChunkSegments.offset(ref);
    if (seg < 0 || seg >= segments.size()) {
      throw new CorruptionException(files.isEmpty() ? Path.of("chunks") : files.get(0).getParent(),
          "chunk reference " + Long.toUnsignedString(ref) + " names segment " + seg + " but there are "
              + segments.size());
    }
    MappedByteBuffer buf = segments.get(seg);
    Path file = files.get(seg);
    if (offset < ChunkSegments.HEADER_SIZE || offset >= buf.limit()) {
      throw new CorruptionException(file, offset, "chunk reference points outside the segment of " + buf.limit()
          + " bytes");
    }
    DecodingBuffer d = new DecodingBuffer(buf, file, offset, buf.limit());
    int len = d.readUvarintInt();
    int encodingAt = d.position();
    int code = d.readByte();
    if (d.remaining() < len + 4) {
      throw new CorruptionException(file, offset, "chunk of " + len + " bytes runs past the end of the segment");
    }
    int dataAt = d.position();
    d.verifyCrc32c(encodingAt, dataAt + len, "chunk");
    Encoding encoding = Encoding.fromCode(code);
    if (encoding != Encoding.XOR) {
      throw new CorruptionException(file, encodingAt, "unsupported chunk encoding " + code
          + (encoding == null ? "" : " (" + encoding + ")"));
    }
    // Allocated with the decoder's padding so that wrapping does not copy again.
    byte[] data = new byte[len + XorChunk.PADDING];
    buf.get(dataAt, data, 0, len);
    return XorChunk.wrap(data, 0, len);
  }

  @Override
  public void close() {
    segments.clear();
  }
}
