/**
 * The scrape part of {@code prometheus.yml}, read with Prometheus 2.42's defaults, validation and
 * error texts, into immutable records; and the assembly of a target's labels from its scrape config.
 */
package dev.vigil.scrape.config;
