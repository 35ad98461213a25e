package dev.vigil.scrape.config;

/** Go's net.SplitHostPort, reduced to whether an address splits into host and port (which may be empty). */
final class HostPort {
  private HostPort() {}

  static boolean splits(String s) {
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      return false;
    }
    int bracketsFrom = 0;
    int closingFrom = 0;
    if (s.charAt(0) == '[') {
      int end = s.indexOf(']');
      // An IPv6 literal: the closing bracket must come right before the last colon.
      if (end < 0 || end + 1 != colon) {
        return false;
      }
      bracketsFrom = 1;
      closingFrom = end + 1;
    } else if (s.substring(0, colon).indexOf(':') >= 0) {
      return false;
    }
    return s.indexOf('[', bracketsFrom) < 0 && s.indexOf(']', closingFrom) < 0;
  }
}
