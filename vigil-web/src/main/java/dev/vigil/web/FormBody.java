package dev.vigil.web;

import dev.vigil.web.api.Params;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request's form values as Go's {@code Request.ParseForm} does: a POST, PUT or PATCH body is
 * read only when it is {@code application/x-www-form-urlencoded}, and no further than {@link #MAX_BYTES}
 * plus one byte, as Go's limited reader; a larger body is recorded as Go's {@code http: POST too large}.
 * One declared larger is read that far too but not kept: a server that answered without reading
 * would close the connection under a client still sending, which may then see a reset instead of
 * the answer.
 */
final class FormBody {
  /** Go's limit for a form body: 10 MiB. */
  static final int MAX_BYTES = 10 << 20;

  private FormBody() {}

  static Params read(Request request) throws IOException {
    String query = request.getHttpURI().getQuery();
    if (!hasForm(request)) {
      return Params.decode(null, query);
    }
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (request.getLength() > MAX_BYTES) {
        skipUpTo(in, MAX_BYTES + 1L);
        return tooLarge(query);
      }
      body = in.readNBytes(MAX_BYTES + 1);
    }
    if (body.length > MAX_BYTES) {
      return tooLarge(query);
    }
    return Params.decode(new String(body, StandardCharsets.UTF_8), query);
  }

  private static void skipUpTo(InputStream in, long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          return;
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** The message a body over the limit is recorded with. */
  static final String TOO_LARGE = "http: POST too large";

  private static Params tooLarge(String query) {
    Params params = Params.decode(null, query);
    params.recordError(TOO_LARGE);
    return params;
  }

  private static boolean hasForm(Request request) {
    String method = request.getMethod();
    if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
      return false;
    }
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return mediaType.equalsIgnoreCase("application/x-www-form-urlencoded");
  }
}
