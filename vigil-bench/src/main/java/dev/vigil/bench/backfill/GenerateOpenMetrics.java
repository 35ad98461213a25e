package dev.vigil.bench.backfill;

import dev.vigil.testkit.OpenMetricsGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes the testkit's OpenMetrics corpus to a file and prints one line of facts about it, for {@code
 * scripts/backfill-vs-promtool.sh}:
 *
 * <pre>
 * java -cp vigil-benchmarks.jar dev.vigil.bench.backfill.GenerateOpenMetrics \
 *     --series 6000 --hours 7 [--seed 1] [--min-samples 10000000] --out FILE
 * </pre>
 *
 * The line is {@code samples=N series=N bytes=N min_time_ms=N max_time_ms=N}. With {@code
 * --min-samples} it exits with status 3 when the file holds fewer samples.
 */
public final class GenerateOpenMetrics {
  private GenerateOpenMetrics() {}

  public static void main(String[] args) throws IOException {
    // A command-line entry point: its report goes to stdout, usage errors to stderr.
    PrintStream out = System.out;
    int series = 6000;
    int hours = 7;
    long seed = 1;
    long minSamples = 0;
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--series" -> series = Integer.parseInt(require(args[i], value));
        case "--hours" -> hours = Integer.parseInt(require(args[i], value));
        case "--seed" -> seed = Long.parseLong(require(args[i], value));
        case "--min-samples" -> minSamples = Long.parseLong(require(args[i], value));
        case "--out" -> file = Path.of(require(args[i], value));
        default -> usage("unknown argument " + args[i]);
      }
      i++;
    }
    if (file == null) {
      usage("--out is required");
    }
    OpenMetricsGenerator.Result r = OpenMetricsGenerator.builder().seed(seed).series(series)
        .duration(Duration.ofHours(hours)).build().writeTo(file);
    out.printf("samples=%d series=%d bytes=%d min_time_ms=%d max_time_ms=%d%n", r.samples(), r.series(),
        Files.size(file), r.minTimeMs(), r.maxTimeMs());
    if (r.samples() < minSamples) {
      System.err.printf("only %d samples, fewer than the %d asked for: raise --series or --hours%n",
          r.samples(), minSamples);
      System.exit(3);
    }
  }

  private static String require(String flag, String value) {
    if (value == null) {
      usage(flag + " needs a value");
    }
    return value;
  }

  private static void usage(String problem) {
    System.err.println("GenerateOpenMetrics: " + problem);
    System.err.println("usage: GenerateOpenMetrics [--series N] [--hours H] [--seed S] [--min-samples N] --out FILE");
    System.exit(2);
  }
}
