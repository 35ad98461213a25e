/** Benchmarks of scraping: exposition parsing. */
package dev.vigil.bench.scrape;
