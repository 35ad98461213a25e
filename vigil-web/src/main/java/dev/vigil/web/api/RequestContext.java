package dev.vigil.web.api;

import dev.vigil.core.storage.QueryCancelledException;
import dev.vigil.core.storage.QueryContext;
import java.util.concurrent.atomic.AtomicBoolean;

/** A storage read context that gives up once the client that asked has gone. */
final class RequestContext {
  private RequestContext() {}

  static QueryContext cancelledWhenGone(ApiRequest request) {
    AtomicBoolean gone = new AtomicBoolean();
    request.onClientGone(() -> gone.set(true));
    return () -> {
      if (gone.get()) {
        throw new QueryCancelledException("the client closed the connection");
      }
    };
  }
}
