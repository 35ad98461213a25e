package dev.vigil.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.OpenMetricsGenerator;
import dev.vigil.testkit.peer.Promtool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The shared steps of the interop tests: generate input, cut blocks with either tool, find them. */
final class Interop {
  /** Upper bound for any one peer command; the data below takes a few seconds. */
  static final Duration TIMEOUT = Duration.ofSeconds(180);

  /**
   * 200+ series over 7h at 15s from a start 13m20s into a 2h window: about 260k samples in 4 blocks
   * (the first and last partial), small enough for a minute on 2 cores.
   */
  static final int SERIES = 200;

  static final Duration SPAN = Duration.ofHours(7);

  private static final ObjectMapper JSON = new ObjectMapper();

  private Interop() {}

  static OpenMetricsGenerator.Result generate(long seed, Path file) {
    try {
      return OpenMetricsGenerator.builder().seed(seed).series(SERIES).duration(SPAN)
          .interval(Duration.ofSeconds(15)).build().writeTo(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void createBlocksWithVigil(long seed, Path input, Path outDir) {
    VigilCli.Result r = VigilCli.run("tools", "tsdb", "create-blocks-from", "openmetrics", "-q",
        input.toString(), outDir.toString());
    if (!r.ok()) {
      throw new AssertionError("seed " + seed + ": Vigil could not create blocks from " + input + " (the same "
          + "file promtool accepts):\n" + r.describe());
    }
  }

  static void createBlocksWithPromtool(Promtool promtool, long seed, Path input, Path outDir) {
    Promtool.Result r = promtool.run(TIMEOUT, "tsdb", "create-blocks-from", "openmetrics", "-q",
        input.toString(), outDir.toString());
    if (!r.ok()) {
      throw new AssertionError("seed " + seed + ": promtool rejected the generated input " + input
          + " (a generator bug):\n" + r.describe());
    }
  }

  /** A block directory and the fields of its meta.json, read with Jackson (not with Vigil's reader). */
  record BlockDir(Path dir, String ulid, long minTime, long maxTime, long numSamples, long numSeries,
      long numChunks) {
    String range() {
      return "[" + minTime + ", " + maxTime + ")";
    }
  }

  /** The blocks under {@code dataDir} (directories with a meta.json), ordered by minTime. */
  static List<BlockDir> blocks(Path dataDir) {
    List<BlockDir> blocks = new ArrayList<>();
    try (Stream<Path> children = Files.list(dataDir)) {
      for (Path child : children.toList()) {
        Path meta = child.resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
          continue;
        }
        JsonNode m = JSON.readTree(meta.toFile());
        JsonNode stats = m.path("stats");
        blocks.add(new BlockDir(child, m.path("ulid").asText(), m.path("minTime").asLong(),
            m.path("maxTime").asLong(), stats.path("numSamples").asLong(), stats.path("numSeries").asLong(),
            stats.path("numChunks").asLong()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    blocks.sort(Comparator.comparingLong(BlockDir::minTime).thenComparing(BlockDir::ulid));
    return blocks;
  }

  /** Copies the block directories (only) of {@code from} into {@code to}. */
  static void copyBlocks(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    for (BlockDir b : blocks(from)) {
      copyTree(b.dir(), to.resolve(b.dir().getFileName().toString()));
    }
  }

  /** Copies a directory with everything below it. */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path dest = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(f, dest);
        }
      }
    }
  }

  /** Epoch milliseconds as the seconds string the HTTP API takes ({@code 1700000000.123}). */
  static String seconds(long ms) {
    String frac = Long.toString(Math.floorMod(ms, 1000L));
    return Math.floorDiv(ms, 1000L) + "." + "0".repeat(3 - frac.length()) + frac;
  }
}
