package dev.vigil.it;

import static dev.vigil.it.HostileCase.down;
import static dev.vigil.it.HostileCase.up;
import static dev.vigil.it.Replies.OPEN_METRICS;
import static dev.vigil.it.Replies.TEXT;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hostile targets of {@link HostileTargetsIT}, each with Prometheus 2.42's verdict on it. Bodies
 * that fail while being parsed start with a few good samples, so {@code scrape_samples_scraped} shows
 * how far each server read before giving up.
 */
final class HostileCases {
  /** A body the healthy target and several hostile ones serve: 200 samples, 3.3 KiB; under 1 KiB gzipped. */
  private static final byte[] GOOD = good();
  /** The head of a chunked 200 of the text format. */
  private static final String CHUNKED =
      "HTTP/1.1 200 OK\r\nContent-Type: " + TEXT + "\r\nTransfer-Encoding: chunked\r\n\r\n";

  private HostileCases() {}

  static List<HostileCase> all() {
    return List.of(
        // 1. Malformed expositions: the parser's error, after the samples before it.
        down("text_bad_label_name", text("ok_a 1\nok_b 2\nbad_label{1x=\"a\"} 3\n"), "",
            "expected label name, got \"INVALID\""),
        down("text_missing_value", text("ok_a 1\nno_value{a=\"b\"}\nok_b 2\n"), "",
            "expected value after metric, got \"INVALID\""),
        down("om_missing_eof", openMetrics("# TYPE ok gauge\nok 1\n"), "",
            "data does not end with # EOF"),
        down("om_data_after_eof", openMetrics("# TYPE ok gauge\nok 1\n# EOF\nafter_eof 2\n"), "",
            "unexpected data after # EOF"),
        down("om_digit_separator", openMetrics("# TYPE ok gauge\nok 1\nsep 1_000\n# EOF\n"), "",
            "unsupported character in float"),
        // 2. Bodies over body_size_limit: the limit counts the bytes after gzip, not on the wire.
        down("body_over_limit", Replies.ok(TEXT, GOOD), "body_size_limit: 1KB", "body size limit exceeded"),
        down("gzip_body_over_limit", Replies.ok(TEXT, Replies.gzip(GOOD), "Content-Encoding: gzip"),
            "body_size_limit: 1KB", "body size limit exceeded"),
        // 3. More samples than sample_limit: the whole body is still counted.
        down("over_sample_limit", text("s_1 1\ns_2 2\ns_3 3\ns_4 4\ns_5 5\ns_6 6\ns_7 7\n"), "sample_limit: 5",
            "sample limit exceeded"),
        // 4. Label limits, counted with the target's job and instance labels.
        down("over_label_limit", text("ok 1\nmany_labels{a=\"1\",b=\"2\"} 1\n"), "label_limit: 4",
            "label_limit exceeded (metric: many_labels, number of labels: 5, limit: 4)"),
        down("long_label_value", text("ok 1\nlong_value{path=\"/a/rather/long/path/for/a/label\"} 1\n"),
            "label_value_length_limit: 20",
            "label_value_length_limit exceeded (metric: long_value, label name: path, value: "
                + "\"/a/rather/long/path/for/a/label\", length: 31, limit: 20)"),
        // 5. The same series twice (and once more with its labels in another order): the first value
        //    is kept, the scrape succeeds.
        up("duplicate_series", text("dup{a=\"1\",b=\"2\"} 1\ndup{a=\"1\",b=\"2\"} 2\ndup{b=\"2\",a=\"1\"} 3\n")),
        // 6. Invalid UTF-8: in a label value, and where a metric name should be.
        down("text_invalid_utf8_label_value", text(bytes("ok 1\nutf8{a=\"", 0xff, "\"} 1\n")), "",
            "invalid UTF-8 label value"),
        // The lexer ends the name at the first byte it cannot take, and the rest reads as the value.
        down("text_invalid_utf8_metric_name", text(bytes("ok 1\nbad", 0xfe, "name 1\n")), "",
            "strconv.ParseFloat: parsing \"\\xfename\": invalid syntax"),
        // Go prints the byte it stopped at as the rune of the same number (string(byte)), U+00FF.
        down("om_invalid_utf8_metric_name", openMetrics(bytes("ok 1\n", 0xff, "bad 1\n# EOF\n")), "",
            "\"INVALID\" \"\u00ff\" is not a valid start token"),
        // 7. No answer within scrape_timeout.
        down("hangs", Replies.silence(), "", "Get \"{url}\": context deadline exceeded"),
        // 8. The connection closes within the body.
        down("body_cut_short", Replies.cutShort(TEXT, GOOD, 100), "", "unexpected EOF"),
        down("chunked_body_cut", Replies.cutChunked(TEXT, GOOD), "", "unexpected EOF"),
        // 9. An error status, and nothing listening.
        down("http_500", Replies.status(500, "Internal Server Error"), "",
            "server returned HTTP status 500 Internal Server Error"),
        // Go shows the server's own reason phrase.
        down("http_503_own_reason", Replies.status(503, "Down For Maintenance"), "",
            "server returned HTTP status 503 Down For Maintenance"),
        down("connection_refused", null, "", "Get \"{url}\": dial tcp {address}: connect: connection refused"),
        // 10. Corrupt gzip: not gzip at all, a broken deflate stream, a wrong checksum.
        down("gzip_invalid_header", Replies.ok(TEXT, GOOD, "Content-Encoding: gzip"), "", "gzip: invalid header"),
        // zlib stops where Go's inflater does for this stream, so even the offset matches.
        down("gzip_corrupt_deflate", Replies.ok(TEXT, corruptDeflate(), "Content-Encoding: gzip"), "",
            "flate: corrupt input before offset 49"),
        down("gzip_bad_checksum", Replies.ok(TEXT, badChecksum(), "Content-Encoding: gzip"), "",
            "gzip: invalid checksum"),
        // 11. Broken HTTP: the connection closed before any answer, a head Go cannot read, a broken chunk.
        down("closed_before_response", Replies.raw(""), "", "Get \"{url}\": EOF"),
        down("malformed_status_line", Replies.raw("garbage\r\n\r\n"), "",
            "Get \"{url}\": net/http: HTTP/1.x transport connection broken: malformed HTTP response \"garbage\""),
        down("bad_content_length", Replies.raw("HTTP/1.1 200 OK\r\nContent-Length: x1\r\n\r\n"), "",
            "Get \"{url}\": net/http: HTTP/1.x transport connection broken: bad Content-Length \"x1\""),
        down("unsupported_transfer_encoding", Replies.raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"), "",
            "Get \"{url}\": net/http: HTTP/1.x transport connection broken: unsupported transfer encoding: \"gzip\""),
        down("chunk_bad_length", Replies.raw(CHUNKED + "zz\r\n"), "", "invalid byte in chunk length"),
        // Go's transport reads at most 10 MiB of response head.
        down("oversized_head", Replies.raw("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(11 << 20) + "\r\n\r\n"), "",
            "Get \"{url}\": net/http: HTTP/1.x transport connection broken: "
                + "net/http: server response headers exceeded 10485760 bytes; aborted"),
        down("chunk_without_end", Replies.raw(CHUNKED + "5\r\nok 1\n\r\n0\r\n"), "",
            "http: unexpected EOF reading trailer"));
  }

  /** The job every server must keep scraping successfully next to the hostile ones. */
  static RawHttpTarget.Reply healthy() {
    return Replies.ok(TEXT, GOOD);
  }

  private static RawHttpTarget.Reply text(String body) {
    return text(body.getBytes(StandardCharsets.UTF_8));
  }

  private static RawHttpTarget.Reply text(byte[] body) {
    return Replies.ok(TEXT, body);
  }

  private static RawHttpTarget.Reply openMetrics(String body) {
    return openMetrics(body.getBytes(StandardCharsets.UTF_8));
  }

  private static RawHttpTarget.Reply openMetrics(byte[] body) {
    return Replies.ok(OPEN_METRICS, body);
  }

  /** {@code before}, one raw byte (no UTF-8 encoding of it), {@code after}. */
  private static byte[] bytes(String before, int raw, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.write(raw);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] good() {
    StringBuilder body = new StringBuilder("# TYPE good gauge\n");
    for (int i = 0; i < 200; i++) {
      body.append("good{i=\"").append(i).append("\"} ").append(i).append('\n');
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A gzip member whose deflate stream has 8 bytes inverted within its Huffman tables. */
  private static byte[] corruptDeflate() {
    byte[] gz = Replies.gzip(GOOD);
    for (int i = 20; i < 28; i++) {
      gz[i] ^= (byte) 0xff;
    }
    return gz;
  }

  /** A whole gzip member but for its CRC-32 (the trailer's first 4 bytes). */
  private static byte[] badChecksum() {
    byte[] gz = Replies.gzip(GOOD);
    gz[gz.length - 8] ^= 0x01;
    return gz;
  }
}
