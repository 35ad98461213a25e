package dev.vigil.bench.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The farm serves every target on its own port, gzipped only when asked and allowed, and lists them for file_sd. */
class TargetFarmTest {
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void targets_serveTheirShare_plainAndGzipped(@TempDir Path dir) throws Exception {
    FarmSettings settings = FarmSettings.parse(new String[] {"--targets", "3", "--series", "301", "--interval", "1m",
        "--sd-file", dir.resolve("targets.json").toString()});
    try (TargetFarm farm = TargetFarm.start(settings)) {
      assertThat(farm.ports()).hasSize(3).doesNotHaveDuplicates();
      int total = 0;
      for (int port : farm.ports()) {
        HttpResponse<byte[]> plain = get(port, "/metrics", false);
        HttpResponse<byte[]> gzipped = get(port, "/metrics", true);
        assertThat(plain.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        total += TargetExpositionTest.parse(plain.body()).size();
      }
      assertThat(total).isEqualTo(301);
      assertThat(get(farm.ports().get(0), "/other", false).statusCode()).isEqualTo(404);

      farm.writeFileSd(settings.sdFile());
      assertThat(Files.readString(settings.sdFile())).isEqualTo("[{\"targets\": [\"127.0.0.1:" + farm.ports().get(0)
          + "\", \"127.0.0.1:" + farm.ports().get(1) + "\", \"127.0.0.1:" + farm.ports().get(2) + "\"]}]\n");
    }
  }

  @Test
  void gzipOff_servesPlainTextToo_whenAsked(@TempDir Path dir) throws Exception {
    FarmSettings settings = FarmSettings.parse(new String[] {"--targets", "1", "--series", "10", "--gzip", "off",
        "--sd-file", dir.resolve("t.json").toString()});
    try (TargetFarm farm = TargetFarm.start(settings)) {
      HttpResponse<byte[]> response = get(farm.ports().get(0), "/metrics", true);
      assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(TargetExpositionTest.parse(response.body())).hasSize(10);
    }
  }

  private HttpResponse<byte[]> get(int port, String path, boolean acceptGzip) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (acceptGzip) {
      request.header("Accept-Encoding", "gzip");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }
}
