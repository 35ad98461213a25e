package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsdbToolsTest {
  @TempDir
  Path dir;

  private Path input(String text) throws IOException {
    Path f = dir.resolve("in.om");
    Files.writeString(f, text);
    return f;
  }

  /** Valid sample lines of n distinct series, one each, all at the same time. */
  private static String goodSeriesLines(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("y{i=\"").append(i).append("\"} 1 1700000000\n");
    }
    return sb.toString();
  }

  private long entriesIn(Path out) throws IOException {
    if (!Files.exists(out)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(out)) {
      return s.count();
    }
  }

  @Test
  void createBlocks_writesOneBlockPerTwoHourWindow() throws IOException {
    StringBuilder sb = new StringBuilder("# TYPE x gauge\n");
    for (long t = 0; t < 5 * 3600; t += 60) {
      sb.append("x{a=\"b\"} ").append(t % 7).append(' ').append(1_700_000_000 + t).append('\n');
    }
    sb.append("# EOF\n");
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("tools", "tsdb", "create-blocks-from", "openmetrics", input(sb.toString()).toString(),
        out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("BLOCK ULID");
    assertThat(run.out().lines().count()).isEqualTo(1 + 3);
    assertThat(entriesIn(out)).isEqualTo(3);
  }

  @Test
  void createBlocks_malformedLine_namesTheLineAndWritesNothing() throws IOException {
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("tools", "tsdb", "create-blocks-from", "openmetrics",
        input("x 1 1700000000\nx{a=\"b\" 2 1700000015\n# EOF\n").toString(), out.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("line 2");
    assertThat(entriesIn(out)).isZero();
  }

  @Test
  void createBlocks_missingEof_isReported() throws IOException {
    CliRun run = CliRun.of("tools", "tsdb", "create-blocks-from", "openmetrics",
        input("x 1 1700000000\n").toString(), dir.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("# EOF");
  }

  @Test
  void createBlocks_sampleWithoutTimestamp_namesLineAndSeries() throws IOException {
    CliRun run = CliRun.of("tools", "tsdb", "create-blocks-from", "openmetrics",
        input("x 1 1700000000\ny{a=\"1\"} 2\n# EOF\n").toString(), dir.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("line 2").contains("expected timestamp for series {__name__=\"y\", a=\"1\"}");
  }

  @Test
  void createBlocks_outOfOrderSample_namesLine() throws IOException {
    CliRun run = CliRun.of("tools", "tsdb", "create-blocks-from", "openmetrics",
        input("x 1 1700000010\nx 2 1700000000\n# EOF\n").toString(), dir.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("line 2").contains("out of order sample");
  }

  @Test
  void createBlocks_reportsTheEarliestBadLine_whenAParseErrorFollowsARejectedSample() throws IOException {
    String text = "x 1 1700000010\nx 2 1700000000\n" + goodSeriesLines(20_000) + "z{ 1 1700000000\n# EOF\n";
    CliRun run = CliRun.of("tools", "tsdb", "create-blocks-from", "openmetrics", input(text).toString(),
        dir.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("line 2:").contains("out of order sample");
  }

  @Test
  void createBlocks_parseErrorAfterManyGoodLines_namesItsLine() throws IOException {
    String text = goodSeriesLines(20_000) + "z{ 1 1700000000\n# EOF\n";
    CliRun run = CliRun.of("tools", "tsdb", "create-blocks-from", "openmetrics", input(text).toString(),
        dir.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("line 20001");
  }

  @Test
  void createBlocks_missingInput_isReported() {
    CliRun run = CliRun.of("tools", "tsdb", "create-blocks-from", "openmetrics", dir.resolve("nope.om").toString(),
        dir.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("nope.om");
  }

  @Test
  void dump_invalidSelector_isAParseError() throws IOException {
    CliRun run = CliRun.of("tools", "tsdb", "dump", dir.toString(), "--match={a=}");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("parse error");
  }

  @Test
  void dump_printsPromtoolLines() throws IOException {
    Path out = dir.resolve("out");
    CliRun.of("tools", "tsdb", "create-blocks-from", "openmetrics",
        input("x{a=\"q\\\"\"} 1000000 1700000000\nx{a=\"q\\\"\"} 0.5 1700000015.5\n# EOF\n").toString(),
        out.toString());
    CliRun run = CliRun.of("tools", "tsdb", "dump", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("{__name__=\"x\", a=\"q\\\"\"} 1e+06 1700000000000\n"
        + "{__name__=\"x\", a=\"q\\\"\"} 0.5 1700000015500\n");
  }

  @Test
  void list_emptyDirectory_printsOnlyTheHeader() {
    CliRun run = CliRun.of("tools", "tsdb", "list", dir.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(1).first().asString().startsWith("BLOCK ULID");
  }

  @Test
  void analyze_noBlocks_isAnError() {
    CliRun run = CliRun.of("tools", "tsdb", "analyze", dir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no blocks");
  }
}
