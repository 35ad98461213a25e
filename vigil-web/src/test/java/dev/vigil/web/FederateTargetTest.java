package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.StaleMarker;
import dev.vigil.core.storage.Appender;
import dev.vigil.tsdb.Head;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FederateTargetTest {
  private final long now = System.currentTimeMillis();
  private VigilServer server;
  private Http http;

  @BeforeEach
  void serveAHead() throws Exception {
    Head head = new Head(7_200_000L);
    Appender app = head.appender();
    app.append(0, Labels.of("__name__", "up", "instance", "a:1", "job", "api"), now - 30_000, 1);
    app.append(0, Labels.of("__name__", "up", "instance", "a:1", "job", "api"), now - 15_000, 0);
    app.append(0, Labels.of("__name__", "temp", "room", "say \"hi\"\n"), now - 1_000, 1e6);
    app.append(0, Labels.of("__name__", "old", "job", "api"), now - 600_000, 1);
    app.append(0, Labels.of("__name__", "gone", "job", "api"), now - 20_000, 1);
    app.append(0, Labels.of("__name__", "gone", "job", "api"), now - 10_000, StaleMarker.STALE_NAN);
    app.commit();
    server = VigilServer.serve(ServerOptions.loopback(Path.of("unused")), head, head);
    http = new Http(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void writesEachSelectedSeriesNewestSampleWithinTheLookbackAndNothingStale() {
    Http.Answer answer = http.get("/federate?match[]=" + Http.enc("{__name__=~\"up|temp|old|gone\"}"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).isEqualTo(FederateTarget.CONTENT_TYPE);
    assertThat(answer.body()).isEqualTo("# TYPE temp untyped\n"
        + "temp{room=\"say \\\"hi\\\"\\n\",instance=\"\"} 1e+06 " + (now - 1_000) + "\n"
        + "# TYPE up untyped\n"
        + "up{instance=\"a:1\",job=\"api\"} 0 " + (now - 15_000) + "\n");
  }

  @Test
  void answersNothingWithoutMatchers() {
    assertThat(http.get("/federate").body()).isEmpty();
  }

  @Test
  void refusesABadSelectorWithTheParserMessage() {
    Http.Answer answer = http.get("/federate?match[]=" + Http.enc("up{"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).startsWith("1:4: parse error:");
  }

  @Test
  void valuesAreWrittenAsExpfmtWritesThemNegativeZeroAsZero() {
    assertThat(FederateTarget.value(-0.0)).isEqualTo("0");
    assertThat(FederateTarget.value(0.0)).isEqualTo("0");
    assertThat(FederateTarget.value(-4.25)).isEqualTo("-4.25");
    assertThat(FederateTarget.value(1e21)).isEqualTo("1e+21");
    assertThat(FederateTarget.value(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(FederateTarget.value(Double.NaN)).isEqualTo("NaN");
  }
}
