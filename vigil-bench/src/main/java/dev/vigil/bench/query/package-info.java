/** Data for the side-by-side PromQL benchmark against Prometheus (scripts/query-vs-prometheus.sh). */
package dev.vigil.bench.query;
