/**
 * Relabeling with Prometheus 2.42's semantics: the rules of {@code relabel_configs} and
 * {@code metric_relabel_configs}, checked when built, and their application to label sets.
 */
package dev.vigil.scrape.relabel;
