package dev.vigil.web;

import static dev.vigil.web.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /series, /labels and /label/<name>/values over two small blocks. */
class SeriesAndLabelsApiTest {
  @RegisterExtension static final ApiServerFixture SERVER = new ApiServerFixture();

  private static final String EARLY_END = Long.toString((SmallBlocks.T0 + SmallBlocks.HOUR) / 1000);
  private static final String LATE_START = Long.toString((SmallBlocks.T0 + 3 * SmallBlocks.HOUR) / 1000);

  private static String ok(String data) {
    return "{\"status\":\"success\",\"data\":" + data + "}";
  }

  @Test
  void seriesListsLabelSetsInOrder() {
    Http.Answer a = SERVER.http().get("/api/v1/series?match[]=up");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.contentType()).isEqualTo("application/json");
    assertThat(a.body()).isEqualTo(ok("[{\"__name__\":\"up\",\"instance\":\"a:9100\",\"job\":\"api\"},"
        + "{\"__name__\":\"up\",\"instance\":\"b:9100\",\"job\":\"node\"}]"));
  }

  @Test
  void seriesMergesSeveralSelectorsWithoutDuplicates() {
    String body = SERVER.http().get("/api/v1/series?match[]=" + enc("up{job=\"api\"}") + "&match[]=" + enc("{job=\"api\"}"))
        .body();
    assertThat(body).isEqualTo(ok("[{\"__name__\":\"http_requests_total\",\"code\":\"200\",\"job\":\"api\"},"
        + "{\"__name__\":\"up\",\"instance\":\"a:9100\",\"job\":\"api\"}]"));
  }

  @Test
  void seriesHonoursTheTimeRange() {
    assertThat(SERVER.http().get("/api/v1/series?match[]=early_only&start=" + LATE_START).body()).isEqualTo(ok("[]"));
    assertThat(SERVER.http().get("/api/v1/series?match[]=early_only&end=" + EARLY_END).body())
        .isEqualTo(ok("[{\"__name__\":\"early_only\",\"job\":\"batch\"}]"));
  }

  @Test
  void seriesEscapesLabelValuesAsPrometheusDoes() {
    assertThat(SERVER.http().get("/api/v1/series?match[]=odd_text").body())
        .isEqualTo(ok("[{\"__name__\":\"odd_text\",\"path\":\"/a?b=\\u003cc\\u003e\\u0026d\","
            + "\"quote\":\"say \\\"hi\\\"\\n\"}]"));
  }

  @Test
  void seriesAcceptsAPostedForm() {
    Http.Answer a = SERVER.http().post("/api/v1/series", "match[]=" + enc("up{job=\"node\"}"));
    assertThat(a.body()).isEqualTo(ok("[{\"__name__\":\"up\",\"instance\":\"b:9100\",\"job\":\"node\"}]"));
  }

  @Test
  void labelNamesAreSortedAndCanBeNarrowed() {
    assertThat(SERVER.http().get("/api/v1/labels").body())
        .isEqualTo(ok("[\"__name__\",\"code\",\"instance\",\"job\",\"path\",\"quote\"]"));
    assertThat(SERVER.http().get("/api/v1/labels?match[]=up").body())
        .isEqualTo(ok("[\"__name__\",\"instance\",\"job\"]"));
    assertThat(SERVER.http().post("/api/v1/labels", "match[]=early_only").body())
        .isEqualTo(ok("[\"__name__\",\"job\"]"));
  }

  @Test
  void labelValuesAreSortedAndCanBeNarrowed() {
    assertThat(SERVER.http().get("/api/v1/label/job/values").body()).isEqualTo(ok("[\"api\",\"batch\",\"node\"]"));
    assertThat(SERVER.http().get("/api/v1/label/job/values?match[]=up").body()).isEqualTo(ok("[\"api\",\"node\"]"));
    assertThat(SERVER.http().get("/api/v1/label/job/values?start=" + LATE_START).body())
        .isEqualTo(ok("[\"api\",\"node\"]"));
    assertThat(SERVER.http().get("/api/v1/label/nothing/values").body()).isEqualTo(ok("[]"));
  }

  @Test
  void metadataIsAlwaysEmptyForBlocks() {
    assertThat(SERVER.http().get("/api/v1/metadata").body()).isEqualTo(ok("{}"));
  }
}
