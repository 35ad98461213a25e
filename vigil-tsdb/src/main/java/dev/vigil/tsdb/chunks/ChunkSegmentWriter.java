package dev.vigil.tsdb.chunks;

import dev.vigil.core.chunkenc.Chunk;
import dev.vigil.tsdb.encoding.EncodingBuffer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes chunk records into numbered segment files ({@link ChunkSegments}). The chunks of one series
 * are written together; a new segment is started exactly where Prometheus would start one, so block
 * files come out byte-identical.
 */
public final class ChunkSegmentWriter implements AutoCloseable {
  private final Path dir;
  private final long maxSegmentSize;
  private final EncodingBuffer header = new EncodingBuffer(16);
  private final CRC32C crc = new CRC32C();
  private FileChannel channel;
  private OutputStream out;
  private int sequence;
  private long position;

  public ChunkSegmentWriter(Path dir) throws IOException {
    this(dir, ChunkSegments.DEFAULT_MAX_SEGMENT_SIZE);
  }

  public ChunkSegmentWriter(Path dir, long maxSegmentSize) throws IOException {
    this.dir = dir;
    this.maxSegmentSize = maxSegmentSize;
    Files.createDirectories(dir);
  }

  /**
   * Writes one series' chunks and returns their references, in order. Mirrors Prometheus's batching:
   * the chunks are split into batches that fit a segment, counting each length field at its maximum
   * size, and the first batch may still go into the current segment when it fits.
   */
  public long[] write(List<Chunk> chunks) throws IOException {
    int n = chunks.size();
    int[] batchStarts = new int[n + 1];
    int batches = 1;
    long batchSize = 0;
    boolean firstBatch = true;
    for (int i = 0; i < n; i++) {
      long chunkSize = ChunkSegments.MAX_LENGTH_FIELD_SIZE + 1L + sizeOf(chunks.get(i)) + 4;
      batchSize += chunkSize;
      boolean cut = i != 0 && batchSize + ChunkSegments.HEADER_SIZE > maxSegmentSize;
      if (firstBatch && position > ChunkSegments.HEADER_SIZE) {
        cut = batchSize + position > maxSegmentSize;
        if (cut) {
          firstBatch = false;
        }
      }
      if (cut) {
        batchStarts[batches++] = i;
        batchSize = chunkSize;
      }
    }
    batchStarts[batches] = n;
    if (position == 0) {
      cut();
    }
    long[] refs = new long[n];
    for (int b = 0; b < batches; b++) {
      for (int i = batchStarts[b]; i < batchStarts[b + 1]; i++) {
        refs[i] = writeRecord(chunks.get(i));
      }
      if (b < batches - 1) {
        cut();
      }
    }
    return refs;
  }

  private static int sizeOf(Chunk chunk) {
    if (chunk instanceof dev.vigil.core.chunkenc.XorChunk) {
      return ((dev.vigil.core.chunkenc.XorChunk) chunk).sizeBytes();
    }
    return chunk.bytes().length;
  }

  private long writeRecord(Chunk chunk) throws IOException {
    long ref = ChunkSegments.ref(sequence - 1, position);
    byte[] data = chunk.bytes();
    header.reset();
    header.putUvarint(data.length);
    header.putByte(chunk.encoding().code());
    out.write(header.array(), 0, header.length());
    out.write(data);
    crc.reset();
    crc.update(chunk.encoding().code());
    crc.update(data);
    int sum = (int) crc.getValue();
    out.write(sum >>> 24);
    out.write(sum >>> 16);
    out.write(sum >>> 8);
    out.write(sum);
    position += header.length() + data.length + 4L;
    return ref;
  }

  private void cut() throws IOException {
    finishSegment();
    sequence++;
    Path file = dir.resolve(ChunkSegments.segmentName(sequence));
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
    header.reset();
    header.putBE32(ChunkSegments.MAGIC);
    header.putByte(ChunkSegments.FORMAT_V1);
    header.putByte(0);
    header.putByte(0);
    header.putByte(0);
    out.write(header.array(), 0, header.length());
    position = ChunkSegments.HEADER_SIZE;
  }

  private void finishSegment() throws IOException {
    if (out == null) {
      return;
    }
    out.flush();
    channel.force(true);
    out.close();
    out = null;
    channel = null;
  }

  /** Flushes and fsyncs the last segment. */
  @Override
  public void close() throws IOException {
    finishSegment();
  }
}
