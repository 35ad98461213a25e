package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.peer.Promtool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same OpenMetrics input through {@code promtool tsdb create-blocks-from openmetrics} and
 * through Vigil gives the same blocks: same ranges and stats, same samples, and, since Vigil aims at
 * bit-identical output, byte-identical index, chunk segments and tombstones, and meta.json identical
 * but for the ULID.
 */
class SameBlocksAsPromtoolIT {
  @RegisterExtension static final Seeds SEEDS = Seeds.forClass(SameBlocksAsPromtoolIT.class);

  @TempDir static Path dir;

  private static Promtool promtool;
  private static Path promtoolBlocks;
  private static Path vigilBlocks;

  @BeforeAll
  static void createBlocksWithBoth() {
    promtool = ItPeers.promtool();
    Path input = dir.resolve("input.om");
    Interop.generate(SEEDS.seed(), input);
    promtoolBlocks = dir.resolve("promtool");
    vigilBlocks = dir.resolve("vigil");
    Interop.createBlocksWithPromtool(promtool, SEEDS.seed(), input, promtoolBlocks);
    Interop.createBlocksWithVigil(SEEDS.seed(), input, vigilBlocks);
  }

  @Test
  void sameBlocksWithSameTimeRangesAndStats() {
    List<String> expected = content(promtoolBlocks);
    List<String> actual = content(vigilBlocks);
    assertThat(actual).as("%s: blocks per promtool tsdb list, promtool's then Vigil's", SEEDS).isEqualTo(expected);
    assertThat(expected).as("%s: 7h of data must span several 2h blocks", SEEDS).hasSizeGreaterThanOrEqualTo(4);
  }

  private static List<String> content(Path blocks) {
    Promtool.Result r = promtool.run(Interop.TIMEOUT, "tsdb", "list", blocks.toString());
    assertThat(r.ok()).as(r.describe()).isTrue();
    return BlockListing.parse(r.stdout()).stream().map(BlockListing.Row::content).toList();
  }

  /** Without {@code -q} both print the block table; only the (random) ULIDs may differ. */
  @Test
  void createPrintsTheSameTableAsPromtool() {
    Path input = dir.resolve("input.om");
    Promtool.Result expected = promtool.run(Interop.TIMEOUT, "tsdb", "create-blocks-from", "openmetrics",
        input.toString(), dir.resolve("promtool-table").toString());
    VigilCli.Result actual = VigilCli.run("tools", "tsdb", "create-blocks-from", "openmetrics", input.toString(),
        dir.resolve("vigil-table").toString());
    assertThat(expected.ok()).as(expected.describe()).isTrue();
    assertThat(actual.ok()).as(actual.describe()).isTrue();
    assertThat(maskUlids(actual.stdout())).as("%s: create-blocks-from output, ULIDs masked", SEEDS)
        .isEqualTo(maskUlids(expected.stdout()));
  }

  private static String maskUlids(String table) {
    return table.replaceAll("\\b[0-9A-HJKMNP-TV-Z]{26}\\b", "<ULID-------------------->");
  }

  @Test
  void promtoolDumpsBothTheSame() {
    Path expected = dir.resolve("dump-promtool.txt");
    Path actual = dir.resolve("dump-vigil.txt");
    Promtool.Result p = promtool.dump(Interop.TIMEOUT, promtoolBlocks, expected);
    assertThat(p.ok()).as(p.describe()).isTrue();
    Promtool.Result v = promtool.dump(Interop.TIMEOUT, vigilBlocks, actual);
    assertThat(v.ok()).as("%s: promtool cannot dump Vigil's blocks: %s", SEEDS, v.describe()).isTrue();
    assertThat(TextDiff.firstDifference(expected, "promtool blocks", actual, "vigil blocks"))
        .as("%s: promtool tsdb dump of promtool's blocks vs of Vigil's", SEEDS).isNull();
  }

  @Test
  void indexFilesAreByteIdentical() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Pair pair : pairs(problems)) {
      byte[] expected = Files.readAllBytes(pair.promtool.dir().resolve("index"));
      byte[] actual = Files.readAllBytes(pair.vigil.dir().resolve("index"));
      int at = java.util.Arrays.mismatch(expected, actual);
      String d = BlockFileDiff.describe("index of block " + pair.promtool.range(), expected, actual,
          at < 0 ? null : BlockFileDiff.indexLocation(expected, at));
      if (d != null) {
        problems.add(d);
      }
    }
    assertThat(problems).as("%s: index files, promtool's vs Vigil's", SEEDS).isEmpty();
  }

  @Test
  void chunkSegmentsAreByteIdentical() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Pair pair : pairs(problems)) {
      List<String> expectedNames = segments(pair.promtool.dir());
      List<String> actualNames = segments(pair.vigil.dir());
      if (!expectedNames.equals(actualNames)) {
        problems.add("block " + pair.promtool.range() + ": chunk segments promtool " + expectedNames + ", vigil "
            + actualNames);
      }
      byte[] index = Files.readAllBytes(pair.promtool.dir().resolve("index"));
      for (int i = 0; i < expectedNames.size() && i < actualNames.size(); i++) {
        byte[] expected = Files.readAllBytes(pair.promtool.dir().resolve("chunks").resolve(expectedNames.get(i)));
        byte[] actual = Files.readAllBytes(pair.vigil.dir().resolve("chunks").resolve(actualNames.get(i)));
        int at = java.util.Arrays.mismatch(expected, actual);
        String d = BlockFileDiff.describe("chunks/" + expectedNames.get(i) + " of block " + pair.promtool.range(),
            expected, actual, at < 0 ? null : BlockFileDiff.chunkLocation(expected, i, index, at));
        if (d != null) {
          problems.add(d);
        }
      }
    }
    assertThat(problems).as("%s: chunk segment files, promtool's vs Vigil's", SEEDS).isEmpty();
  }

  @Test
  void tombstonesAreByteIdentical() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Pair pair : pairs(problems)) {
      byte[] expected = Files.readAllBytes(pair.promtool.dir().resolve("tombstones"));
      byte[] actual = Files.readAllBytes(pair.vigil.dir().resolve("tombstones"));
      String d = BlockFileDiff.describe("tombstones of block " + pair.promtool.range(), expected, actual, null);
      if (d != null) {
        problems.add(d);
      }
    }
    assertThat(problems).as("%s: tombstones files", SEEDS).isEmpty();
  }

  /** Same text (tabs, key order, omitted zero stats) once each file's own ULID is blanked out. */
  @Test
  void metaJsonIsIdenticalButForTheUlid() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Pair pair : pairs(problems)) {
      String expected = Files.readString(pair.promtool.dir().resolve("meta.json"), StandardCharsets.UTF_8)
          .replace(pair.promtool.ulid(), "<ULID>");
      String actual = Files.readString(pair.vigil.dir().resolve("meta.json"), StandardCharsets.UTF_8)
          .replace(pair.vigil.ulid(), "<ULID>");
      if (!expected.equals(actual)) {
        problems.add("meta.json of block " + pair.promtool.range() + "\n--- promtool ---\n" + expected
            + "\n--- vigil ---\n" + actual);
      }
    }
    assertThat(problems).as("%s: meta.json files", SEEDS).isEmpty();
  }

  private record Pair(Interop.BlockDir promtool, Interop.BlockDir vigil) {}

  /** Blocks paired by equal time range; unpaired blocks are added to {@code problems}. */
  private static List<Pair> pairs(List<String> problems) {
    List<Interop.BlockDir> expected = Interop.blocks(promtoolBlocks);
    List<Interop.BlockDir> actual = new ArrayList<>(Interop.blocks(vigilBlocks));
    List<Pair> pairs = new ArrayList<>();
    for (Interop.BlockDir p : expected) {
      Interop.BlockDir match = actual.stream()
          .filter(v -> v.minTime() == p.minTime() && v.maxTime() == p.maxTime()).findFirst().orElse(null);
      if (match == null) {
        problems.add("promtool block " + p.range() + " has no Vigil block with the same range");
      } else {
        actual.remove(match);
        pairs.add(new Pair(p, match));
      }
    }
    for (Interop.BlockDir v : actual) {
      problems.add("Vigil block " + v.range() + " has no promtool block with the same range");
    }
    assertThat(expected).as("%s: promtool wrote no blocks", SEEDS).isNotEmpty();
    return pairs;
  }

  private static List<String> segments(Path blockDir) throws IOException {
    try (Stream<Path> files = Files.list(blockDir.resolve("chunks"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
