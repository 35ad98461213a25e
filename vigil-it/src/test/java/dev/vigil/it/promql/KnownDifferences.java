package dev.vigil.it.promql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Differences from Prometheus that are understood and accepted for now, so they are reported as
 * known instead of failing the build. One per line, {@code <query> -> <reason>}, the query exactly
 * as the corpus writes it, or {@code ~<regex> -> <reason>} for every query the regex finds; blank
 * lines and lines starting with {@code #} are ignored.
 */
final class KnownDifferences {
  static final String SEPARATOR = " -> ";

  private final Map<String, String> exact;
  private final Map<Pattern, String> patterns;

  private KnownDifferences(Map<String, String> exact, Map<Pattern, String> patterns) {
    this.exact = exact;
    this.patterns = patterns;
  }

  /** Reads the list from a classpath resource; a missing resource is an empty list. */
  static KnownDifferences load(String resource) {
    Map<String, String> exact = new LinkedHashMap<>();
    Map<Pattern, String> patterns = new LinkedHashMap<>();
    try (InputStream in = KnownDifferences.class.getResourceAsStream(resource)) {
      if (in != null) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lineNumber++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          int sep = line.indexOf(SEPARATOR);
          if (sep < 0) {
            throw new IllegalArgumentException(resource + ":" + lineNumber + ": expected '<query>" + SEPARATOR
                + "<reason>', got: " + line);
          }
          String query = line.substring(0, sep).strip();
          String reason = line.substring(sep + SEPARATOR.length()).strip();
          if (query.startsWith("~")) {
            patterns.put(Pattern.compile(query.substring(1)), reason);
          } else {
            exact.put(query, reason);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KnownDifferences(exact, patterns);
  }

  /** Why {@code query} may differ, if the list says so. */
  Optional<String> reason(String query) {
    String reason = exact.get(query.strip());
    if (reason != null) {
      return Optional.of(reason);
    }
    return patterns.entrySet().stream().filter(p -> p.getKey().matcher(query).find()).map(Map.Entry::getValue).findFirst();
  }

  int size() {
    return exact.size() + patterns.size();
  }
}
