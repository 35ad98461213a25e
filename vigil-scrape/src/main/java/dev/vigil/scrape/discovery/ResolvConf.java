package dev.vigil.scrape.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A resolv.conf(5) as miekg/dns v1.1.50's {@code ClientConfigFromReader} reads it (Prometheus 2.42's
 * dns_sd uses it): {@code nameserver} lines add servers (as written; port 53), {@code domain} sets the
 * search list to one domain, {@code search} replaces it, {@code options} sets {@code ndots:} (clamped to
 * 0..15), {@code timeout:} and {@code attempts:} (at least 1). Anything else is ignored.
 *
 * <p>Prometheus's lookups use only the servers, the port, the search list and ndots: each exchange
 * times out after miekg's fixed 2 s and is tried once per server, whatever {@code timeout} and
 * {@code attempts} say. They are read here for completeness.
 */
public record ResolvConf(List<String> servers, List<String> search, int port, int ndots, int timeoutSeconds,
    int attempts) {
  public static final Path DEFAULT_PATH = Path.of("/etc/resolv.conf");

  public ResolvConf {
    servers = List.copyOf(servers);
    search = List.copyOf(search);
  }

  /**
   * Reads a file.
   *
   * @throws IOException with Go's wording ("open PATH: no such file or directory") when it cannot be read
   */
  public static ResolvConf load(Path file) throws IOException {
    try {
      return parse(Files.readString(file, StandardCharsets.ISO_8859_1));
    } catch (NoSuchFileException e) {
      throw new IOException("open " + file + ": no such file or directory", e);
    }
  }

  public static ResolvConf parse(String text) {
    List<String> servers = new ArrayList<>();
    List<String> search = new ArrayList<>();
    int ndots = 1;
    int timeout = 5;
    int attempts = 2;
    for (String line : text.split("\n", -1)) {
      String[] f = line.trim().split("[ \t\r\f\u000b]+");
      if (f.length < 1 || f[0].isEmpty()) {
        continue;
      }
      switch (f[0]) {
        case "nameserver":
          if (f.length > 1) {
            servers.add(f[1]);
          }
          break;
        case "domain":
          search = new ArrayList<>();
          if (f.length > 1) {
            search.add(f[1]);
          }
          break;
        case "search":
          search = new ArrayList<>(List.of(f).subList(1, f.length));
          break;
        case "options":
          for (int i = 1; i < f.length; i++) {
            String s = f[i];
            if (s.startsWith("ndots:")) {
              ndots = Math.max(0, Math.min(15, atoi(s.substring(6))));
            } else if (s.startsWith("timeout:")) {
              timeout = Math.max(1, atoi(s.substring(8)));
            } else if (s.startsWith("attempts:")) {
              attempts = Math.max(1, atoi(s.substring(9)));
            }
          }
          break;
        default:
          break;
      }
    }
    return new ResolvConf(servers, search, 53, ndots, timeout, attempts);
  }

  /** Go's strconv.Atoi as miekg uses it: 0 when the text is not a number (or out of range). */
  private static int atoi(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** miekg's NameList: the fully qualified names to try for a name, in order. */
  public List<String> nameList(String name) {
    return nameList(name, search, ndots);
  }

  static List<String> nameList(String name, List<String> search, int ndots) {
    if (isFqdn(name)) {
      return List.of(name);
    }
    boolean hasNdots = countLabels(name) > ndots;
    String fqdn = fqdn(name);
    List<String> names = new ArrayList<>();
    if (hasNdots) {
      names.add(fqdn);
    }
    for (String suffix : search) {
      names.add(fqdn(fqdn + suffix));
    }
    if (!hasNdots) {
      names.add(fqdn);
    }
    return names;
  }

  /** miekg's IsFqdn: ends with a dot that is not escaped. */
  static boolean isFqdn(String s) {
    if (!s.endsWith(".")) {
      return false;
    }
    int backslashes = 0;
    for (int i = s.length() - 2; i >= 0 && s.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 0;
  }

  static String fqdn(String s) {
    return isFqdn(s) ? s : s + ".";
  }

  /** miekg's CountLabel: the labels of a name, escaped dots not separating. */
  static int countLabels(String s) {
    if (s.equals(".")) {
      return 0;
    }
    int labels = 0;
    int off = 0;
    while (true) {
      int[] next = nextLabel(s, off);
      off = next[0];
      labels++;
      if (next[1] == 1) {
        return labels;
      }
    }
  }

  private static int[] nextLabel(String s, int offset) {
    if (s.isEmpty()) {
      return new int[] {0, 1};
    }
    int i;
    for (i = offset; i < s.length() - 1; i++) {
      if (s.charAt(i) != '.') {
        continue;
      }
      int j = i - 1;
      while (j >= 0 && s.charAt(j) == '\\') {
        j--;
      }
      if ((j - i) % 2 == 0) {
        continue;
      }
      return new int[] {i + 1, 0};
    }
    return new int[] {i + 1, 1};
  }
}
