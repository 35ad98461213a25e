/**
 * A realistic, seeded dataset written straight into Prometheus-style 2h blocks: targets shaped like the
 * PromQL compliance tester's demo service, with restarts, outages closed by stale markers, gaps, late
 * starts and early stops. The PromQL differential suite and the query benchmarks read it.
 */
package dev.vigil.testkit.dataset;
