package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.OpenMetricsGenerator;
import dev.vigil.testkit.peer.Promtool;
import dev.vigil.tsdb.Block;
import dev.vigil.tsdb.BlockMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Vigil writes blocks; the real promtool 2.42 lists, analyzes and dumps them as Vigil does. */
class PromtoolReadsVigilBlocksIT {
  @RegisterExtension static final Seeds SEEDS = Seeds.forClass(PromtoolReadsVigilBlocksIT.class);

  @TempDir static Path dir;

  private static Promtool promtool;
  private static OpenMetricsGenerator.Result generated;
  private static Path vigil;

  @BeforeAll
  static void createBlocksWithVigil() {
    promtool = ItPeers.promtool();
    Path input = dir.resolve("input.om");
    generated = Interop.generate(SEEDS.seed(), input);
    vigil = dir.resolve("vigil");
    Interop.createBlocksWithVigil(SEEDS.seed(), input, vigil);
  }

  @Test
  void promtoolListShowsEveryBlockWithVigilsMetadata() throws Exception {
    Promtool.Result list = promtool.run(Interop.TIMEOUT, "tsdb", "list", vigil.toString());
    assertThat(list.ok()).as("%s: %s", SEEDS, list.describe()).isTrue();
    List<BlockListing.Row> rows = BlockListing.parse(list.stdout());

    List<String> expected = new ArrayList<>();
    for (Interop.BlockDir b : Interop.blocks(vigil)) {
      try (Block block = Block.open(b.dir())) {
        BlockMeta m = block.meta();
        expected.add(String.valueOf(m.ulid()) + " [" + m.minTime() + ", " + m.maxTime() + ") samples="
            + m.stats().numSamples() + " chunks=" + m.stats().numChunks() + " series=" + m.stats().numSeries()
            + " size=" + block.sizeBytes());
      }
    }
    List<String> listed = rows.stream().map(r -> r.ulid() + " [" + r.minTime() + ", " + r.maxTime() + ") samples="
        + r.numSamples() + " chunks=" + r.numChunks() + " series=" + r.numSeries() + " size=" + r.size()).toList();
    assertThat(listed).as("%s: promtool tsdb list vs Vigil's Block.meta()", SEEDS).isEqualTo(expected);
    assertThat(rows).as("%s: 7h of data must span several 2h blocks", SEEDS).hasSizeGreaterThanOrEqualTo(4);
    assertThat(rows.stream().mapToLong(BlockListing.Row::numSamples).sum())
        .as("%s: every generated sample is in some block", SEEDS).isEqualTo(generated.samples());
  }

  @Test
  void vigilListPrintsTheSameTableAsPromtool() {
    Promtool.Result expected = promtool.run(Interop.TIMEOUT, "tsdb", "list", vigil.toString());
    VigilCli.Result actual = VigilCli.run("tools", "tsdb", "list", vigil.toString());
    assertThat(expected.ok()).as(expected.describe()).isTrue();
    assertThat(actual.ok()).as(actual.describe()).isTrue();
    assertThat(actual.stdout()).as("%s: vigil tools tsdb list vs promtool tsdb list", SEEDS)
        .isEqualTo(expected.stdout());
  }

  @Test
  void promtoolAnalyzeAcceptsEveryBlock() {
    List<String> problems = new ArrayList<>();
    List<Interop.BlockDir> blocks = Interop.blocks(vigil);
    for (Interop.BlockDir b : blocks) {
      Promtool.Result r = promtool.run(Interop.TIMEOUT, "tsdb", "analyze", vigil.toString(), b.ulid());
      if (!r.ok()) {
        problems.add("block " + b.ulid() + " " + b.range() + ": " + r.describe());
      } else if (!r.stdout().contains("Block ID: " + b.ulid() + "\n")
          || !r.stdout().contains("\nSeries: " + b.numSeries() + "\n")) {
        problems.add("block " + b.ulid() + ": analyze does not report its ID and " + b.numSeries()
            + " series:\n" + r.describe());
      }
    }
    assertThat(problems).as("%s: promtool tsdb analyze DIR BLOCK for each of %d blocks", SEEDS, blocks.size())
        .isEmpty();
  }

  /** The deterministic head of {@code analyze} (the rankings below it break ties in map order). */
  @Test
  void vigilAnalyzeSummaryMatchesPromtool() {
    Promtool.Result expected = promtool.run(Interop.TIMEOUT, "tsdb", "analyze", vigil.toString());
    VigilCli.Result actual = VigilCli.run("tools", "tsdb", "analyze", vigil.toString());
    assertThat(expected.ok()).as(expected.describe()).isTrue();
    assertThat(actual.ok()).as(actual.describe()).isTrue();
    assertThat(summary(actual.stdout())).as("%s: analyze summary lines", SEEDS).isEqualTo(summary(expected.stdout()));
  }

  private static List<String> summary(String analyze) {
    return analyze.lines().takeWhile(l -> !l.isBlank()).toList();
  }

  @Test
  void promtoolDumpEqualsVigilDump() {
    Path expected = dir.resolve("promtool-dump.txt");
    Path actual = dir.resolve("vigil-dump.txt");
    Promtool.Result p = promtool.dump(Interop.TIMEOUT, vigil, expected);
    assertThat(p.ok()).as("%s: promtool cannot dump Vigil's blocks: %s", SEEDS, p.describe()).isTrue();
    VigilCli.Result v = VigilCli.runToFile(actual, "tools", "tsdb", "dump", vigil.toString());
    assertThat(v.ok()).as(v.describe()).isTrue();
    assertThat(TextDiff.firstDifference(expected, "promtool", actual, "vigil"))
        .as("%s: promtool tsdb dump vs vigil tools tsdb dump of Vigil's blocks", SEEDS).isNull();
    assertThat(TextDiff.lineCount(expected)).as("%s", SEEDS).isEqualTo(generated.samples());
  }
}
