package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.tsdb.wal.SampleRecord;
import dev.vigil.tsdb.wal.SeriesRecord;
import dev.vigil.tsdb.wal.WalCorruptionException;
import dev.vigil.tsdb.wal.WalReader;
import dev.vigil.tsdb.wal.WalRecordType;
import dev.vigil.tsdb.wal.WalRecords;
import dev.vigil.tsdb.wal.WalReplay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a WAL directory holds, read with Vigil's reader in replay order (checkpoint, then
 * segments): each series' samples as the HTTP API would show them, the record kinds met, and where a
 * torn record ended the log, if one did.
 *
 * @param samples by series, in log order
 * @param torn the corruption that ended the read: only a torn tail is expected after a crash
 */
record WalContents(Map<Labels, List<WalInteropIT.Point>> samples, Map<WalRecordType, Integer> types, long maxTime,
    Optional<WalCorruptionException> torn) {

  static WalContents read(Path walDir) throws IOException {
    Map<Long, Labels> labelsByRef = new HashMap<>();
    Map<Labels, List<WalInteropIT.Point>> samples = new TreeMap<>();
    Map<WalRecordType, Integer> types = new TreeMap<>();
    long maxT = Long.MIN_VALUE;
    Optional<WalCorruptionException> torn = Optional.empty();
    try (WalReader reader = WalReplay.open(walDir)) {
      while (reader.next()) {
        byte[] rec = reader.record();
        Path file = reader.segment().file();
        WalRecordType type = WalRecordType.of(rec);
        types.merge(type, 1, Integer::sum);
        if (type == WalRecordType.SERIES) {
          for (SeriesRecord s : WalRecords.decodeSeries(rec, file, reader.offset())) {
            labelsByRef.put(s.ref(), s.labels());
          }
        } else if (type == WalRecordType.SAMPLES) {
          for (SampleRecord s : WalRecords.decodeSamples(rec, file, reader.offset())) {
            Labels labels = labelsByRef.get(s.ref());
            assertThat(labels).as("series record for ref %d precedes its samples", s.ref()).isNotNull();
            samples.computeIfAbsent(labels, k -> new ArrayList<>())
                .add(new WalInteropIT.Point(s.t(), PrometheusServesVigilBlocksIT.promValue(s.v())));
            maxT = Math.max(maxT, s.t());
          }
        }
      }
    } catch (WalCorruptionException e) {
      torn = Optional.of(e);
    }
    return new WalContents(samples, types, maxT, torn);
  }

  /** The samples of the series named {@code name}. */
  Map<Labels, List<WalInteropIT.Point>> named(String name) {
    Map<Labels, List<WalInteropIT.Point>> out = new TreeMap<>();
    samples.forEach((labels, points) -> {
      if (labels.get(Labels.METRIC_NAME).equals(name)) {
        out.put(labels, points);
      }
    });
    return out;
  }
}
