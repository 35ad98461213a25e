package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import dev.vigil.scrape.textparse.Entry;
import dev.vigil.scrape.textparse.ExpositionFormat;
import dev.vigil.scrape.textparse.ExpositionParser;
import dev.vigil.testkit.peer.NodeExporter;
import dev.vigil.testkit.peer.PeerMissingException;
import dev.vigil.testkit.peer.Peers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil reads what a real node exporter serves in the 0.0.4 text format line for line: every sample
 * line becomes one series with the labels and value the line spells, read back by a deliberately
 * naive line reader that knows only the subset of the format exporters write. Repeated, since every
 * scrape has other values (and sometimes other series).
 */
class TextFormatAgreesWithPrometheusIT {
  private static final String ACCEPT = "text/plain;version=0.0.4";

  @TempDir static Path dir;

  private static NodeExporter exporter;
  private static HttpClient http;

  @BeforeAll
  static void startNodeExporter() {
    try {
      Peers.require(NodeExporter.NAME, NodeExporter.isAvailable());
    } catch (PeerMissingException e) {
      Assumptions.abort(e.getMessage());
    }
    exporter = NodeExporter.start(dir, Duration.ofSeconds(30));
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stopNodeExporter() {
    if (exporter != null) {
      exporter.close();
    }
  }

  record Sample(Labels labels, double value) {}

  @RepeatedTest(5)
  void everySampleLineOfAScrapeIsReadAsWritten() throws Exception {
    HttpResponse<byte[]> response = http.send(
        HttpRequest.newBuilder(exporter.metricsUrl()).header("Accept", ACCEPT).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    assertThat(ExpositionFormat.forContentType(contentType)).as(contentType).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
    byte[] body = response.body();

    List<Sample> expected = naiveRead(new String(body, StandardCharsets.UTF_8));
    List<Sample> read = new ArrayList<>();
    ExpositionParser parser = ExpositionFormat.forContentType(contentType).parser(body);
    for (Entry e = parser.next(); e != Entry.EOF; e = parser.next()) {
      if (e == Entry.SERIES) {
        read.add(new Sample(parser.labels(), parser.value()));
      }
    }

    assertThat(expected).as("sample lines in the scrape").hasSizeGreaterThan(100);
    assertThat(read).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(read.get(i).labels()).as("sample %d", i).isEqualTo(expected.get(i).labels());
      assertThat(Double.doubleToLongBits(read.get(i).value())).as("value of %s", expected.get(i).labels())
          .isEqualTo(Double.doubleToLongBits(expected.get(i).value()));
    }
  }

  /** Reads {@code name{label="value",...} value} lines, as exporters write them, skipping # lines. */
  private static List<Sample> naiveRead(String text) {
    List<Sample> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      LabelsBuilder labels = Labels.builder();
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      labels.add(Labels.METRIC_NAME, line.substring(0, brace >= 0 ? brace : space));
      if (brace >= 0) {
        int i = brace + 1;
        while (line.charAt(i) != '}') {
          int equals = line.indexOf('=', i);
          StringBuilder value = new StringBuilder();
          int j = equals + 2;
          for (; line.charAt(j) != '"'; j++) {
            char c = line.charAt(j);
            if (c == '\\') {
              c = line.charAt(++j);
              value.append(c == 'n' ? '\n' : c);
            } else {
              value.append(c);
            }
          }
          labels.add(line.substring(i, equals), value.toString());
          i = line.charAt(j + 1) == ',' ? j + 2 : j + 1;
        }
      }
      out.add(new Sample(labels.build(), javaDouble(line.substring(space + 1))));
    }
    return out;
  }

  private static double javaDouble(String s) {
    switch (s) {
      case "NaN":
        // Go's NaN bits, which the parser gives every NaN.
        return Double.longBitsToDouble(0x7ff8000000000001L);
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(s);
    }
  }
}
