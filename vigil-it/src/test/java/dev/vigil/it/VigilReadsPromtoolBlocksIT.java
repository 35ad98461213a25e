package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.core.storage.ValueType;
import dev.vigil.testkit.OpenMetricsGenerator;
import dev.vigil.testkit.peer.Promtool;
import dev.vigil.tsdb.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** promtool 2.42 writes blocks; Vigil reads and dumps exactly what promtool does, filtered or not. */
class VigilReadsPromtoolBlocksIT {
  @RegisterExtension static final Seeds SEEDS = Seeds.forClass(VigilReadsPromtoolBlocksIT.class);

  @TempDir static Path dir;

  private static Promtool promtool;
  private static OpenMetricsGenerator.Result generated;
  private static Path blocks;

  @BeforeAll
  static void createBlocksWithPromtool() {
    promtool = ItPeers.promtool();
    Path input = dir.resolve("input.om");
    generated = Interop.generate(SEEDS.seed(), input);
    blocks = dir.resolve("promtool");
    Interop.createBlocksWithPromtool(promtool, SEEDS.seed(), input, blocks);
  }

  @Test
  void vigilDumpEqualsPromtoolDump() {
    assertSameDump("full", new String[0]);
  }

  /** Vigil's Block reader sees the metadata promtool lists and the samples and series it counts. */
  @Test
  void vigilBlockReaderAgreesWithPromtoolList() throws Exception {
    Promtool.Result list = promtool.run(Interop.TIMEOUT, "tsdb", "list", blocks.toString());
    assertThat(list.ok()).as(list.describe()).isTrue();
    List<String> expected = new ArrayList<>();
    for (BlockListing.Row r : BlockListing.parse(list.stdout())) {
      expected.add(r.ulid() + " [" + r.minTime() + ", " + r.maxTime() + ") samples=" + r.numSamples()
          + " chunks=" + r.numChunks() + " series=" + r.numSeries() + " size=" + r.size());
    }
    List<String> fromMeta = new ArrayList<>();
    List<String> counted = new ArrayList<>();
    for (Interop.BlockDir b : Interop.blocks(blocks)) {
      try (Block block = Block.open(b.dir())) {
        var m = block.meta();
        fromMeta.add(m.ulid() + " [" + m.minTime() + ", " + m.maxTime() + ") samples=" + m.stats().numSamples()
            + " chunks=" + m.stats().numChunks() + " series=" + m.stats().numSeries() + " size=" + block.sizeBytes());
        long series = 0;
        long samples = 0;
        try (Querier q = block.querier(m.minTime(), m.maxTime())) {
          SeriesSet set = q.select(QueryContext.BACKGROUND, true, null, Matcher.regex("__name__", ".+"));
          SampleIterator it = null;
          while (set.next()) {
            series++;
            it = set.at().iterator(it);
            while (it.next() == ValueType.FLOAT) {
              samples++;
            }
          }
        }
        counted.add(m.ulid() + " samples=" + samples + " series=" + series);
      }
    }
    assertThat(fromMeta).as("%s: Vigil's Block.meta() vs promtool tsdb list", SEEDS).isEqualTo(expected);
    List<String> listedCounts = BlockListing.parse(list.stdout()).stream()
        .map(r -> r.ulid() + " samples=" + r.numSamples() + " series=" + r.numSeries()).toList();
    assertThat(counted).as("%s: samples and series read through Vigil's querier", SEEDS).isEqualTo(listedCounts);
  }

  static Stream<Arguments> filters() {
    List<Interop.BlockDir> bs = Interop.blocks(blocks);
    long min = bs.get(0).minTime();
    long max = bs.get(bs.size() - 1).maxTime() - 1;
    long mid = min + (max - min) / 2;
    long boundary = bs.get(1).minTime();
    String gauge = generated.families().get(0).name();
    String histogram = generated.families().stream().filter(f -> f.type().equals("histogram"))
        .map(OpenMetricsGenerator.Family::name).findFirst().orElseThrow();
    return Stream.of(
        Arguments.of("one metric name", new String[] {"--match={__name__=\"" + gauge + "\"}"}),
        Arguments.of("escaped newline in a label value", new String[] {"--match={path=\"line\\nbreak\"}"}),
        Arguments.of("UTF-8 label value", new String[] {"--match={zone=\"日本-東京\"}"}),
        Arguments.of("regex name and +Inf bucket",
            new String[] {"--match={__name__=~\"" + histogram + "_bucket|vigil_gen_.*_bucket\",le=\"+Inf\"}"}),
        Arguments.of("negative regex and regex",
            new String[] {"--match={__name__!~\".*_(sum|count)\",instance=~\"host-[0-2][.].*\"}"}),
        Arguments.of("not-equal with a time window", new String[] {
            "--match={instance!=\"host-0.example:9100\"}", "--min-time=" + mid, "--max-time=" + (mid + 600_000)}),
        Arguments.of("min-time only", new String[] {"--min-time=" + mid}),
        Arguments.of("max-time only", new String[] {"--max-time=" + mid}),
        Arguments.of("window across a block boundary",
            new String[] {"--min-time=" + (boundary - 90_000), "--max-time=" + (boundary + 90_000)}),
        Arguments.of("one millisecond: the first sample", new String[] {"--min-time=" + min, "--max-time=" + min}),
        Arguments.of("one millisecond: the last sample", new String[] {"--min-time=" + max, "--max-time=" + max}),
        Arguments.of("before all data", new String[] {"--max-time=" + (min - 1)}),
        Arguments.of("after all data", new String[] {"--min-time=" + (max + 1)}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void filteredVigilDumpEqualsFilteredPromtoolDump(String name, String[] flags) {
    assertSameDump(name.replaceAll("[^A-Za-z0-9]+", "-"), flags);
  }

  private static void assertSameDump(String name, String[] flags) {
    Path expected = dir.resolve("dump-" + name + "-promtool.txt");
    Path actual = dir.resolve("dump-" + name + "-vigil.txt");
    Promtool.Result p = promtool.dump(Interop.TIMEOUT, blocks, expected, flags);
    assertThat(p.ok()).as(p.describe()).isTrue();
    List<String> args = new ArrayList<>(List.of("tools", "tsdb", "dump"));
    args.addAll(List.of(flags));
    args.add(blocks.toString());
    VigilCli.Result v = VigilCli.runToFile(actual, args.toArray(String[]::new));
    assertThat(v.ok()).as("%s: %s", SEEDS, v.describe()).isTrue();
    assertThat(TextDiff.firstDifference(expected, "promtool", actual, "vigil"))
        .as("%s: dump %s of promtool's blocks", SEEDS, String.join(" ", flags)).isNull();
  }
}
