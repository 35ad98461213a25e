package dev.vigil.web.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * A target's URL as others reach it, Prometheus 2.42's getGlobalURL: a target on localhost is
 * unreachable from elsewhere, so its host becomes this server's external host name (keeping the
 * target's port), and a target that is this very server (same port as the listen address) gets the
 * external URL's scheme and host:port. Other URLs, and ones that cannot be parsed, stay as they are.
 */
public final class GlobalUrl {
  private static final Set<String> LOCALHOST = Set.of("127.0.0.1", "localhost", "::1");

  private final String externalScheme;
  private final String externalHostPort;
  private final String listenPort;

  /**
   * @param externalScheme the external URL's scheme ({@code http} by default)
   * @param externalHostPort the external URL's host and port ({@code <hostname>:<listen port>} by default)
   * @param listenPort the port of {@code --web.listen-address}
   */
  public GlobalUrl(String externalScheme, String externalHostPort, String listenPort) {
    this.externalScheme = externalScheme;
    this.externalHostPort = externalHostPort;
    this.listenPort = listenPort;
  }

  public String of(String scrapeUrl) {
    URI uri;
    try {
      uri = new URI(scrapeUrl);
    } catch (URISyntaxException e) {
      return scrapeUrl;
    }
    String host = uri.getHost();
    int authorityStart = scrapeUrl.indexOf("://");
    if (host == null || authorityStart < 0) {
      return scrapeUrl;
    }
    host = unbracket(host);
    if (!LOCALHOST.contains(host)) {
      return scrapeUrl;
    }
    String port = uri.getPort() < 0 ? "" : Integer.toString(uri.getPort());
    int pathStart = authorityStart + 3;
    while (pathStart < scrapeUrl.length() && "/?#".indexOf(scrapeUrl.charAt(pathStart)) < 0) {
      pathStart++;
    }
    String rest = scrapeUrl.substring(pathStart);
    if (port.equals(listenPort)) {
      return externalScheme + "://" + externalHostPort + rest;
    }
    String externalHost = hostOf(externalHostPort);
    String authority = port.isEmpty() ? externalHost : joinHostPort(externalHost, port);
    return scrapeUrl.substring(0, authorityStart) + "://" + authority + rest;
  }

  private static String hostOf(String hostPort) {
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      return end < 0 ? hostPort : hostPort.substring(1, end);
    }
    int colon = hostPort.lastIndexOf(':');
    return colon < 0 ? hostPort : hostPort.substring(0, colon);
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static String joinHostPort(String host, String port) {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
