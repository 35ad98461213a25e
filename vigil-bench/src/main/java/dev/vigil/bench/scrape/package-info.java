/**
 * Benchmarks of scraping: exposition parsing, and the target farm that the side-by-side ingestion
 * benchmark ({@code scripts/ingest-vs-prometheus.sh}) has Prometheus and Vigil scrape.
 */
package dev.vigil.bench.scrape;
