package dev.vigil.scrape.loop;

import dev.vigil.core.labels.Labels;

/**
 * The per-server seed that shifts every target's scrape offset, so that HA replicas (same targets,
 * different external labels or hosts) do not scrape at the same instant. Prometheus 2.42's
 * {@code Manager.setJitterSeed}: FNV-1a 64 of the host's FQDN followed by the external labels' text.
 */
final class JitterSeed {
  private JitterSeed() {}

  /**
   * @param fqdn the host's fully qualified name, as Prometheus's {@code osutil.GetFQDN} finds it
   * @param externalLabels the global config's external labels
   */
  static long of(String fqdn, Labels externalLabels) {
    return Fnv1a64.hash(fqdn, externalLabels.toString());
  }
}
