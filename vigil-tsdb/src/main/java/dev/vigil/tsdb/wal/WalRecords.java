package dev.vigil.tsdb.wal;

import dev.vigil.core.labels.LabelStrings;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import dev.vigil.tsdb.encoding.CorruptionException;
import dev.vigil.tsdb.encoding.DecodingBuffer;
import dev.vigil.tsdb.encoding.EncodingBuffer;
import dev.vigil.tsdb.tombstones.Interval;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The payloads of WAL records as Prometheus 2.42's head writes them. After the type byte:
 *
 * <pre>
 * series     : repeated  u64 BE ref | uvarint #labels | #labels x (uvarint-length name, value)
 * samples    : u64 BE base ref | i64 BE base t | repeated  varint (ref - base) | varint (t - base) | f64 BE
 * tombstones : repeated  u64 BE ref | varint mint | varint maxt
 * exemplars  : like samples, each followed by its labels as in series
 * </pre>
 *
 * The deltas are signed (zigzag) varints, although Prometheus's format document calls them unsigned;
 * the first sample repeats the base with zero deltas. An empty list is the type byte alone.
 *
 * <p>Decoders name the record's segment file and offset in their errors; they reject trailing bytes,
 * truncated fields and duplicate label names.
 */
public final class WalRecords {
  private WalRecords() {}

  public static byte[] encodeSeries(List<SeriesRecord> series) {
    EncodingBuffer b = start(WalRecordType.SERIES, series.size() * 64);
    for (SeriesRecord s : series) {
      b.putBE64(s.ref());
      putLabels(b, s.labels());
    }
    return b.toByteArray();
  }

  public static byte[] encodeSamples(List<SampleRecord> samples) {
    int n = samples.size();
    long[] refs = new long[n];
    long[] times = new long[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      SampleRecord s = samples.get(i);
      refs[i] = s.ref();
      times[i] = s.t();
      values[i] = s.v();
    }
    EncodingBuffer b = new EncodingBuffer(1 + 16 + n * 16);
    encodeSamples(b, refs, times, values, n);
    return b.toByteArray();
  }

  /**
   * Replaces what {@code b} holds with a samples record of the first {@code count} samples given as
   * parallel arrays, as appenders hold them; appenders reuse one buffer from record to record.
   */
  public static void encodeSamples(EncodingBuffer b, long[] refs, long[] times, double[] values, int count) {
    b.reset();
    b.putByte(WalRecordType.SAMPLES.code());
    if (count > 0) {
      b.putBE64(refs[0]);
      b.putBE64(times[0]);
      for (int i = 0; i < count; i++) {
        putSampleFields(b, refs[0], times[0], refs[i], times[i], values[i]);
      }
    }
  }

  /** A sample's fields as samples and exemplars records store them: ref and time as deltas from the first. */
  private static void putSampleFields(EncodingBuffer b, long firstRef, long firstT, long ref, long t, double v) {
    b.putVarint(ref - firstRef);
    b.putVarint(t - firstT);
    b.putBE64(Double.doubleToRawLongBits(v));
  }

  public static byte[] encodeTombstones(List<TombstoneRecord> tombstones) {
    EncodingBuffer b = start(WalRecordType.TOMBSTONES, tombstones.size() * 20);
    for (TombstoneRecord t : tombstones) {
      b.putBE64(t.ref());
      b.putVarint(t.interval().minTime());
      b.putVarint(t.interval().maxTime());
    }
    return b.toByteArray();
  }

  public static byte[] encodeExemplars(List<ExemplarRecord> exemplars) {
    EncodingBuffer b = start(WalRecordType.EXEMPLARS, 16 + exemplars.size() * 48);
    if (!exemplars.isEmpty()) {
      ExemplarRecord first = exemplars.get(0);
      b.putBE64(first.ref());
      b.putBE64(first.t());
      for (ExemplarRecord e : exemplars) {
        putSampleFields(b, first.ref(), first.t(), e.ref(), e.t(), e.v());
        putLabels(b, e.labels());
      }
    }
    return b.toByteArray();
  }

  /** Decodes a series record that was read at {@code offset} of {@code file}. */
  public static List<SeriesRecord> decodeSeries(byte[] record, Path file, long offset) {
    return decode(record, WalRecordType.SERIES, file, offset, (d, out) -> {
      while (d.remaining() > 0) {
        long ref = d.readBE64();
        out.add(new SeriesRecord(ref, readLabels(d)));
      }
    });
  }

  public static List<SampleRecord> decodeSamples(byte[] record, Path file, long offset) {
    return decode(record, WalRecordType.SAMPLES, file, offset, (d, out) -> {
      if (d.remaining() == 0) {
        return;
      }
      long baseRef = d.readBE64();
      long baseT = d.readBE64();
      while (d.remaining() > 0) {
        long ref = baseRef + d.readVarint();
        long t = baseT + d.readVarint();
        out.add(new SampleRecord(ref, t, Double.longBitsToDouble(d.readBE64())));
      }
    });
  }

  public static List<TombstoneRecord> decodeTombstones(byte[] record, Path file, long offset) {
    return decode(record, WalRecordType.TOMBSTONES, file, offset, (d, out) -> {
      while (d.remaining() > 0) {
        long ref = d.readBE64();
        long mint = d.readVarint();
        out.add(new TombstoneRecord(ref, new Interval(mint, d.readVarint())));
      }
    });
  }

  public static List<ExemplarRecord> decodeExemplars(byte[] record, Path file, long offset) {
    return decode(record, WalRecordType.EXEMPLARS, file, offset, (d, out) -> {
      if (d.remaining() == 0) {
        return;
      }
      long baseRef = d.readBE64();
      long baseT = d.readBE64();
      while (d.remaining() > 0) {
        long ref = baseRef + d.readVarint();
        long t = baseT + d.readVarint();
        double v = Double.longBitsToDouble(d.readBE64());
        out.add(new ExemplarRecord(ref, t, v, readLabels(d)));
      }
    });
  }

  private static EncodingBuffer start(WalRecordType type, int sizeHint) {
    EncodingBuffer b = new EncodingBuffer(1 + sizeHint);
    b.putByte(type.code());
    return b;
  }

  private static void putLabels(EncodingBuffer b, Labels labels) {
    b.putUvarint(labels.size());
    labels.forEach((name, value) -> {
      b.putUvarintString(name);
      b.putUvarintString(value);
    });
  }

  private static Labels readLabels(DecodingBuffer d) {
    int n = d.readUvarintInt();
    LabelsBuilder builder = Labels.builder();
    for (int i = 0; i < n; i++) {
      // A replayed head shares its strings as a scraping one does.
      String name = LabelStrings.intern(d.readUvarintString());
      builder.add(name, LabelStrings.intern(d.readUvarintString()));
    }
    return builder.build();
  }

  /** Reads a record body into a list. */
  @FunctionalInterface
  private interface Body<T> {
    void decode(DecodingBuffer d, List<T> out);
  }

  private static <T> List<T> decode(byte[] record, WalRecordType expected, Path file, long offset, Body<T> body) {
    WalRecordType actual = WalRecordType.of(record);
    if (actual != expected) {
      throw new CorruptionException(file, offset, "expected a " + expected + " record, found "
          + (record.length == 0 ? "an empty record" : actual + " (type byte " + (record[0] & 0xFF) + ")"));
    }
    // Offsets inside a record are not file offsets (its fragments may sit on several pages), so the
    // inner buffer names the record, and errors are re-thrown against the segment file.
    Path inside = Path.of(expected.name().toLowerCase(Locale.ROOT) + " record");
    List<T> out = new ArrayList<>();
    try {
      body.decode(new DecodingBuffer(ByteBuffer.wrap(record), inside, 1, record.length), out);
    } catch (CorruptionException | IllegalArgumentException e) {
      throw new CorruptionException(file, offset, e.getMessage() + " (after " + out.size() + " entries)");
    }
    return out;
  }
}
