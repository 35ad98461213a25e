package dev.vigil.bench.data;

import dev.vigil.core.chunkenc.ChunkAppender;
import dev.vigil.core.chunkenc.XorChunk;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.ValueType;
import java.util.Arrays;

/**
 * Samples cut into chunks, held as flat primitive arrays: chunk {@code i} is {@code times[starts[i]
 * .. starts[i+1])} and the same range of {@code values}. Nothing per sample is an object, so the
 * encode benchmark measures the encoder and not the input.
 */
public final class SampleData {
  private final long[] times;
  private final double[] values;
  private final int[] starts;

  SampleData(long[] times, double[] values, int[] starts) {
    if (times.length != values.length || starts[starts.length - 1] != times.length) {
      throw new IllegalArgumentException("inconsistent sample arrays");
    }
    this.times = times;
    this.values = values;
    this.starts = starts;
  }

  public long[] times() {
    return times;
  }

  public double[] values() {
    return values;
  }

  /** Chunk boundaries, {@code chunks() + 1} entries, the last one being {@link #samples()}. */
  public int[] starts() {
    return starts;
  }

  public int chunks() {
    return starts.length - 1;
  }

  public long samples() {
    return times.length;
  }

  /** Encodes chunk {@code i} into a new XOR chunk. */
  public XorChunk encode(int i) {
    XorChunk c = XorChunk.empty();
    ChunkAppender a = c.appender();
    for (int j = starts[i]; j < starts[i + 1]; j++) {
      a.append(times[j], values[j]);
    }
    return c;
  }

  /**
   * Every chunk encoded and wrapped read-only the way the block reader hands chunks out: a private
   * copy of the bytes with 8 spare bytes after them (see {@code ChunkSegmentReader#chunk}).
   */
  public XorChunk[] encodeAll() {
    XorChunk[] out = new XorChunk[chunks()];
    for (int i = 0; i < out.length; i++) {
      out[i] = asStored(encode(i).bytes());
    }
    return out;
  }

  /** A read-only chunk over a copy of {@code bytes} padded like the block reader pads it. */
  public static XorChunk asStored(byte[] bytes) {
    return XorChunk.wrap(Arrays.copyOf(bytes, bytes.length + 8), 0, bytes.length);
  }

  /** Total encoded bytes of the chunks (without padding), for bytes/sample figures. */
  public static long encodedBytes(XorChunk[] chunks) {
    long n = 0;
    for (XorChunk c : chunks) {
      n += c.sizeBytes();
    }
    return n;
  }

  /**
   * Decodes every chunk and checks it against these samples bit for bit, so a benchmark never
   * measures a decoder that returns the wrong thing.
   */
  public void verify(XorChunk[] chunks) {
    if (chunks.length != chunks()) {
      throw new IllegalStateException(chunks.length + " chunks for " + chunks() + " expected");
    }
    SampleIterator it = null;
    for (int i = 0; i < chunks.length; i++) {
      it = chunks[i].iterator(it);
      for (int j = starts[i]; j < starts[i + 1]; j++) {
        if (it.next() != ValueType.FLOAT || it.atTime() != times[j]
            || Double.doubleToRawLongBits(it.atValue()) != Double.doubleToRawLongBits(values[j])) {
          throw new IllegalStateException("chunk " + i + " decodes differently at sample " + (j - starts[i]));
        }
      }
      if (it.next() != ValueType.NONE) {
        throw new IllegalStateException("chunk " + i + " has more samples than were appended");
      }
    }
  }

  /**
   * Checks that re-encoding these samples gives exactly the bytes of {@code chunks}; with {@link
   * #decode} it proves a corpus decodes to what was encoded.
   */
  public void verifyReencodes(XorChunk[] chunks) {
    for (int i = 0; i < chunks.length; i++) {
      if (!Arrays.equals(encode(i).bytes(), chunks[i].bytes())) {
        throw new IllegalStateException("chunk " + i + " re-encodes to different bytes");
      }
    }
  }

  /** Decodes chunks into sample arrays, one chunk per entry. */
  public static SampleData decode(XorChunk[] chunks) {
    int total = 0;
    for (XorChunk c : chunks) {
      total += c.numSamples();
    }
    long[] times = new long[total];
    double[] values = new double[total];
    int[] starts = new int[chunks.length + 1];
    int n = 0;
    SampleIterator it = null;
    for (int i = 0; i < chunks.length; i++) {
      starts[i] = n;
      it = chunks[i].iterator(it);
      while (it.next() == ValueType.FLOAT) {
        times[n] = it.atTime();
        values[n] = it.atValue();
        n++;
      }
    }
    starts[chunks.length] = n;
    return new SampleData(times, values, starts);
  }
}
