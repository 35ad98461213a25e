package dev.vigil.web;

import static dev.vigil.web.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /query and /query_range: parameters in, Prometheus's JSON out. */
class QueryApiTest {
  @RegisterExtension static final ApiServerFixture SERVER = new ApiServerFixture();

  private static final long T0_SECONDS = SmallBlocks.T0 / 1000;

  @Test
  void instantScalar() {
    assertThat(SERVER.http().get("/api/v1/query?query=" + enc("1+1") + "&time=1.5").body())
        .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1.5,\"2\"]}}");
  }

  @Test
  void instantVectorAtAnRfc3339Time() {
    assertThat(SERVER.http().get("/api/v1/query?query=" + enc("up{job=\"api\"}") + "&time=2023-01-01T00:05:00.25Z").body())
        .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
            + "{\"metric\":{\"__name__\":\"up\",\"instance\":\"a:9100\",\"job\":\"api\"},\"value\":[" + (T0_SECONDS + 300)
            + ".250,\"1\"]}]}}");
  }

  @Test
  void instantStringIsEscaped() {
    assertThat(SERVER.http().get("/api/v1/query?query=" + enc("\"a<b\"") + "&time=2").body())
        .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[2,\"a\\u003cb\"]}}");
  }

  @Test
  void rangeQueryFromAPostedForm() {
    String form = "query=" + enc("up{job=\"node\"}") + "&start=" + T0_SECONDS + "&end=" + (T0_SECONDS + 30) + "&step=15s";
    assertThat(SERVER.http().post("/api/v1/query_range", form).body())
        .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
            + "{\"metric\":{\"__name__\":\"up\",\"instance\":\"b:9100\",\"job\":\"node\"},\"values\":["
            + "[" + T0_SECONDS + ",\"0\"],[" + (T0_SECONDS + 15) + ",\"1\"],[" + (T0_SECONDS + 30) + ",\"0\"]]}]}}");
  }

  @Test
  void aBodyValueWinsOverTheSameParameterInTheUrl() {
    Http.Answer a = SERVER.http().post("/api/v1/query?query=" + enc("2") + "&time=1", "query=" + enc("3"));
    assertThat(a.body()).isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"3\"]}}");
  }
}
