package dev.vigil.scrape.loop;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Utf8Order;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A target's scrape URL as Prometheus 2.42 writes it ({@code Target.URL().String()}): the URL shows
 * in the targets API and feeds the target's hash, so it must be Go's text byte for byte. The query is
 * the config's params with each {@code __param_<name>} label replacing that name's first value (or
 * adding it), sorted by name and escaped as Go's {@code url.Values.Encode}; host and path are escaped
 * as Go's {@code url.URL.String} escapes them.
 */
final class TargetUrl {
  private static final String PARAM_PREFIX = "__param_";
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

  private enum Part { HOST, PATH, QUERY }

  private TargetUrl() {}

  static String of(Labels labels, Map<String, List<String>> configParams) {
    String scheme = labels.getOrEmpty("__scheme__");
    String host = labels.getOrEmpty("__address__");
    String path = labels.getOrEmpty("__metrics_path__");
    StringBuilder url = new StringBuilder(64);
    if (!scheme.isEmpty()) {
      url.append(scheme).append(':');
    }
    if (!scheme.isEmpty() || !host.isEmpty()) {
      if (!host.isEmpty() || !path.isEmpty()) {
        url.append("//");
      }
      escape(url, host, Part.HOST);
    }
    String escapedPath = path.equals("*") ? path : escape(new StringBuilder(), path, Part.PATH).toString();
    if (!escapedPath.isEmpty() && escapedPath.charAt(0) != '/' && !host.isEmpty()) {
      url.append('/');
    }
    if (url.length() == 0 && firstSegmentHasColon(escapedPath)) {
      url.append("./");
    }
    url.append(escapedPath);
    String query = query(labels, configParams);
    if (!query.isEmpty()) {
      url.append('?').append(query);
    }
    return url.toString();
  }

  private static boolean firstSegmentHasColon(String path) {
    int slash = path.indexOf('/');
    return (slash < 0 ? path : path.substring(0, slash)).indexOf(':') >= 0;
  }

  private static String query(Labels labels, Map<String, List<String>> configParams) {
    // Go sorts the names as byte strings, which is UTF-8 order.
    TreeMap<String, List<String>> params = new TreeMap<>(Utf8Order::compare);
    configParams.forEach((name, values) -> params.put(name, new ArrayList<>(values)));
    labels.forEach((name, value) -> {
      if (name.startsWith(PARAM_PREFIX)) {
        List<String> values = params.computeIfAbsent(name.substring(PARAM_PREFIX.length()), k -> new ArrayList<>());
        if (values.isEmpty()) {
          values.add(value);
        } else {
          values.set(0, value);
        }
      }
    });
    StringBuilder query = new StringBuilder();
    params.forEach((name, values) -> {
      for (String value : values) {
        if (query.length() > 0) {
          query.append('&');
        }
        escape(query, name, Part.QUERY).append('=');
        escape(query, value, Part.QUERY);
      }
    });
    return query.toString();
  }

  private static StringBuilder escape(StringBuilder out, String s, Part part) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c == ' ' && part == Part.QUERY) {
        out.append('+');
      } else if (shouldEscape(c, part)) {
        out.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 15]);
      } else {
        out.append((char) c);
      }
    }
    return out;
  }

  /** Go's {@code net/url.shouldEscape} for the three parts a scrape URL has. */
  private static boolean shouldEscape(int c, Part part) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return false;
    }
    if (part == Part.HOST && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
      return false;
    }
    if ("-_.~".indexOf(c) >= 0) {
      return false;
    }
    if ("$&+,/:;=?@".indexOf(c) >= 0) {
      // Paths keep every reserved character but '?'; hosts and query components escape them all.
      return part != Part.PATH || c == '?';
    }
    return true;
  }
}
