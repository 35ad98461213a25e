package dev.vigil.scrape.discovery;

import dev.vigil.core.labels.Utf8Order;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code path/filepath} {@code Glob}, {@code Match} and {@code Clean} on Unix, which file_sd uses to
 * expand its patterns: {@code *} matches any run of characters but '/', {@code ?} one character but
 * '/', {@code [...]} a class (ranges, {@code ^} negates), a backslash escapes. Matches in a directory
 * come in byte order of their names, each joined to its directory and cleaned as Go does, so
 * {@code ./sd/*.json} yields {@code sd/a.json}; a pattern without meta characters yields itself when the
 * path exists.
 */
final class GoGlob {
  /** Go's filepath.ErrBadPattern. */
  static final class BadPatternException extends Exception {
    BadPatternException() {
      super("syntax error in pattern");
    }
  }

  private static final int SEPARATOR = '/';
  /** Go 1.19 caps the recursion over directory patterns like this. */
  private static final int PATH_SEPARATORS_LIMIT = 10_000;

  private GoGlob() {}

  /**
   * The paths matching a pattern; I/O errors are ignored as Go ignores them.
   *
   * @throws BadPatternException when the pattern is malformed
   */
  static List<String> glob(String pattern) throws BadPatternException {
    return glob(pattern, 0);
  }

  private static List<String> glob(String pattern, int depth) throws BadPatternException {
    if (depth == PATH_SEPARATORS_LIMIT) {
      throw new BadPatternException();
    }
    match(pattern, "");
    if (!hasMeta(pattern)) {
      return exists(pattern) ? List.of(pattern) : List.of();
    }
    int slash = pattern.lastIndexOf(SEPARATOR);
    String dir = pattern.substring(0, slash + 1);
    String file = pattern.substring(slash + 1);
    dir = cleanGlobPath(dir);
    List<String> matches = new ArrayList<>();
    if (!hasMeta(dir)) {
      globIn(dir, file, matches);
      return matches;
    }
    if (dir.equals(pattern)) {
      throw new BadPatternException();
    }
    for (String d : glob(dir, depth + 1)) {
      globIn(d, file, matches);
    }
    return matches;
  }

  private static boolean exists(String path) {
    try {
      return Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static String cleanGlobPath(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    if (path.equals("/")) {
      return path;
    }
    return path.substring(0, path.length() - 1);
  }

  private static void globIn(String dir, String pattern, List<String> matches) throws BadPatternException {
    Path path;
    try {
      path = Path.of(dir);
    } catch (InvalidPathException e) {
      return;
    }
    if (!Files.isDirectory(path)) {
      return;
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
      }
    } catch (IOException | RuntimeException e) {
      // Go ignores I/O errors here, and keeps the names it read.
    }
    names.sort(Utf8Order::compare);
    for (String name : names) {
      if (match(pattern, name)) {
        matches.add(clean(dir + "/" + name));
      }
    }
  }

  /** Go's hasMeta on Unix. */
  static boolean hasMeta(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '\\') {
        return true;
      }
    }
    return false;
  }

  /**
   * Go's filepath.Match: whether the whole name matches the pattern.
   *
   * @throws BadPatternException when the pattern is malformed (checked even when the name fails early)
   */
  static boolean match(String patternText, String nameText) throws BadPatternException {
    int[] pattern = patternText.codePoints().toArray();
    int[] name = nameText.codePoints().toArray();
    int p = 0;
    int n = 0;
    outer:
    while (p < pattern.length) {
      boolean star = false;
      while (p < pattern.length && pattern[p] == '*') {
        p++;
        star = true;
      }
      int chunkEnd = chunkEnd(pattern, p);
      if (star && chunkEnd == p) {
        // A trailing star matches the rest of the name unless it has a separator.
        for (int i = n; i < name.length; i++) {
          if (name[i] == SEPARATOR) {
            return false;
          }
        }
        return true;
      }
      int rest = matchChunk(pattern, p, chunkEnd, name, n);
      if (rest >= 0 && (rest == name.length || chunkEnd < pattern.length)) {
        n = rest;
        p = chunkEnd;
        continue;
      }
      if (star) {
        for (int i = n; i < name.length && name[i] != SEPARATOR; i++) {
          int t = matchChunk(pattern, p, chunkEnd, name, i + 1);
          if (t >= 0) {
            if (chunkEnd == pattern.length && t < name.length) {
              continue;
            }
            n = t;
            p = chunkEnd;
            continue outer;
          }
        }
      }
      // Before failing, check that the rest of the pattern is well formed.
      p = chunkEnd;
      while (p < pattern.length) {
        while (p < pattern.length && pattern[p] == '*') {
          p++;
        }
        int end = chunkEnd(pattern, p);
        matchChunk(pattern, p, end, new int[0], 0);
        p = end;
      }
      return false;
    }
    return n == name.length;
  }

  /** Go's scanChunk, after the leading stars: where the chunk ends (at the next star outside a class). */
  private static int chunkEnd(int[] pattern, int start) {
    boolean inRange = false;
    int i = start;
    for (; i < pattern.length; i++) {
      switch (pattern[i]) {
        case '\\':
          if (i + 1 < pattern.length) {
            i++;
          }
          break;
        case '[':
          inRange = true;
          break;
        case ']':
          inRange = false;
          break;
        case '*':
          if (!inRange) {
            return i;
          }
          break;
        default:
          break;
      }
    }
    return i;
  }

  /**
   * Go's matchChunk: matches pattern[from, to) at the start of name[n...]; returns where the name goes on,
   * or -1 when it does not match.
   */
  private static int matchChunk(int[] pattern, int from, int to, int[] name, int n) throws BadPatternException {
    boolean failed = false;
    int p = from;
    while (p < to) {
      if (!failed && n >= name.length) {
        failed = true;
      }
      switch (pattern[p]) {
        case '[': {
          int r = -1;
          if (!failed) {
            r = name[n++];
          }
          p++;
          boolean negated = false;
          if (p < to && pattern[p] == '^') {
            negated = true;
            p++;
          }
          boolean matched = false;
          int ranges = 0;
          while (true) {
            if (p < to && pattern[p] == ']' && ranges > 0) {
              p++;
              break;
            }
            int[] lo = escaped(pattern, p, to);
            p = lo[1];
            int hi = lo[0];
            if (pattern[p] == '-') {
              int[] h = escaped(pattern, p + 1, to);
              hi = h[0];
              p = h[1];
            }
            if (lo[0] <= r && r <= hi) {
              matched = true;
            }
            ranges++;
          }
          if (matched == negated) {
            failed = true;
          }
          break;
        }
        case '?':
          if (!failed) {
            if (name[n] == SEPARATOR) {
              failed = true;
            }
            n++;
          }
          p++;
          break;
        case '\\':
          p++;
          if (p == to) {
            throw new BadPatternException();
          }
          if (!failed) {
            if (pattern[p] != name[n]) {
              failed = true;
            }
            n++;
          }
          p++;
          break;
        default:
          if (!failed) {
            if (pattern[p] != name[n]) {
              failed = true;
            }
            n++;
          }
          p++;
          break;
      }
    }
    return failed ? -1 : n;
  }

  /** Go's getEsc: one possibly escaped character of a class; returns {char, next position}. */
  private static int[] escaped(int[] pattern, int p, int to) throws BadPatternException {
    if (p >= to || pattern[p] == '-' || pattern[p] == ']') {
      throw new BadPatternException();
    }
    if (pattern[p] == '\\') {
      p++;
      if (p >= to) {
        throw new BadPatternException();
      }
    }
    int r = pattern[p++];
    if (p >= to) {
      throw new BadPatternException();
    }
    return new int[] {r, p};
  }

  /** Go's filepath.Clean on Unix: the shortest lexically equivalent path. */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    int n = path.length();
    StringBuilder out = new StringBuilder(n);
    int r = 0;
    int dotdot = 0;
    if (rooted) {
      out.append('/');
      r = 1;
      dotdot = 1;
    }
    while (r < n) {
      if (path.charAt(r) == '/') {
        r++;
      } else if (path.charAt(r) == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
        r++;
      } else if (path.charAt(r) == '.' && path.charAt(r + 1) == '.' && (r + 2 == n || path.charAt(r + 2) == '/')) {
        r += 2;
        if (out.length() > dotdot) {
          int w = out.length() - 1;
          while (w > dotdot && out.charAt(w) != '/') {
            w--;
          }
          out.setLength(w);
        } else if (!rooted) {
          if (out.length() > 0) {
            out.append('/');
          }
          out.append("..");
          dotdot = out.length();
        }
      } else {
        if (rooted && out.length() != 1 || !rooted && out.length() != 0) {
          out.append('/');
        }
        while (r < n && path.charAt(r) != '/') {
          out.append(path.charAt(r++));
        }
      }
    }
    return out.length() == 0 ? "." : out.toString();
  }
}
