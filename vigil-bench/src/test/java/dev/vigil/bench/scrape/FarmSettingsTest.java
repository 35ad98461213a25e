package dev.vigil.bench.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The farm's options: defaults, durations, the split of series over targets, and clear refusals. */
class FarmSettingsTest {
  @Test
  void defaults_areTheIssueFourBenchmark() {
    FarmSettings s = FarmSettings.parse(new String[] {"--sd-file", "t.json"});

    assertThat(s.targets()).isEqualTo(100);
    assertThat(s.series()).isEqualTo(200_000);
    assertThat(s.intervalMillis()).isEqualTo(15_000);
    assertThat(s.churnPeriod()).isZero();
    assertThat(s.gzip()).isTrue();
  }

  @Test
  void intervals_andChurn_parse() {
    assertThat(parse("--interval", "500ms").intervalMillis()).isEqualTo(500);
    assertThat(parse("--interval", "2m").intervalMillis()).isEqualTo(120_000);
    assertThat(parse("--churn", "0.01").churnPeriod()).isEqualTo(100);
    assertThat(parse("--churn", "1").churnPeriod()).isEqualTo(1);
  }

  @Test
  void series_splitEvenly_firstTargetsTakeTheRest() {
    FarmSettings s = FarmSettings.parse(new String[] {"--sd-file", "t", "--targets", "3", "--series", "11"});

    assertThat(new int[] {s.seriesOf(0), s.seriesOf(1), s.seriesOf(2)}).containsExactly(4, 4, 3);
  }

  @Test
  void badOptions_areRefusedWithTheReason() {
    assertThatThrownBy(() -> FarmSettings.parse(new String[] {"--targets", "2"})).hasMessageContaining("--sd-file");
    assertThatThrownBy(() -> parse("--interval", "15")).hasMessageContaining("bad --interval 15");
    assertThatThrownBy(() -> parse("--gzip", "yes")).hasMessageContaining("on or off");
    assertThatThrownBy(() -> parse("--churn", "2")).hasMessageContaining("churn");
    assertThatThrownBy(() -> parse("--series", "5")).hasMessageContaining("targets <= series");
    assertThatThrownBy(() -> parse("--bogus", "1")).hasMessageContaining("unknown argument --bogus");
  }

  private static FarmSettings parse(String flag, String value) {
    return FarmSettings.parse(new String[] {"--sd-file", "t.json", flag, value});
  }
}
