package dev.vigil.web;

/**
 * A {@code host:port} listen address as Prometheus's {@code --web.listen-address} takes it:
 * {@code 0.0.0.0:9090}, {@code [::1]:9090}, or {@code :9090} for every interface. Port 0 asks for
 * any free port.
 */
public record ListenAddress(String host, int port) {
  public ListenAddress {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** @throws IllegalArgumentException naming the address when it is not {@code host:port} */
  public static ListenAddress parse(String address) {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("missing port in address " + address);
    }
    String host = address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException("too many colons in address " + address);
    }
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid port in address " + address);
    }
    return new ListenAddress(host, port);
  }

  /** Whether the address names no particular interface, so it listens on all of them. */
  public boolean isWildcard() {
    return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
  }
}
