package dev.vigil.web;

import dev.vigil.promql.engine.ErrorType;
import dev.vigil.web.api.ApiEndpoint;
import dev.vigil.web.api.ApiException;
import dev.vigil.web.api.ApiRequest;
import dev.vigil.web.api.ApiResult;
import dev.vigil.web.api.Envelope;
import dev.vigil.web.api.Params;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one API endpoint over HTTP: reads the form, tells the endpoint when the client goes away,
 * and streams the answer in the API's envelope. Answers are buffered up to {@link #BUFFER_BYTES};
 * a failure before that much is out still becomes a proper error answer, a later one cuts the
 * connection so the client cannot take a partial answer for a whole one.
 */
final class ApiHandler implements RouteTarget {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  static final int BUFFER_BYTES = 64 * 1024;

  private final ApiEndpoint endpoint;

  ApiHandler(ApiEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public void handle(Request request, Response response, Callback callback, Map<String, String> pathParams)
      throws IOException {
    Cors.apply(request, response);
    Params params = FormBody.read(request);
    if (FormBody.TOO_LARGE.equals(params.formError())) {
      // The unread body cannot be skipped cheaply; closing the connection after answering drops it.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    ApiRequest apiRequest = new ApiRequest(params, pathParams);
    ClientWatch watch = ClientWatch.start(request, apiRequest::clientGone);
    answer(request, response, stopWatchingFirst(watch, callback), apiRequest);
  }

  private void answer(Request request, Response response, Callback callback, ApiRequest apiRequest) {
    ApiResult result;
    try {
      result = endpoint.handle(apiRequest);
    } catch (ApiException e) {
      sendError(response, callback, e.type(), e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.warn("API request failed: {}", request.getHttpURI().getPath(), e);
      sendError(response, callback, ErrorType.INTERNAL, String.valueOf(e.getMessage()));
      return;
    }
    try (result) {
      stream(response, callback, result);
    }
  }

  private static Callback stopWatchingFirst(ClientWatch watch, Callback callback) {
    return new Callback.Nested(callback) {
      @Override
      public void succeeded() {
        watch.close();
        super.succeeded();
      }

      @Override
      public void failed(Throwable x) {
        watch.close();
        super.failed(x);
      }
    };
  }

  private static void stream(Response response, Callback callback, ApiResult result) {
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    OutputStream out = new BufferedOutputStream(Content.Sink.asOutputStream(response), BUFFER_BYTES);
    try {
      Envelope.writeSuccess(out, result);
      out.close();
      callback.succeeded();
    } catch (ApiException e) {
      failMidway(response, callback, e.type(), e);
    } catch (IOException e) {
      // The client went away while we wrote; nobody is left to tell.
      LOG.debug("API response not delivered", e);
      callback.failed(e);
    } catch (RuntimeException e) {
      LOG.warn("API response failed while streaming", e);
      failMidway(response, callback, ErrorType.INTERNAL, e);
    }
  }

  /** The partial answer is dropped if still unsent and replaced by an error; otherwise the connection is cut. */
  private static void failMidway(Response response, Callback callback, ErrorType type, RuntimeException e) {
    if (response.isCommitted()) {
      callback.failed(e);
      return;
    }
    response.reset();
    sendError(response, callback, type, e.getMessage());
  }

  /** Error answers are small, so they go out whole with a length, which lets a client read them even on a closing connection. */
  static void sendError(Response response, Callback callback, ErrorType type, String message) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    try {
      Envelope.writeError(body, type, message);
    } catch (IOException e) {
      callback.failed(e);
      return;
    }
    response.setStatus(type.httpStatus());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.size());
    response.write(true, ByteBuffer.wrap(body.toByteArray()), callback);
  }
}
