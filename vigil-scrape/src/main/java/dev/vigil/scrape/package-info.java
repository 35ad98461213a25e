/**
 * Scraping as a whole: {@link dev.vigil.scrape.ScrapeService} reads {@code prometheus.yml} and runs
 * discovery into the scrape loops, reloading on demand; the subpackages own each part.
 */
package dev.vigil.scrape;
