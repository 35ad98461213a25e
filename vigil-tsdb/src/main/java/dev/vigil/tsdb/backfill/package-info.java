/** Backfilling: turning samples from outside sources into blocks aligned like Prometheus's backfill blocks. */
package dev.vigil.tsdb.backfill;
