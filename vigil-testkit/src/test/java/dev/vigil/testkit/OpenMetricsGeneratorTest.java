package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.peer.PeerMissingException;
import dev.vigil.testkit.peer.Peers;
import dev.vigil.testkit.peer.Promtool;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenMetricsGeneratorTest {
  private static final long SEED = Long.getLong("vigil.seed", 20240601L);

  private static OpenMetricsGenerator generator(long seed) {
    return OpenMetricsGenerator.builder().seed(seed).series(150).duration(Duration.ofHours(5)).build();
  }

  private static String text(OpenMetricsGenerator g) throws IOException {
    StringWriter w = new StringWriter();
    g.writeTo(w);
    return w.toString();
  }

  @Test
  void sameSeed_sameBytes() throws IOException {
    assertThat(text(generator(SEED))).isEqualTo(text(generator(SEED)));
  }

  @Test
  void differentSeed_differentBytes() throws IOException {
    assertThat(text(generator(SEED))).isNotEqualTo(text(generator(SEED + 1)));
  }

  @Test
  void everySeries_strictlyIncreasingTimestamps_andResultMatchesFile() throws IOException {
    StringWriter w = new StringWriter();
    OpenMetricsGenerator.Result result = generator(SEED).writeTo(w);
    String[] lines = w.toString().split("\n", -1);
    assertThat(lines[lines.length - 2]).as("seed %d", SEED).isEqualTo("# EOF");
    assertThat(lines[lines.length - 1]).isEmpty();

    Map<String, Long> last = new HashMap<>();
    Set<String> typed = new HashSet<>();
    long samples = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < lines.length - 2; i++) {
      String line = lines[i];
      if (line.startsWith("# TYPE ")) {
        assertThat(typed.add(line.split(" ")[2])).as("family typed twice: %s", line).isTrue();
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      String[] parts = splitSample(line);
      String series = parts[0];
      long t = (long) (Double.parseDouble(parts[2]) * 1000.0);
      Long previous = last.put(series, t);
      assertThat(previous == null || previous < t)
          .as("seed %d line %d: %s goes back from %s", SEED, i + 1, line, previous).isTrue();
      assertThat(typed.stream().anyMatch(series::startsWith)).as("untyped sample %s", line).isTrue();
      samples++;
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    assertThat(result.samples()).isEqualTo(samples);
    assertThat(result.series()).isEqualTo(last.size());
    assertThat(result.series()).isGreaterThanOrEqualTo(150);
    assertThat(result.minTimeMs()).isEqualTo(min);
    assertThat(result.maxTimeMs()).isEqualTo(max);
    assertThat(result.families()).hasSize(typed.size());
  }

  @Test
  void writesEveryKindOfEdgeCase() throws IOException {
    String text = text(OpenMetricsGenerator.builder().seed(SEED).series(1000).duration(Duration.ofHours(2)).build());
    assertThat(text).contains(" NaN ", " +Inf ", " -Inf ", "le=\"+Inf\"", "quantile=\"", "_created",
        "# UNIT ", "# {trace_id=", "\\\"", "\\\\", "\\n", "日本", "E300", "_total{");
  }

  /** The oracle: promtool 2.42 accepts the file and stores exactly the samples the generator counted. */
  @Test
  void promtoolAcceptsTheFile_andStoresEverySample(@TempDir Path dir) throws IOException {
    try {
      Peers.require(Promtool.NAME, Promtool.isAvailable());
    } catch (PeerMissingException e) {
      Assumptions.abort(e.getMessage());
    }
    Path input = dir.resolve("input.om");
    OpenMetricsGenerator.Result result = generator(SEED).writeTo(input);
    Promtool promtool = Promtool.get();
    Promtool.Result created = promtool.run(Duration.ofSeconds(120), "tsdb", "create-blocks-from",
        "openmetrics", input.toString(), dir.resolve("blocks").toString());
    assertThat(created.ok()).as("seed %d: %s", SEED, created.describe()).isTrue();

    Promtool.Result list = promtool.run(Duration.ofSeconds(60), "tsdb", "list", dir.resolve("blocks").toString());
    assertThat(list.ok()).as(list.describe()).isTrue();
    List<String> rows = list.stdout().lines().skip(1).toList();
    assertThat(rows).as("5h from a non-aligned start spans 3 or 4 windows").hasSizeBetween(3, 4);
    long samples = rows.stream().mapToLong(r -> Long.parseLong(r.trim().split("\\s+")[4])).sum();
    long minTime = rows.stream().mapToLong(r -> Long.parseLong(r.trim().split("\\s+")[1])).min().orElseThrow();
    long maxTime = rows.stream().mapToLong(r -> Long.parseLong(r.trim().split("\\s+")[2])).max().orElseThrow();
    assertThat(samples).as("seed %d", SEED).isEqualTo(result.samples());
    assertThat(minTime).isEqualTo(result.minTimeMs());
    assertThat(maxTime).isEqualTo(result.maxTimeMs() + 1);

    Path dump = dir.resolve("dump.txt");
    Promtool.Result dumped = promtool.dump(Duration.ofSeconds(120), dir.resolve("blocks"), dump);
    assertThat(dumped.ok()).as(dumped.describe()).isTrue();
    Set<String> series = new HashSet<>();
    long lines = 0;
    for (String line : Files.readAllLines(dump, StandardCharsets.UTF_8)) {
      series.add(line.substring(0, line.lastIndexOf(' ', line.lastIndexOf(' ') - 1)));
      lines++;
    }
    assertThat(lines).isEqualTo(result.samples());
    assertThat((long) series.size()).isEqualTo(result.series());
  }

  /** Splits a sample line into series text, value and timestamp (label values may hold spaces). */
  static String[] splitSample(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    if (line.charAt(i) == '{') {
      boolean quoted = false;
      for (i++; ; i++) {
        char c = line.charAt(i);
        if (quoted && c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && c == '}') {
          i++;
          break;
        }
      }
    }
    String series = line.substring(0, i);
    String[] rest = line.substring(i + 1).split(" ");
    return new String[] {series, rest[0], rest[1]};
  }
}
