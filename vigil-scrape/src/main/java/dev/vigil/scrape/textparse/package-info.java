/** Exposition format parsers: OpenMetrics 1.0 and Prometheus text 0.0.4, as Prometheus 2.42 reads them. */
package dev.vigil.scrape.textparse;
