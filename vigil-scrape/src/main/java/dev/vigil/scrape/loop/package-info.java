/**
 * Scraping as Prometheus 2.42 does it: one loop per target on an offset spread by the target's hash,
 * fetching its exposition, appending samples with the target's labels, staleness markers and the
 * report series ({@code up}, {@code scrape_*}); pools per job that follow discovered target sets.
 * {@link dev.vigil.scrape.loop.ScrapeManager} is the entry point; loops share one pool of threads that
 * wait for their ticks and run them, sized by the scrapes in progress.
 */
package dev.vigil.scrape.loop;
