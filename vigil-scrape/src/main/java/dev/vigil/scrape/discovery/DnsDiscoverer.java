package dev.vigil.scrape.discovery;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.DnsSdConfig;
import dev.vigil.scrape.config.TargetGroup;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider of one {@code dns_sd_configs} entry, as Prometheus 2.42's {@code discovery/dns} on its
 * refresh loop: at start and then at every refresh interval it looks up all names at once and sends one
 * group per name that resolved, with the name as its source. A name whose lookup fails sends nothing, so
 * its targets stay as they were; a name that does not exist (NXDOMAIN for every candidate of the search
 * list) or has no records of the type sends an empty group, so its targets go.
 *
 * <p>Every record of the answer section becomes a target, whatever its owner name, except CNAMEs and
 * types dns_sd does not know (skipped with a warning): SRV records give {@code target:port} (the final
 * dots trimmed), MX records {@code exchange:port}, A and AAAA records {@code address:port}, with the
 * configured port. Each target carries {@code __meta_dns_name} (the name as configured) and, empty
 * where they do not apply, {@code __meta_dns_srv_record_target}, {@code __meta_dns_srv_record_port} and
 * {@code __meta_dns_mx_record_target}, exactly as 2.42 sets them.
 *
 * <p>A refresh interval of 0 means one lookup at start only (Prometheus's ticker would panic).
 */
public final class DnsDiscoverer implements Discoverer {
  static final String NAME_LABEL = "__meta_dns_name";
  static final String SRV_TARGET_LABEL = "__meta_dns_srv_record_target";
  static final String SRV_PORT_LABEL = "__meta_dns_srv_record_port";
  static final String MX_TARGET_LABEL = "__meta_dns_mx_record_target";

  private static final Logger LOG = LoggerFactory.getLogger(DnsDiscoverer.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final long JOIN_MILLIS = 5_000;

  private final List<String> names;
  private final int qtype;
  private final int port;
  private final long intervalMillis;
  private final DnsResolver resolver;
  private final AtomicLong lookups = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final Object lifecycle = new Object();
  private volatile boolean closed;
  private Thread thread;
  private ExecutorService lookupPool;
  private JoinableThreads lookupThreads;

  public DnsDiscoverer(DnsSdConfig config, DnsResolver resolver) {
    this.names = List.copyOf(config.names());
    this.qtype = queryType(config.type());
    this.port = config.port();
    this.intervalMillis = config.refreshIntervalMillis();
    this.resolver = resolver;
  }

  /** Prometheus's NewDiscovery: SRV unless the type says A, AAAA or MX (in any case). */
  static int queryType(String type) {
    switch (type.toUpperCase(Locale.ROOT)) {
      case "A":
        return DnsMessage.TYPE_A;
      case "AAAA":
        return DnsMessage.TYPE_AAAA;
      case "MX":
        return DnsMessage.TYPE_MX;
      default:
        return DnsMessage.TYPE_SRV;
    }
  }

  /** Lookups of this provider's names so far. */
  public long lookups() {
    return lookups.get();
  }

  /** Lookups that failed, leaving a name's targets as they were. */
  public long lookupFailures() {
    return failures.get();
  }

  @Override
  public void start(Consumer<List<TargetGroup>> updates) {
    synchronized (lifecycle) {
      if (thread != null) {
        throw new IllegalStateException("already started");
      }
      if (closed) {
        return;
      }
      int id = THREADS.incrementAndGet();
      lookupThreads = new JoinableThreads("vigil-sd-dns-" + id + "-lookup-");
      lookupPool = Executors.newCachedThreadPool(lookupThreads);
      thread = new Thread(() -> run(updates), "vigil-sd-dns-" + id);
      thread.setDaemon(true);
      thread.start();
    }
  }

  @Override
  public void close() {
    Thread running;
    synchronized (lifecycle) {
      running = thread;
      if (!closed) {
        closed = true;
        if (lookupPool != null) {
          lookupPool.shutdownNow();
        }
        if (running != null) {
          running.interrupt();
        }
      }
    }
    if (running != null && running != Thread.currentThread()) {
      try {
        running.join(JOIN_MILLIS);
        lookupThreads.joinAll(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The refresh loop: once at start, then on a ticker that drops the ticks a slow refresh missed. */
  private void run(Consumer<List<TargetGroup>> updates) {
    try {
      refreshAndSend(updates);
      if (intervalMillis <= 0) {
        return;
      }
      long interval = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
      long next = System.nanoTime() + interval;
      while (!closed) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        refreshAndSend(updates);
        next += interval;
        if (System.nanoTime() - next >= 0) {
          next = System.nanoTime() + interval;
        }
      }
    } catch (InterruptedException e) {
      // Closed.
    } catch (RuntimeException | Error e) {
      LOG.error("dns_sd: discovery of {} stopped", names, e);
    }
  }

  private void refreshAndSend(Consumer<List<TargetGroup>> updates) throws InterruptedException {
    List<TargetGroup> groups = refresh();
    if (closed) {
      throw new InterruptedException();
    }
    try {
      updates.accept(groups);
    } catch (RuntimeException e) {
      LOG.error("dns_sd: the receiver of updates failed", e);
    }
  }

  /** Looks every name up at once; returns the groups of the names that resolved, in configured order. */
  List<TargetGroup> refresh() throws InterruptedException {
    List<Future<TargetGroup>> lookups = new ArrayList<>(names.size());
    for (String name : names) {
      try {
        lookups.add(lookupPool.submit(() -> refreshOne(name)));
      } catch (RejectedExecutionException e) {
        throw new InterruptedException("closed");
      }
    }
    List<TargetGroup> groups = new ArrayList<>(names.size());
    for (int i = 0; i < lookups.size(); i++) {
      try {
        TargetGroup group = lookups.get(i).get();
        if (group != null) {
          groups.add(group);
        }
      } catch (ExecutionException e) {
        LOG.error("dns_sd: error refreshing DNS targets of {}", names.get(i), e.getCause());
      }
    }
    return groups;
  }

  /** One name's group, or null when its lookup failed. */
  private TargetGroup refreshOne(String name) {
    DnsMessage.Response response;
    try {
      response = resolver.lookup(name, qtype);
    } catch (InterruptedIOException e) {
      return null;
    } catch (IOException e) {
      lookups.incrementAndGet();
      DiscoveryMetrics.DNS_LOOKUPS.incrementAndGet();
      failures.incrementAndGet();
      DiscoveryMetrics.DNS_LOOKUP_FAILURES.incrementAndGet();
      if (!closed) {
        LOG.error("dns_sd: error refreshing DNS targets: {}", e.getMessage());
      }
      return null;
    }
    lookups.incrementAndGet();
    DiscoveryMetrics.DNS_LOOKUPS.incrementAndGet();
    return group(name, response, port);
  }

  /** Prometheus's refreshOne: the group of one name from its answer. */
  static TargetGroup group(String name, DnsMessage.Response response, int port) {
    List<Labels> targets = new ArrayList<>();
    for (DnsMessage.Record record : response.answers()) {
      String address;
      String srvTarget = "";
      String srvPort = "";
      String mxTarget = "";
      if (record instanceof DnsMessage.Srv srv) {
        srvTarget = srv.target();
        srvPort = Integer.toString(srv.port());
        address = joinHostPort(trimDots(srv.target()), srv.port());
      } else if (record instanceof DnsMessage.Mx mx) {
        mxTarget = mx.mx();
        address = joinHostPort(trimDots(mx.mx()), port);
      } else if (record instanceof DnsMessage.A a) {
        address = joinHostPort(a.ip(), port);
      } else if (record instanceof DnsMessage.Aaaa aaaa) {
        address = joinHostPort(aaaa.ip(), port);
      } else if (record instanceof DnsMessage.Cname) {
        // CNAMEs come with A and AAAA answers.
        continue;
      } else {
        LOG.warn("dns_sd: invalid record {} for {}", record, name);
        continue;
      }
      targets.add(Labels.of(
          TargetGroupFiles.ADDRESS_LABEL, address,
          NAME_LABEL, name,
          SRV_TARGET_LABEL, srvTarget,
          SRV_PORT_LABEL, srvPort,
          MX_TARGET_LABEL, mxTarget));
    }
    return new TargetGroup(targets, Labels.EMPTY, name);
  }

  /** Go's strings.TrimRight(s, "."). */
  private static String trimDots(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** Go's net.JoinHostPort. */
  static String joinHostPort(String host, int port) {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
