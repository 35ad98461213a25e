/**
 * The scrape part of {@code prometheus.yml}, read with Prometheus 2.42's defaults, validation and
 * error texts, into immutable records; the assembly of a target's labels from its scrape config; and
 * the configuration written back as Prometheus shows it ({@link dev.vigil.scrape.config.ConfigYaml}),
 * for which the {@code GoYaml*} classes reproduce how Go's yaml.v2 reads scalars and writes documents.
 */
package dev.vigil.scrape.config;
