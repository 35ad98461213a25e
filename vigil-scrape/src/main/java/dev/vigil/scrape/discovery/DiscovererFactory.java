package dev.vigil.scrape.discovery;

import dev.vigil.scrape.config.DnsSdConfig;
import dev.vigil.scrape.config.FileSdConfig;
import dev.vigil.scrape.config.TargetGroup;
import java.util.List;

/** Makes the providers of a scrape config's discovery sections; the manager starts and closes them. */
public interface DiscovererFactory {
  /** The provider of a job's {@code static_configs}, its groups numbered as sources "0", "1", ... */
  Discoverer staticConfigs(List<TargetGroup> groups);

  /** The provider of one {@code file_sd_configs} entry. */
  Discoverer fileSd(FileSdConfig config);

  /** The provider of one {@code dns_sd_configs} entry. */
  Discoverer dnsSd(DnsSdConfig config);

  /** Vigil's providers: {@link StaticDiscoverer}, {@link FileDiscoverer}, {@link DnsDiscoverer}. */
  static DiscovererFactory standard(DnsResolver resolver, long maxFileBytes) {
    return new DiscovererFactory() {
      @Override
      public Discoverer staticConfigs(List<TargetGroup> groups) {
        return new StaticDiscoverer(groups);
      }

      @Override
      public Discoverer fileSd(FileSdConfig config) {
        return new FileDiscoverer(config, maxFileBytes);
      }

      @Override
      public Discoverer dnsSd(DnsSdConfig config) {
        return new DnsDiscoverer(config, resolver);
      }
    };
  }

  /** The standard providers with the system's resolver ({@code /etc/resolv.conf}) and default limits. */
  static DiscovererFactory standard() {
    return standard(DnsClient.system(), FileDiscoverer.DEFAULT_MAX_FILE_BYTES);
  }
}
