package dev.vigil.tsdb.compact;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real promtool 2.42 as a judge of the blocks written here. Tests that need it are skipped, with a
 * loud line on stderr, where it is not installed.
 */
final class PromtoolOracle {
  private final Path executable;

  private PromtoolOracle(Path executable) {
    this.executable = executable;
  }

  /** The installed promtool, or the calling test is skipped. */
  static PromtoolOracle requireOrSkip() {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "promtool"));
      }
    }
    candidates.add(Path.of("/usr/bin/promtool"));
    for (Path p : candidates) {
      if (Files.isExecutable(p)) {
        return new PromtoolOracle(p);
      }
    }
    System.err.println("!!!!! promtool NOT FOUND on PATH or in /usr/bin: SKIPPING the promtool oracle checks "
        + "of compacted blocks (apt-get install prometheus) !!!!!");
    assumeTrue(false, "promtool is not installed");
    throw new AssertionError("unreachable");
  }

  /**
   * {@code promtool tsdb dump dbDir}: every sample as {@code labels value time}. promtool 2.42 also
   * replays a head, so an empty {@code wal/} is created first.
   */
  String dump(Path dbDir) throws IOException, InterruptedException {
    Files.createDirectories(dbDir.resolve("wal"));
    return run("tsdb", "dump", dbDir.toString());
  }

  /** {@code promtool tsdb list dbDir}: one line per block with its range and counts. */
  String list(Path dbDir) throws IOException, InterruptedException {
    return run("tsdb", "list", dbDir.toString());
  }

  private String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("promtool-", ".out");
    Path err = Files.createTempFile("promtool-", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
      }
      if (p.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " exited with " + p.exitValue() + ": "
            + Files.readString(err, StandardCharsets.UTF_8));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
