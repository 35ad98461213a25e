/**
 * Service discovery as Prometheus 2.42 does it ({@code discovery/discovery.go}, {@code manager.go},
 * {@code file/file.go}, {@code dns/dns.go}): providers ({@link dev.vigil.scrape.discovery.Discoverer})
 * send changed target groups, each identified by its source; the {@link
 * dev.vigil.scrape.discovery.DiscoveryManager} keeps the latest group per provider and source and hands
 * the full target groups of every job to its sink, at most once per update interval.
 */
package dev.vigil.scrape.discovery;
