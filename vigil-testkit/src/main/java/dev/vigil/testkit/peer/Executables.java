package dev.vigil.testkit.peer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds peer binaries: an explicit system property, then each PATH entry, then /usr/bin. */
final class Executables {
  private Executables() {}

  /**
   * Looks for {@code name} in the directory given by system property {@code vigil.<name>} (a path to
   * the binary itself), then PATH, then {@code /usr/bin}.
   */
  static Optional<Path> locate(String name) {
    String explicit = System.getProperty("vigil." + name);
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      return isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path p = Path.of(dir, name);
        if (isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    Path fallback = Path.of("/usr/bin", name);
    return isExecutable(fallback) ? Optional.of(fallback) : Optional.empty();
  }

  private static boolean isExecutable(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p);
  }
}
