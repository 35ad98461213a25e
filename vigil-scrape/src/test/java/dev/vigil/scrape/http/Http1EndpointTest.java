package dev.vigil.scrape.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class Http1EndpointTest {

  private static Http1Transport.Endpoint of(String url) throws GoIoException {
    return Http1Transport.Endpoint.of(URI.create(url));
  }

  @Test
  void hostPortPathAndQueryOfAnOrdinaryUrl() throws Exception {
    assertThat(of("http://10.0.0.1:9100/metrics?module=a&x=1"))
        .isEqualTo(new Http1Transport.Endpoint("10.0.0.1", 9100, "10.0.0.1:9100", "/metrics?module=a&x=1"));
  }

  @Test
  void namesWithUnderscoresAreHostsAsInGo() throws Exception {
    assertThat(of("http://node_exporter:9100/metrics").host()).isEqualTo("node_exporter");
  }

  @Test
  void bracketedIpv6HostsLoseTheirBracketsForDialingOnly() throws Exception {
    Http1Transport.Endpoint e = of("http://[::1]:9100/metrics");
    assertThat(e.host()).isEqualTo("::1");
    assertThat(e.hostHeader()).isEqualTo("[::1]:9100");
  }

  @Test
  void userInfoIsNotPartOfTheHostAndPortDefaultsTo80() throws Exception {
    Http1Transport.Endpoint e = of("http://user:pw@example.com");
    assertThat(e).isEqualTo(new Http1Transport.Endpoint("example.com", 80, "example.com", "/"));
  }

  @Test
  void anEmptyQueryIsKeptAsGoKeepsAForcedQuery() throws Exception {
    assertThat(of("http://h:1/m?").requestTarget()).isEqualTo("/m?");
  }

  @Test
  void nonAsciiPathsArePercentEncodedAsUtf8() throws Exception {
    assertThat(of("http://h:1/m\u00e4").requestTarget()).isEqualTo("/m%C3%A4");
  }

  @Test
  void anInvalidPortFailsAsADialError() {
    assertThatThrownBy(() -> of("http://h:99999/metrics")).hasMessage("dial tcp: address h:99999: invalid port");
  }
}
