package dev.vigil.core.chunkenc;

/**
 * Encodes samples into an XOR chunk; the format is described at {@link XorChunk}. It is the chunk's
 * bit stream itself rather than holding one, and can be used without an {@link XorChunk} around it:
 * a head keeps one chunk per series open, so each object less is memory every series pays and a
 * pointer less to follow on every append. {@link #seal()} copies out what was written. Not final: a
 * head's series extends it to be its own open chunk, and {@link #restart} starts its next chunk.
 */
public class XorAppender extends BitWriter implements ChunkAppender {
  /** No leading-zero count yet: the next value writes its own. */
  private static final byte UNSET = -1;
  private static final byte[] NO_BYTES = new byte[0];

  private int count;
  private long t;
  private long v;
  private long tDelta;
  /**
   * The last written window of significant bits (at most 31 leading zeros, at most 63 trailing): bytes,
   * as a head holds one appender per series.
   */
  private byte leading = UNSET;
  private byte trailing;

  /**
   * A new chunk's buffer size when nothing better is known. Small: a chunk of regular samples takes
   * about a byte and a half per sample, and many series of a head are a few samples into their chunk.
   */
  public static final int INITIAL_CAPACITY = 32;

  /** An appender of a new, empty chunk. */
  public XorAppender() {
    this(INITIAL_CAPACITY);
  }

  /**
   * An appender of a new, empty chunk whose buffer starts at {@code initialCapacity} bytes, such as
   * the size of the series' previous chunk, so that a steady series fills one buffer per chunk instead
   * of outgrowing (and leaving for the collector) several.
   */
  public XorAppender(int initialCapacity) {
    super(initialCapacity);
    reserveBytes(2);
  }

  /** Says that an appender has no buffer until a {@link #restart(byte[], int, int)}. */
  protected enum Unplaced {
    UNTIL_RESTART
  }

  /**
   * An appender with no buffer yet, for a subclass that places each chunk itself: {@link
   * #restart(byte[], int, int)} must start one before the first append.
   */
  protected XorAppender(Unplaced unplaced) {
    super(NO_BYTES, 0, 0);
  }

  /**
   * Starts a new, empty chunk in {@code capacity} bytes of {@code buffer} from {@code base}, such as
   * a slot of a head's arena; the bytes there need not be zero. A chunk {@link #seal()}ed before
   * keeps its own copy.
   */
  protected void restart(byte[] buffer, int base, int capacity) {
    reset(buffer, base, capacity);
    startChunk();
  }

  /** Drops the buffer, which its owner takes back: nothing is held until the next restart. */
  protected void unplace() {
    reset(NO_BYTES, 0, 0);
    count = 0;
  }

  private void startChunk() {
    count = 0;
    t = 0;
    v = 0;
    tDelta = 0;
    leading = UNSET;
    trailing = 0;
    reserveBytes(2);
  }

  @Override
  public void append(long time, double value) {
    // Checked before writing: a rejected sample must leave the chunk's bytes untouched.
    if (count == 0xFFFF) {
      throw new IllegalStateException("an XOR chunk holds at most 65535 samples");
    }
    long bits = Double.doubleToRawLongBits(value);
    long delta = 0;
    if (count == 0) {
      writeVarint(time);
      writeBits(bits, 64);
    } else if (count == 1) {
      delta = time - t;
      writeUvarint(delta);
      writeValue(bits);
    } else {
      delta = time - t;
      long dod = delta - tDelta;
      if (dod == 0) {
        writeBit(false);
      } else if (fits(dod, 14)) {
        writeBits(0b10, 2);
        writeBits(dod, 14);
      } else if (fits(dod, 17)) {
        writeBits(0b110, 3);
        writeBits(dod, 17);
      } else if (fits(dod, 20)) {
        writeBits(0b1110, 4);
        writeBits(dod, 20);
      } else {
        writeBits(0b1111, 4);
        writeBits(dod, 64);
      }
      writeValue(bits);
    }
    t = time;
    v = bits;
    tDelta = delta;
    count++;
    setByte(0, count >>> 8);
    setByte(1, count);
  }

  public int numSamples() {
    return count;
  }

  /** The newest sample's time; only once a sample was appended. */
  public long lastTime() {
    return t;
  }

  /** The raw bits of the newest sample's value; only once a sample was appended. */
  public long lastValueBits() {
    return v;
  }

  /** A read-only chunk of the samples appended so far, with exactly their bytes (plus padding). */
  public XorChunk seal() {
    return XorChunk.wrap(copy(XorChunk.PADDING), 0, length());
  }

  /** Prometheus's asymmetric range: -(2^(n-1)-1) <= x <= 2^(n-1). */
  private static boolean fits(long x, int nbits) {
    long half = 1L << (nbits - 1);
    return -(half - 1) <= x && x <= half;
  }

  private void writeValue(long bits) {
    long delta = bits ^ v;
    if (delta == 0) {
      writeBit(false);
      return;
    }
    writeBit(true);
    int newLeading = Math.min(Long.numberOfLeadingZeros(delta), 31);
    int newTrailing = Long.numberOfTrailingZeros(delta);
    if (leading != UNSET && newLeading >= leading && newTrailing >= trailing) {
      writeBit(false);
      writeBits(delta >>> trailing, 64 - leading - trailing);
      return;
    }
    leading = (byte) newLeading;
    trailing = (byte) newTrailing;
    writeBit(true);
    writeBits(newLeading, 5);
    int sigbits = 64 - newLeading - newTrailing;
    // 64 significant bits do not fit in 6 bits; they are written as 0 and read back as 64.
    writeBits(sigbits, 6);
    writeBits(delta >>> newTrailing, sigbits);
  }

  private void writeVarint(long x) {
    writeUvarint((x << 1) ^ (x >> 63));
  }

  private void writeUvarint(long x) {
    while (Long.compareUnsigned(x, 0x80) >= 0) {
      writeByte((int) (x & 0x7F) | 0x80);
      x >>>= 7;
    }
    writeByte((int) x);
  }
}
