package dev.vigil.scrape.textparse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import dev.vigil.core.model.GoFloat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exposition text written from random series reads back as the same series, values and timestamps. */
class PrometheusTextRoundTripTest {
  /** Override with -Dtests.seed=N to replay or vary; a failure names the seed and the exposition. */
  private static final long SEED = Long.getLong("tests.seed", System.nanoTime());

  private static final String LABEL_CHARS = "abcXYZ_09 \\\"\n{}=,#\tµ€😀";
  private static final double[] SPECIAL_VALUES = {
    Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE
  };

  record Sample(Labels labels, double value, Long timestampMillis) {}

  @Test
  void randomSeriesReadBackAsWritten() throws Exception {
    System.out.println("PrometheusTextRoundTripTest seed " + SEED + " (replay with -Dtests.seed=" + SEED + ")");
    Random random = new Random(SEED);
    for (int round = 0; round < 300; round++) {
      List<Sample> samples = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 1 + random.nextInt(20); i++) {
        Sample sample = randomSample(random);
        samples.add(sample);
        write(sample, random, text);
      }
      List<Sample> read = readAll(text.toString());
      assertThat(read).as("seed %d, round %d, exposition:%n%s", SEED, round, text).hasSize(samples.size());
      for (int i = 0; i < samples.size(); i++) {
        Sample want = samples.get(i);
        Sample got = read.get(i);
        assertThat(got.labels()).as("seed %d, round %d, sample %d", SEED, round, i).isEqualTo(want.labels());
        assertThat(Double.doubleToLongBits(got.value())).as("seed %d, value of %s", SEED, want)
            .isEqualTo(Double.doubleToLongBits(want.value()));
        assertThat(got.timestampMillis()).as("seed %d, timestamp of %s", SEED, want).isEqualTo(want.timestampMillis());
      }
    }
  }

  private static Sample randomSample(Random random) {
    LabelsBuilder builder = Labels.builder();
    builder.add(Labels.METRIC_NAME, randomName(random, true) + (random.nextBoolean() ? "_bucket" : ""));
    for (int i = 0; i < random.nextInt(5); i++) {
      builder.add("l" + i + randomName(random, false), randomValue(random));
    }
    double value = random.nextInt(4) == 0
        ? SPECIAL_VALUES[random.nextInt(SPECIAL_VALUES.length)]
        : random.nextBoolean() ? random.nextInt(1000) : Double.longBitsToDouble(random.nextLong());
    if (Double.isNaN(value)) {
      value = Double.longBitsToDouble(GoFloat.NORMAL_NAN_BITS);
    }
    Long timestamp = random.nextBoolean() ? null : random.nextLong() & Long.MAX_VALUE;
    return new Sample(builder.build(), value, timestamp);
  }

  private static String randomName(Random random, boolean metric) {
    String alphabet = metric ? "abcxyzABC_:0123" : "abcxyzABC_0123";
    StringBuilder sb = new StringBuilder(metric ? "m" : "");
    for (int i = 0; i < random.nextInt(8); i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static String randomValue(Random random) {
    StringBuilder sb = new StringBuilder();
    int[] codePoints = LABEL_CHARS.codePoints().toArray();
    for (int i = 0; i < random.nextInt(10); i++) {
      sb.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
    }
    return sb.toString();
  }

  /** Writes one sample line with the writer's freedoms: blanks, trailing comma, comment lines. */
  private static void write(Sample sample, Random random, StringBuilder out) {
    if (random.nextInt(4) == 0) {
      out.append("# TYPE ").append(sample.labels().get(Labels.METRIC_NAME)).append(" histogram\n");
    }
    if (random.nextInt(5) == 0) {
      out.append("# a comment\n\n");
    }
    out.append(sample.labels().get(Labels.METRIC_NAME));
    String separator = random.nextBoolean() ? "," : ", ";
    boolean braces = sample.labels().size() > 1 || random.nextInt(4) == 0;
    if (braces) {
      out.append('{');
      boolean first = true;
      Labels labels = sample.labels();
      for (int i = 0; i < labels.size(); i++) {
        if (labels.name(i).equals(Labels.METRIC_NAME)) {
          continue;
        }
        out.append(first ? "" : separator).append(labels.name(i)).append("=\"").append(escape(labels.value(i))).append('"');
        first = false;
      }
      out.append(random.nextBoolean() && !first ? ",}" : "}");
    }
    out.append(random.nextBoolean() ? " " : "\t").append(GoFloat.formatShortest(sample.value()));
    if (sample.timestampMillis() != null) {
      out.append(' ').append(sample.timestampMillis());
    }
    out.append('\n');
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static List<Sample> readAll(String text) throws TextParseException {
    PrometheusTextParser parser = new PrometheusTextParser(text.getBytes(StandardCharsets.UTF_8));
    List<Sample> out = new ArrayList<>();
    for (Entry e = parser.next(); e != Entry.EOF; e = parser.next()) {
      if (e == Entry.SERIES) {
        out.add(new Sample(parser.labels(), parser.value(), parser.hasTimestamp() ? parser.timestampMillis() : null));
      }
    }
    return out;
  }
}
