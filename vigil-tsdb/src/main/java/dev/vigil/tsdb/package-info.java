/**
 * A time series database in Prometheus's on-disk format: immutable blocks (meta.json, index, chunks,
 * tombstones) written and read exactly as Prometheus 2.42 does, and the queriers over them.
 */
package dev.vigil.tsdb;
