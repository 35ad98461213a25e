package dev.vigil.scrape.config;

/**
 * Go's path/filepath on Unix, as Prometheus uses it to make a config's relative file paths relative
 * to the config file's directory: purely lexical, without looking at the file system.
 */
final class GoFilePath {
  private GoFilePath() {}

  /** filepath.Dir: all but the last element, cleaned; "." when there is no directory part. */
  static String dir(String path) {
    return clean(path.substring(0, path.lastIndexOf('/') + 1));
  }

  /** Prometheus's config.JoinDir: an empty or absolute path unchanged, else dir and path joined and cleaned. */
  static String joinDir(String dir, String path) {
    if (path.isEmpty() || path.startsWith("/")) {
      return path;
    }
    return clean(dir + "/" + path);
  }

  /**
   * filepath.Clean: one slash between elements, no "." elements, ".." removing the element before it
   * (or dropped right after the root), no trailing slash, and "." for nothing.
   */
  static String clean(String path) {
    boolean rooted = path.startsWith("/");
    StringBuilder out = new StringBuilder(rooted ? "/" : "");
    // Where ".." can no longer remove an element: after the root, or after leading ".." elements.
    int dotdot = out.length();
    int r = rooted ? 1 : 0;
    int n = path.length();
    while (r < n) {
      int end = path.indexOf('/', r);
      end = end < 0 ? n : end;
      String element = path.substring(r, end);
      r = end + 1;
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (element.equals("..")) {
        if (out.length() > dotdot) {
          int cut = out.length() - 1;
          while (cut > dotdot && out.charAt(cut) != '/') {
            cut--;
          }
          out.setLength(cut);
        } else if (!rooted) {
          out.append(out.length() > 0 ? "/.." : "..");
          dotdot = out.length();
        }
        continue;
      }
      if (out.length() != (rooted ? 1 : 0)) {
        out.append('/');
      }
      out.append(element);
    }
    return out.length() == 0 ? "." : out.toString();
  }
}
