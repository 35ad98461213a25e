package dev.vigil.web;

import static dev.vigil.web.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad requests get Prometheus's error envelope, texts and status codes, and hurt nothing else. */
class ApiErrorsTest {
  @RegisterExtension static final ApiServerFixture SERVER = new ApiServerFixture();

  private static String badData(String message) {
    return "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"" + message.replace("\"", "\\\"") + "\"}";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/api/v1/series | no match[] parameter provided",
      "/api/v1/series?match[]=%7Bfoo%3D%22%22%7D | invalid parameter \"match[]\": match[] must contain at least one non-empty matcher",
      "/api/v1/series?match[]=up%7B | invalid parameter \"match[]\": 1:4: parse error: unexpected end of input inside braces",
      "/api/v1/series?match[]=up&start=x | invalid parameter \"start\": Invalid time value for 'start': cannot parse \"x\" to a valid timestamp",
      "/api/v1/labels?match[]=up%7B | 1:4: parse error: unexpected end of input inside braces",
      "/api/v1/label/1x/values | invalid label name: \"1x\"",
      "/api/v1/metadata?limit=x | limit must be a number",
      "/api/v1/query?query=up&time=abc | invalid parameter \"time\": Invalid time value for 'time': cannot parse \"abc\" to a valid timestamp",
      "/api/v1/query?query=up&timeout=x | invalid parameter \"timeout\": cannot parse \"x\" to a valid duration",
      "/api/v1/query?query=up%2B | invalid parameter \"query\": 1:4: parse error: unexpected end of input",
      "/api/v1/query_range | invalid parameter \"start\": cannot parse \"\" to a valid timestamp",
      "/api/v1/query_range?start=1 | invalid parameter \"end\": cannot parse \"\" to a valid timestamp",
      "/api/v1/query_range?start=2&end=1 | invalid parameter \"end\": end timestamp must not be before start time",
      "/api/v1/query_range?start=1&end=2 | invalid parameter \"step\": cannot parse \"\" to a valid duration",
      "/api/v1/query_range?start=1&end=2&step=0 | invalid parameter \"step\": zero or negative query resolution step widths are not accepted. Try a positive integer",
      "/api/v1/query_range?start=0&end=11001&step=1 | exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)",
      "/api/v1/query_range?query=up%2B&start=1&end=2&step=1 | 1:4: parse error: unexpected end of input",
      "/api/v1/format_query?query=sum( | invalid parameter \"query\": 1:5: parse error: unclosed left parenthesis",
  })
  void badParametersAre400BadData(String path, String message) {
    Http.Answer a = SERVER.http().get(path);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.contentType()).isEqualTo("application/json");
    assertThat(a.body()).isEqualTo(badData(message));
  }

  @Test
  void executionErrorsAre422() {
    Http.Answer a = SERVER.http().get("/api/v1/query?time=100&query=" + enc("label_replace(up, \"a\", \"\", \"b\", \"(\")"));
    assertThat(a.status()).isEqualTo(422);
    assertThat(a.body()).startsWith("{\"status\":\"error\",\"errorType\":\"execution\",\"error\":");
  }

  @Test
  void aBodyOverTheFormLimitIsRefusedCleanly() {
    String huge = "match[]=up&pad=" + "x".repeat(FormBody.MAX_BYTES);
    Http.Answer a = SERVER.http().post("/api/v1/series", huge);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).isEqualTo(badData("error parsing form values: http: POST too large"));
    assertThat(SERVER.http().get("/api/v1/series?match[]=up").status()).isEqualTo(200);
  }

  @Test
  void unknownPathsAre404AndWrongMethods405AsInPrometheus() {
    Http.Answer missing = SERVER.http().get("/api/v1/nothing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("404 page not found\n");
    Http.Answer wrongMethod = SERVER.http().post("/api/v1/label/job/values", "");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.body()).isEqualTo("Method Not Allowed\n");
    assertThat(wrongMethod.raw().headers().firstValue("Allow")).hasValue("GET, OPTIONS");
  }

  @Test
  void optionsIsACorsPreflight() {
    Http.Answer a = SERVER.http().method("OPTIONS", "/api/v1/anything");
    assertThat(a.status()).isEqualTo(204);
  }
}
