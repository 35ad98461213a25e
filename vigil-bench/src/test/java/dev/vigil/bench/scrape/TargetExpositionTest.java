package dev.vigil.bench.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import dev.vigil.scrape.textparse.Entry;
import dev.vigil.scrape.textparse.ExpositionFormat;
import dev.vigil.scrape.textparse.ExpositionParser;
import dev.vigil.scrape.textparse.TextParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A farm target's body parses as Prometheus text, holds exactly its series, and changes as promised. */
class TargetExpositionTest {
  @ParameterizedTest(name = "{0} series")
  @ValueSource(ints = {1, 7, 14, 100, 2000, 2001})
  void body_holdsExactlyTheSeries_withUniqueLabelSets(int series) throws TextParseException {
    Map<String, Double> samples = parse(new TargetExposition(NodeLikeLayout.families(series, 3), 0).render(5));

    assertThat(samples).hasSize(series);
  }

  @ParameterizedTest(name = "{0} series")
  @ValueSource(ints = {100, 2000})
  void nextEpoch_keepsLabelSets_raisesEveryCounter(int series) throws TextParseException {
    TargetExposition exposition = new TargetExposition(NodeLikeLayout.families(series, 3), 0);

    Map<String, Double> before = parse(exposition.render(41));
    Map<String, Double> after = parse(exposition.render(42));

    assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
    long changed = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).count();
    assertThat(changed).as("series whose value changed").isGreaterThan(series * 9L / 10);
    before.forEach((k, v) -> {
      if (k.contains("_total") || k.contains("_count") || k.contains("_bucket")) {
        assertThat(after.get(k)).as(k).isGreaterThanOrEqualTo(v);
      }
    });
  }

  @Test
  void histogramBuckets_areCumulative() throws TextParseException {
    Map<String, Double> samples = parse(new TargetExposition(NodeLikeLayout.families(2000, 9), 0).render(7));

    List<Double> buckets = samples.entrySet().stream()
        .filter(e -> e.getKey().contains("http_request_duration_seconds_bucket") && e.getKey().contains("endpoint0\"")
            && e.getKey().contains("\"GET\""))
        .map(Map.Entry::getValue)
        .toList();
    assertThat(buckets).hasSize(12).isSorted();
  }

  @ParameterizedTest(name = "churn period {0}")
  @ValueSource(ints = {10, 100})
  void churn_replacesAboutOneLabelSetInAPeriod_perEpoch(int period) throws TextParseException {
    TargetExposition exposition = new TargetExposition(NodeLikeLayout.families(2000, 3), period);

    Map<String, Double> before = parse(exposition.render(1000));
    Map<String, Double> after = parse(exposition.render(1001));

    long replaced = before.keySet().stream().filter(k -> !after.containsKey(k)).count();
    assertThat(after).hasSize(2000);
    assertThat((double) replaced).isCloseTo(2000.0 / period, withPercentage(50));
  }

  /** Series text to value, in exposition order; fails on a duplicate series. */
  static Map<String, Double> parse(byte[] body) throws TextParseException {
    ExpositionParser parser = ExpositionFormat.PROMETHEUS_TEXT.parser(body);
    Map<String, Double> samples = new LinkedHashMap<>();
    for (Entry e = parser.next(); e != Entry.EOF; e = parser.next()) {
      if (e == Entry.SERIES) {
        assertThat(samples.put(parser.labels().toString(), parser.value())).as("duplicate series").isNull();
      }
    }
    return samples;
  }
}
