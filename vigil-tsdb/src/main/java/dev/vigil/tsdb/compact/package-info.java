/**
 * Block compaction and retention as Prometheus 2.42's TSDB does them: which blocks to merge
 * ({@link dev.vigil.tsdb.compact.CompactionPlanner}, over {@link dev.vigil.tsdb.compact.BlockRanges}),
 * writing the merged block ({@link dev.vigil.tsdb.compact.BlockCompactor}, deduplicating overlapping
 * chunks as vertical compaction does), and which blocks to drop afterwards
 * ({@link dev.vigil.tsdb.compact.Retention}, {@link dev.vigil.tsdb.compact.BlockDeletion}). Everything
 * here works on blocks and metas; the head and its cutting belong to the TSDB.
 */
package dev.vigil.tsdb.compact;
