package dev.vigil.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParamsTest {
  @Test
  void bodyValuesComeBeforeQueryValues() {
    Params p = Params.decode("query=from_body&match[]=a", "query=from_url&match[]=b");
    assertThat(p.get("query")).isEqualTo("from_body");
    assertThat(p.all("match[]")).containsExactly("a", "b");
  }

  @Test
  void decodesPercentEscapesPlusAndUtf8() {
    Params p = Params.decode(null, "query=sum%28rate%28x%5B5m%5D%29%29+by+%28job%29&l=%C3%A9");
    assertThat(p.get("query")).isEqualTo("sum(rate(x[5m])) by (job)");
    assertThat(p.get("l")).isEqualTo("é");
  }

  @Test
  void absentAndEmptyReadTheSame() {
    Params p = Params.decode(null, "time=&flag");
    assertThat(p.get("time")).isEmpty();
    assertThat(p.get("flag")).isEmpty();
    assertThat(p.get("missing")).isEmpty();
    assertThat(p.all("missing")).isEmpty();
  }

  @Test
  void badPairsAreSkippedAndTheFirstProblemKept() {
    Params p = Params.decode(null, "a=%zz&b=1&c=2;d=3&e=%4");
    assertThat(p.get("b")).isEqualTo("1");
    assertThat(p.all("a")).isEmpty();
    assertThat(p.all("c")).isEmpty();
    assertThat(p.formError()).isEqualTo("invalid URL escape \"%zz\"");
  }

  @Test
  void semicolonsAreRefusedAsGoRefusesThem() {
    assertThat(Params.decode(null, "a=1;b=2").formError()).isEqualTo("invalid semicolon separator in query");
  }
}
