package dev.vigil.scrape.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class GoTextTest {
  @Test
  void formatsSecondsAsStrconvFormatFloatF() {
    // strconv.FormatFloat(d.Seconds(), 'f', -1, 64) for the durations a scrape timeout can have.
    assertThat(GoText.formatSeconds(10_000)).isEqualTo("10");
    assertThat(GoText.formatSeconds(1_500)).isEqualTo("1.5");
    assertThat(GoText.formatSeconds(250)).isEqualTo("0.25");
    assertThat(GoText.formatSeconds(100)).isEqualTo("0.1");
    assertThat(GoText.formatSeconds(1)).isEqualTo("0.001");
    assertThat(GoText.formatSeconds(59_999)).isEqualTo("59.999");
    assertThat(GoText.formatSeconds(3_600_000)).isEqualTo("3600");
    assertThat(GoText.formatSeconds(86_400_123)).isEqualTo("86400.123");
    assertThat(GoText.formatFloat(1e21)).isEqualTo("1000000000000000000000");
    assertThat(GoText.formatFloat(0.1 + 0.2)).isEqualTo("0.30000000000000004");
  }

  @Test
  void quotesAsPercentQ() {
    assertThat(GoText.quote("http://a/b?c=d")).isEqualTo("\"http://a/b?c=d\"");
    assertThat(GoText.quote("a\"b\\c\n\t\u0001\u007f")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\x01\\x7f\"");
    assertThat(GoText.quote("é\u00a0\u200b")).isEqualTo("\"é\\u00a0\\u200b\"");
  }

  @Test
  void statusLinesUseGoStatusText() {
    assertThat(GoText.status(500)).isEqualTo("500 Internal Server Error");
    assertThat(GoText.status(413)).isEqualTo("413 Request Entity Too Large");
    assertThat(GoText.status(418)).isEqualTo("418 I'm a teapot");
    assertThat(GoText.status(425)).isEqualTo("425 Too Early");
    assertThat(GoText.status(299)).isEqualTo("299");
  }

  @Test
  void trimsSpaceAsStringsTrimSpace() {
    assertThat(trim(" \t\r\n secret \u000b\f")).isEqualTo("secret");
    assertThat(trim("\u00a0\u2003tok\u3000\u0085")).isEqualTo("tok");
    assertThat(trim("a b")).isEqualTo("a b");
    assertThat(trim("   ")).isEmpty();
    assertThat(trim("\u200btok")).isEqualTo("\u200btok"); // a zero-width space is not white space in Go
  }

  private static String trim(String s) {
    return new String(GoText.trimSpace(s.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  @Test
  void readFileErrorsReadAsGoOsErrors() {
    assertThat(GoText.readFileError("/x", new NoSuchFileException("/x"))).isEqualTo("open /x: no such file or directory");
    assertThat(GoText.readFileError("/x", new AccessDeniedException("/x"))).isEqualTo("open /x: permission denied");
    assertThat(GoText.readFileError("/d", new IOException("Is a directory"))).isEqualTo("read /d: is a directory");
  }

  @Test
  void urlsAreRedactedAndQuoted() {
    assertThat(GoText.redactedUrl(URI.create("http://user:pass@h:9100/metrics"))).isEqualTo("http://user:***@h:9100/metrics");
    assertThat(GoText.redactedUrl(URI.create("http://user@h:9100/metrics"))).isEqualTo("http://user@h:9100/metrics");
    assertThat(GoText.urlError("http://h/m", "EOF")).isEqualTo("Get \"http://h/m\": EOF");
  }

  @Test
  void ipsPrintAsNetIpString() throws Exception {
    assertThat(GoText.ip(InetAddress.getByName("127.0.0.1"))).isEqualTo("127.0.0.1");
    assertThat(GoText.ip(InetAddress.getByName("::1"))).isEqualTo("::1");
    assertThat(GoText.ip(InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
    assertThat(GoText.ip(InetAddress.getByName("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
    assertThat(GoText.hostPort("::1", 9100)).isEqualTo("[::1]:9100");
  }
}
