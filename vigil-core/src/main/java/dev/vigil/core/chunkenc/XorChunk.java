package dev.vigil.core.chunkenc;

import dev.vigil.core.storage.SampleIterator;

/**
 * Prometheus's XOR chunk: Gorilla compression with millisecond timestamps. Layout, bits most
 * significant first:
 *
 * <pre>
 * u16 BE   number of samples
 * sample 0 varint t0 | 64 bits of v0
 * sample 1 uvarint (t1 - t0) | xor(v1)
 * sample n delta-of-delta of t | xor(vn)
 * </pre>
 *
 * A delta-of-delta {@code dod} is written as {@code 0} when zero; else {@code 10} + 14 bits, {@code
 * 110} + 17 bits or {@code 1110} + 20 bits when it fits the asymmetric range {@code -(2^(n-1)-1) <=
 * dod <= 2^(n-1)}, else {@code 1111} + 64 bits. A value is written as {@code 0} when equal to the
 * previous one; else {@code 1}, then {@code 0} + the meaningful bits when they fit the previous
 * leading/trailing-zero window, or {@code 1} + 5 bits leading zeros (clamped to 31) + 6 bits
 * significant-bit count (64 written as 0) + the bits, opening a new window.
 *
 * <p>A chunk built by {@link #empty()} is appendable; one built by {@link #wrap} is read-only.
 */
public final class XorChunk implements Chunk {
  /**
   * Readable bytes every chunk has after its end, so the decoder can load 64-bit windows without a
   * bounds branch. {@link #wrap} copies the bytes when the array lacks them.
   */
  public static final int PADDING = 8;

  private final XorAppender writer;
  private final byte[] data;
  private final int offset;
  private final int length;
  private boolean appenderTaken;

  private XorChunk(XorAppender writer, byte[] data, int offset, int length) {
    this.writer = writer;
    this.data = data;
    this.offset = offset;
    this.length = length;
  }

  /** A new empty chunk, ready for {@link #appender()}. */
  public static XorChunk empty() {
    return new XorChunk(new XorAppender(), null, 0, 0);
  }

  /**
   * A read-only view of encoded bytes; the array must not change while the chunk is in use. Without
   * {@link #PADDING} bytes after the range, the range is copied into an array that has them.
   */
  public static XorChunk wrap(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IllegalArgumentException("range [" + offset + ", " + offset + "+" + length + ") outside an array of "
          + data.length);
    }
    if (length < 2) {
      throw new ChunkFormatException("XOR chunk of " + length + " bytes is shorter than its 2-byte header");
    }
    if (data.length - offset - length < PADDING) {
      return new XorChunk(null, java.util.Arrays.copyOfRange(data, offset, offset + length + PADDING), 0, length);
    }
    return new XorChunk(null, data, offset, length);
  }

  /**
   * A read-only copy of this chunk with exactly its bytes (plus padding), dropping the writer's
   * growable buffer; for chunks that are complete.
   */
  public XorChunk seal() {
    return writer == null ? this : writer.seal();
  }

  public static XorChunk wrap(byte[] data) {
    return wrap(data, 0, data.length);
  }

  @Override
  public Encoding encoding() {
    return Encoding.XOR;
  }

  @Override
  public byte[] bytes() {
    if (writer != null) {
      return writer.toByteArray();
    }
    if (offset == 0 && length == data.length) {
      return data;
    }
    return java.util.Arrays.copyOfRange(data, offset, offset + length);
  }

  /** Size of the encoded bytes without copying them. */
  public int sizeBytes() {
    return writer != null ? writer.length() : length;
  }

  @Override
  public int numSamples() {
    byte[] b = writer != null ? writer.buffer() : data;
    int o = writer != null ? writer.base() : offset;
    return ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF);
  }

  /** An appender continuing after the chunk's last sample; only for chunks made by {@link #empty()}. */
  public ChunkAppender appender() {
    if (writer == null) {
      throw new IllegalStateException("read-only XOR chunk");
    }
    if (appenderTaken) {
      throw new IllegalStateException("an XOR chunk has one appender");
    }
    appenderTaken = true;
    return writer;
  }

  @Override
  public SampleIterator iterator(SampleIterator reuse) {
    XorIterator it = reuse instanceof XorIterator ? (XorIterator) reuse : new XorIterator();
    if (writer != null) {
      it.reset(writer.buffer(), writer.base(), writer.length());
    } else {
      it.reset(data, offset, length);
    }
    return it;
  }
}
