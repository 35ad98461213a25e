package dev.vigil.scrape.discovery;

import java.io.IOException;

/** Where dns_sd gets its answers: {@link DnsClient} in production, anything in tests. */
public interface DnsResolver {
  /**
   * Looks a name up as Prometheus 2.42's {@code lookupWithSearchPath}: each candidate of the search list
   * in turn, each server in turn; the first response with RCODE SUCCESS is the answer (possibly without
   * records). When every candidate was answered NXDOMAIN the answer is an empty response.
   *
   * @param type a record type, {@link DnsMessage#TYPE_SRV} and the like
   * @throws IOException when some candidate got no viable answer from any server and none succeeded;
   *     the name's targets must then stay as they were
   */
  DnsMessage.Response lookup(String name, int type) throws IOException;
}
