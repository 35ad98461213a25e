package dev.vigil.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A route path such as {@code /api/v1/label/:name/values}: literal segments must be equal, and a
 * {@code :name} segment takes any one non-empty segment, and a final {@code *name} segment takes the
 * rest of the path, as Prometheus's router matches.
 */
final class PathPattern {
  private final String text;
  private final String[] segments;

  PathPattern(String text) {
    this.text = text;
    this.segments = text.split("/", -1);
  }

  /** The values of the named segments when {@code path} matches, otherwise null. */
  Map<String, String> match(String path) {
    String[] parts = path.split("/", -1);
    boolean catchAll = segments[segments.length - 1].startsWith("*");
    if (catchAll ? parts.length < segments.length : parts.length != segments.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>(2);
    for (int i = 0; i < segments.length; i++) {
      if (catchAll && i == segments.length - 1) {
        params.put(segments[i].substring(1), String.join("/", List.of(parts).subList(i, parts.length)));
      } else if (segments[i].startsWith(":")) {
        if (parts[i].isEmpty()) {
          return null;
        }
        params.put(segments[i].substring(1), parts[i]);
      } else if (!segments[i].equals(parts[i])) {
        return null;
      }
    }
    return params;
  }

  @Override
  public String toString() {
    return text;
  }
}
