/**
 * Scraping as Prometheus 2.42 does it: one loop per target on an offset spread by the target's hash,
 * fetching its exposition, appending samples with the target's labels, staleness markers and the
 * report series ({@code up}, {@code scrape_*}); pools per job that follow discovered target sets.
 */
package dev.vigil.scrape.loop;
