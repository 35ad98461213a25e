/**
 * Evaluates PromQL over any {@link dev.vigil.core.storage.Queryable}: instant and range queries with
 * Prometheus's semantics, limits (timeout, samples, concurrency) and cancellation.
 */
package dev.vigil.promql.engine;
