package dev.vigil.scrape.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvConfTest {
  @Test
  void readsWhatMiekgReads() {
    ResolvConf conf = ResolvConf.parse(String.join("\n",
        "# generated",
        "; also a comment",
        "nameserver 10.0.0.2",
        "nameserver   ::1   # trailing words are ignored",
        "nameserver",
        "domain corp.example",
        "search a.example b.example",
        "options ndots:3 timeout:0 attempts:4 rotate edns0",
        "sortlist 10.0.0.0/8"));
    assertThat(conf).isEqualTo(new ResolvConf(List.of("10.0.0.2", "::1"), List.of("a.example", "b.example"), 53, 3, 1, 4));
  }

  @Test
  void theLastOfDomainAndSearchWinsAndDefaultsHold() {
    assertThat(ResolvConf.parse("search a b\ndomain c\n").search()).containsExactly("c");
    assertThat(ResolvConf.parse("domain c\nsearch\n").search()).isEmpty();
    ResolvConf empty = ResolvConf.parse("");
    assertThat(empty).isEqualTo(new ResolvConf(List.of(), List.of(), 53, 1, 5, 2));
    assertThat(ResolvConf.parse("options ndots:99").ndots()).isEqualTo(15);
    assertThat(ResolvConf.parse("options ndots:-1").ndots()).isZero();
    assertThat(ResolvConf.parse("options ndots:x").ndots()).isZero();
  }

  @Test
  void nameListsFollowNdotsCountingLabels() {
    List<String> search = List.of("a.example", "b.example.");
    assertThat(ResolvConf.nameList("web", search, 1)).containsExactly("web.a.example.", "web.b.example.", "web.");
    // miekg counts labels, not dots: "x.y" has 2 labels, more than ndots 1.
    assertThat(ResolvConf.nameList("x.y", search, 1)).containsExactly("x.y.", "x.y.a.example.", "x.y.b.example.");
    assertThat(ResolvConf.nameList("x.y", search, 2)).containsExactly("x.y.a.example.", "x.y.b.example.", "x.y.");
    assertThat(ResolvConf.nameList("fq.dn.", search, 5)).containsExactly("fq.dn.");
    assertThat(ResolvConf.nameList("esc\\.", List.of(), 1)).containsExactly("esc\\..");
  }

  @Test
  void labelsAndFqdnsAreCountedAsMiekgCountsThem() {
    assertThat(ResolvConf.countLabels(".")).isZero();
    assertThat(ResolvConf.countLabels("a")).isEqualTo(1);
    assertThat(ResolvConf.countLabels("a.b.")).isEqualTo(2);
    assertThat(ResolvConf.countLabels("a\\.b")).isEqualTo(1);
    assertThat(ResolvConf.isFqdn("a.")).isTrue();
    assertThat(ResolvConf.isFqdn("a\\.")).isFalse();
    assertThat(ResolvConf.isFqdn("a\\\\.")).isTrue();
  }
}
