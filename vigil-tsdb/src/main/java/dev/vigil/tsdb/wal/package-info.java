/**
 * Prometheus 2.42's write-ahead log, byte for byte: a directory of numbered segment files written in
 * 32 KiB pages, records split into checksummed fragments that never cross a page or a segment, the
 * record payloads the head logs (series, samples, tombstones, exemplars), and checkpoints.
 *
 * <p>{@link dev.vigil.tsdb.wal.Wal} appends, {@link dev.vigil.tsdb.wal.WalReader} reads back, {@link
 * dev.vigil.tsdb.wal.WalRecords} encodes and decodes payloads, and {@link dev.vigil.tsdb.wal.WalReplay}
 * lists the segments in the order Prometheus replays them. A crash leaves at worst a torn record at
 * the end of the newest segment; the reader reports it as a {@link
 * dev.vigil.tsdb.wal.WalCorruptionException} and {@link dev.vigil.tsdb.wal.Wal#repair} cuts it off,
 * keeping every complete record before it.
 */
package dev.vigil.tsdb.wal;
