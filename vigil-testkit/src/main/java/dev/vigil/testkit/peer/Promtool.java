package dev.vigil.testkit.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code promtool} (Prometheus 2.42 on Debian) as a child process. Output goes
 * through temporary files, never pipes, so a chatty command cannot block on a full pipe, and {@link
 * #runToFile} keeps large outputs such as {@code tsdb dump} out of memory.
 *
 * <p>Quirk of 2.42: {@code promtool tsdb dump} replays the head too and fails with {@code read WAL:
 * ... open <dir>/wal: no such file or directory} on a directory of blocks only; it also creates an
 * empty {@code chunks_head/}. {@link #dump} creates an empty {@code wal/} first.
 */
public final class Promtool {
  public static final String NAME = "promtool";

  private final Path executable;

  private Promtool(Path executable) {
    this.executable = executable;
  }

  /** The promtool binary: system property {@code vigil.promtool}, then PATH, then /usr/bin. */
  public static Optional<Path> locate() {
    return Executables.locate(NAME);
  }

  public static boolean isAvailable() {
    return locate().isPresent();
  }

  /** The installed promtool; throws {@link PeerException} when there is none. */
  public static Promtool get() {
    return new Promtool(locate().orElseThrow(() -> new PeerException("promtool not found on PATH or in /usr/bin")));
  }

  public Path executable() {
    return executable;
  }

  /** The outcome of one run; {@code stdout} is empty when it went to a file. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** Command, exit code and the start of both outputs, for assertion messages. */
    public String describe() {
      return String.join(" ", command) + " -> exit " + exitCode + "\n--- stdout ---\n"
          + head(stdout) + "\n--- stderr ---\n" + head(stderr);
    }

    private static String head(String s) {
      return s.length() <= 4000 ? s : s.substring(0, 4000) + "\n... (" + s.length() + " chars)";
    }
  }

  /** Runs {@code promtool args...}, capturing both outputs; fails with {@link PeerException} on timeout. */
  public Result run(Duration timeout, String... args) {
    try {
      Path out = Files.createTempFile("promtool-", ".out");
      try {
        Result r = runToFile(timeout, out, args);
        return new Result(r.command(), r.exitCode(), Files.readString(out, StandardCharsets.UTF_8), r.stderr());
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new PeerException("cannot run promtool: " + e, e);
    }
  }

  /** Runs {@code promtool args...} with stdout written to {@code stdoutFile} (replaced). */
  public Result runToFile(Duration timeout, Path stdoutFile, String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    Path err = null;
    Process process = null;
    try {
      err = Files.createTempFile("promtool-", ".err");
      ProcessBuilder pb = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(stdoutFile.toFile())
          .redirectError(err.toFile());
      // Human-readable output of some commands uses the local zone; pin it.
      pb.environment().put("TZ", "UTC");
      process = pb.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new PeerException(String.join(" ", command) + " did not finish within " + timeout
            + "; stderr: " + Files.readString(err, StandardCharsets.UTF_8));
      }
      return new Result(List.copyOf(command), process.exitValue(), "", Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PeerException("cannot run " + String.join(" ", command) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (process != null) {
        process.destroyForcibly();
      }
      throw new PeerException("interrupted while running " + String.join(" ", command), e);
    } finally {
      if (err != null) {
        try {
          Files.deleteIfExists(err);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  /** {@code promtool --version}'s first line, e.g. {@code promtool, version 2.42.0+ds (...)}. */
  public String version() {
    Result r = run(Duration.ofSeconds(30), "--version");
    String all = r.stdout().isEmpty() ? r.stderr() : r.stdout();
    int nl = all.indexOf('\n');
    return nl < 0 ? all.trim() : all.substring(0, nl).trim();
  }

  /**
   * {@code promtool tsdb dump [extra flags] dbDir} into {@code outFile}; creates {@code dbDir/wal}
   * first (see the class comment). Flags such as {@code --match=...}, {@code --min-time=...} go
   * before the directory.
   */
  public Result dump(Duration timeout, Path dbDir, Path outFile, String... flags) {
    try {
      Files.createDirectories(dbDir.resolve("wal"));
    } catch (IOException e) {
      throw new PeerException("cannot create " + dbDir.resolve("wal") + ": " + e, e);
    }
    List<String> args = new ArrayList<>(List.of("tsdb", "dump"));
    args.addAll(List.of(flags));
    args.add(dbDir.toString());
    return runToFile(timeout, outFile, args.toArray(String[]::new));
  }
}
