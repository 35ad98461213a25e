package dev.vigil.tsdb.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import dev.vigil.tsdb.Seeds;
import dev.vigil.tsdb.encoding.CorruptionException;
import dev.vigil.tsdb.encoding.EncodingBuffer;
import dev.vigil.tsdb.tombstones.Interval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Record payloads byte for byte as Prometheus 2.42's record.Encoder writes them, and back. */
class WalRecordsTest {
  private static final Path SEGMENT = Path.of("wal", "00000007");

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  @Test
  void seriesRecordIsRefThenLabelCountThenLengthPrefixedNamesAndValues() {
    byte[] rec = WalRecords.encodeSeries(List.of(new SeriesRecord(7, Labels.of("job", "a", "__name__", "up"))));

    assertThat(hex(rec)).isEqualTo("01" + "0000000000000007" + "02"
        + "08" + hex("__name__".getBytes()) + "02" + hex("up".getBytes())
        + "03" + hex("job".getBytes()) + "01" + hex("a".getBytes()));
    assertThat(WalRecords.decodeSeries(rec, SEGMENT, 0))
        .containsExactly(new SeriesRecord(7, Labels.of("__name__", "up", "job", "a")));
  }

  @Test
  void samplesRecordHasABaseAndSignedVarintDeltasIncludingTheFirstSample() {
    byte[] rec = WalRecords.encodeSamples(List.of(
        new SampleRecord(1, 1000, 1.5), new SampleRecord(3, 990, -2.0)));

    assertThat(hex(rec)).isEqualTo("02" + "0000000000000001" + "00000000000003e8"
        + "00" + "00" + "3ff8000000000000"
        + "04" + "13" + "c000000000000000");
    assertThat(WalRecords.decodeSamples(rec, SEGMENT, 0))
        .containsExactly(new SampleRecord(1, 1000, 1.5), new SampleRecord(3, 990, -2.0));
  }

  @Test
  void samplesRecordEncodedIntoAReusedBuffer_replacesWhatTheBufferHeld() {
    EncodingBuffer buffer = new EncodingBuffer(0);
    WalRecords.encodeSamples(buffer, new long[] {9, 9, 9}, new long[] {1, 2, 3}, new double[] {1, 2, 3}, 3);

    WalRecords.encodeSamples(buffer, new long[] {1, 3}, new long[] {1000, 990}, new double[] {1.5, -2.0}, 2);

    assertThat(Arrays.copyOf(buffer.array(), buffer.length()))
        .isEqualTo(WalRecords.encodeSamples(List.of(new SampleRecord(1, 1000, 1.5), new SampleRecord(3, 990, -2.0))));
  }

  @Test
  void tombstonesRecordIsRefAndSignedVarintBounds() {
    byte[] rec = WalRecords.encodeTombstones(List.of(new TombstoneRecord(5, new Interval(-1, 100))));

    assertThat(hex(rec)).isEqualTo("03" + "0000000000000005" + "01" + "c801");
    assertThat(WalRecords.decodeTombstones(rec, SEGMENT, 0))
        .containsExactly(new TombstoneRecord(5, new Interval(-1, 100)));
  }

  @Test
  void exemplarsRecordIsLikeSamplesWithLabelsAfterEachValue() {
    byte[] rec = WalRecords.encodeExemplars(List.of(new ExemplarRecord(2, 50, 0.5, Labels.of("t", "x"))));

    assertThat(hex(rec)).isEqualTo("04" + "0000000000000002" + "0000000000000032" + "00" + "00"
        + "3fe0000000000000" + "01" + "01" + hex("t".getBytes()) + "01" + hex("x".getBytes()));
    assertThat(WalRecords.decodeExemplars(rec, SEGMENT, 0))
        .containsExactly(new ExemplarRecord(2, 50, 0.5, Labels.of("t", "x")));
  }

  @Test
  void emptyListsAreTheTypeByteAlone() {
    assertThat(WalRecords.encodeSeries(List.of())).containsExactly(1);
    assertThat(WalRecords.encodeSamples(List.of())).containsExactly(2);
    assertThat(WalRecords.encodeTombstones(List.of())).containsExactly(3);
    assertThat(WalRecords.encodeExemplars(List.of())).containsExactly(4);
    assertThat(WalRecords.decodeSamples(new byte[] {2}, SEGMENT, 0)).isEmpty();
    assertThat(WalRecords.decodeExemplars(new byte[] {4}, SEGMENT, 0)).isEmpty();
  }

  @Test
  void typeByteNamesEveryKindPrometheusDefines() {
    assertThat(WalRecordType.of(new byte[] {1})).isEqualTo(WalRecordType.SERIES);
    assertThat(WalRecordType.of(new byte[] {6, 0})).isEqualTo(WalRecordType.METADATA);
    assertThat(WalRecordType.of(new byte[] {8})).isEqualTo(WalRecordType.FLOAT_HISTOGRAM_SAMPLES);
    assertThat(WalRecordType.of(new byte[] {9})).isEqualTo(WalRecordType.UNKNOWN);
    assertThat(WalRecordType.of(new byte[0])).isEqualTo(WalRecordType.UNKNOWN);
  }

  @Test
  void decodingTheWrongTypeNamesBoth() {
    assertThatThrownBy(() -> WalRecords.decodeSamples(new byte[] {7, 1}, SEGMENT, 42))
        .isInstanceOf(CorruptionException.class)
        .hasMessage(SEGMENT + " at offset 42: expected a SAMPLES record, found HISTOGRAM_SAMPLES (type byte 7)");
  }

  @Test
  void truncatedOrPaddedRecordsAreCorruptionsAtTheRecordsOffset() {
    byte[] rec = WalRecords.encodeSamples(List.of(new SampleRecord(1, 2, 3), new SampleRecord(2, 3, 4)));
    assertThatThrownBy(() -> WalRecords.decodeSamples(Arrays.copyOf(rec, rec.length - 1), SEGMENT, 99))
        .isInstanceOf(CorruptionException.class)
        .hasMessageStartingWith(SEGMENT + " at offset 99: samples record at offset")
        .hasMessageContaining("after 1 entries");
    byte[] series = WalRecords.encodeSeries(List.of(new SeriesRecord(1, Labels.of("a", "b"))));
    assertThatThrownBy(() -> WalRecords.decodeSeries(Arrays.copyOf(series, series.length + 3), SEGMENT, 5))
        .isInstanceOf(CorruptionException.class).hasMessageContaining("series record");
  }

  @Test
  void duplicateLabelNamesAreACorruption() {
    byte[] rec = {1, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1, 'a', 1, 'b', 1, 'a', 1, 'c'};
    assertThatThrownBy(() -> WalRecords.decodeSeries(rec, SEGMENT, 0))
        .isInstanceOf(CorruptionException.class).hasMessageContaining("duplicate label name: a");
  }

  @Test
  void randomRecordsRoundTrip() throws Exception {
    Seeds.run("WAL record round trip", random -> {
      for (int round = 0; round < 200; round++) {
        List<SeriesRecord> series = new ArrayList<>();
        List<SampleRecord> samples = new ArrayList<>();
        List<TombstoneRecord> tombstones = new ArrayList<>();
        int n = random.nextInt(20);
        for (int i = 0; i < n; i++) {
          series.add(new SeriesRecord(random.nextLong(), randomLabels(random)));
          samples.add(new SampleRecord(random.nextLong(), random.nextLong(), randomValue(random)));
          tombstones.add(new TombstoneRecord(random.nextLong(), new Interval(random.nextLong(), random.nextLong())));
        }
        assertThat(WalRecords.decodeSeries(WalRecords.encodeSeries(series), SEGMENT, 0)).isEqualTo(series);
        assertThat(WalRecords.decodeSamples(WalRecords.encodeSamples(samples), SEGMENT, 0)).isEqualTo(samples);
        assertThat(WalRecords.decodeTombstones(WalRecords.encodeTombstones(tombstones), SEGMENT, 0))
            .isEqualTo(tombstones);
      }
    });
  }

  private static Labels randomLabels(Random random) {
    var b = Labels.builder();
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      b.add("l" + i, random.nextBoolean() ? "" : "v\u00e9" + random.nextInt());
    }
    return b.build();
  }

  private static double randomValue(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return Double.longBitsToDouble(random.nextLong());
      case 1:
        return Double.NaN;
      default:
        return random.nextGaussian();
    }
  }
}
