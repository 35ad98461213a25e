/** Entry points for the side-by-side backfill comparison with promtool (scripts/backfill-vs-promtool.sh). */
package dev.vigil.bench.backfill;
