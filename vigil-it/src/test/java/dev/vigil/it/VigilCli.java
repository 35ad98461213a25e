package dev.vigil.it;

import dev.vigil.cli.Vigil;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the {@code vigil} command line in-process, as {@link Vigil#run} offers it. */
final class VigilCli {
  private VigilCli() {}

  /** The outcome; {@code stdout} is empty when it went to a file. */
  record Result(List<String> args, int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }

    String describe() {
      return "vigil " + String.join(" ", args) + " -> exit " + exitCode + "\n--- stdout ---\n"
          + head(stdout) + "\n--- stderr ---\n" + head(stderr);
    }

    private static String head(String s) {
      return s.length() <= 4000 ? s : s.substring(0, 4000) + "\n... (" + s.length() + " chars)";
    }
  }

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(out, err, args);
    return new Result(List.of(args), code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs with stdout streamed to {@code stdoutFile} (replaced), so large dumps stay out of memory. */
  static Result runToFile(Path stdoutFile, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(stdoutFile), 1 << 16)) {
      code = run(out, err, args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(List.of(args), code, "", err.toString(StandardCharsets.UTF_8));
  }

  private static int run(OutputStream out, OutputStream err, String... args) {
    PrintStream outStream = new PrintStream(out, false, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = Vigil.run(outStream, errStream, args);
    outStream.flush();
    errStream.flush();
    return code;
  }
}
