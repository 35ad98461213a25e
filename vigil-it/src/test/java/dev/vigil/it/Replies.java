package dev.vigil.it;

import dev.vigil.it.RawHttpTarget.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** The answers of a {@link RawHttpTarget}, well-formed or broken on purpose, byte for byte. */
final class Replies {
  static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private Replies() {}

  /** A 200 with the whole body and its length; {@code headers} are extra header lines. */
  static Reply ok(String contentType, byte[] body, String... headers) {
    return (in, out) -> {
      writeHead(out, "200 OK", contentType, "Content-Length: " + body.length, headers);
      out.write(body);
    };
  }

  /** A status without a body; {@code reason} is sent as the reason phrase, whatever the code. */
  static Reply status(int code, String reason) {
    return (in, out) -> writeHead(out, code + " " + reason, "text/plain", "Content-Length: 0");
  }

  /** A 200 declaring {@code missing} more bytes than it sends before closing the connection. */
  static Reply cutShort(String contentType, byte[] body, int missing) {
    return (in, out) -> {
      writeHead(out, "200 OK", contentType, "Content-Length: " + (body.length + missing));
      out.write(body);
    };
  }

  /** A chunked 200 whose connection closes after the first chunk, without the last (empty) chunk. */
  static Reply cutChunked(String contentType, byte[] firstChunk) {
    return (in, out) -> {
      writeHead(out, "200 OK", contentType, "Transfer-Encoding: chunked");
      out.write((Integer.toHexString(firstChunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(firstChunk);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    };
  }

  /** Exactly {@code response}, whatever it is, and the connection closed after it. */
  static Reply raw(String response) {
    return (in, out) -> out.write(response.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** No answer at all: the request is read and the connection held until the client gives up. */
  static Reply silence() {
    return (in, out) -> {
      while (in.read() >= 0) {
        // a scrape sends nothing more; this returns when the client closes the connection
      }
    };
  }

  /** {@code body} compressed as one gzip member. */
  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeHead(OutputStream out, String status, String contentType, String framing,
      String... headers) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n")
        .append("Content-Type: ").append(contentType).append("\r\n")
        .append(framing).append("\r\n")
        .append("Connection: close\r\n");
    for (String h : headers) {
      head.append(h).append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
  }
}
