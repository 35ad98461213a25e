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
 * read only when it is {@code application/x-www-form-urlencoded}, and at most {@link #MAX_BYTES}; a
 * larger body is not read at all and recorded as Go's {@code http: POST too large}.
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
    long declared = request.getLength();
    if (declared > MAX_BYTES) {
      return tooLarge(query);
    }
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(MAX_BYTES + 1);
    }
    if (body.length > MAX_BYTES) {
      return tooLarge(query);
    }
    return Params.decode(new String(body, StandardCharsets.UTF_8), query);
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
