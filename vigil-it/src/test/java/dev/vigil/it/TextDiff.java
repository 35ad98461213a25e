package dev.vigil.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares two large text outputs line by line without loading them, and explains the first
 * difference (line number, both lines, line counts), which a plain string assertion on 30 MB could
 * not.
 */
final class TextDiff {
  private TextDiff() {}

  /** Null when the files are equal, else a description of the first difference. */
  static String firstDifference(Path expected, String expectedName, Path actual, String actualName) {
    try (BufferedReader e = Files.newBufferedReader(expected, StandardCharsets.UTF_8);
        BufferedReader a = Files.newBufferedReader(actual, StandardCharsets.UTF_8)) {
      long line = 0;
      while (true) {
        String el = e.readLine();
        String al = a.readLine();
        line++;
        if (el == null && al == null) {
          break;
        }
        if (el == null || !el.equals(al)) {
          long eLines = line - 1 + (el == null ? 0 : 1 + count(e));
          long aLines = line - 1 + (al == null ? 0 : 1 + count(a));
          return "first difference at line " + line + ":\n  " + expectedName + ": " + show(el) + "\n  "
              + actualName + ": " + show(al) + "\n(" + expectedName + " has " + eLines + " lines, " + actualName
              + " has " + aLines + ")";
        }
      }
      // Same lines; a missing or extra trailing newline would still make the bytes differ.
      if (Files.size(expected) != Files.size(actual)) {
        return "same lines but " + expectedName + " has " + Files.size(expected) + " bytes and " + actualName
            + " " + Files.size(actual) + " (line endings or final newline)";
      }
      return null;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static long lineCount(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return count(r);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static long count(BufferedReader r) throws IOException {
    long n = 0;
    while (r.readLine() != null) {
      n++;
    }
    return n;
  }

  private static String show(String line) {
    return line == null ? "<end of output>" : "'" + line + "'";
  }
}
