package dev.vigil.scrape.http;

import java.io.IOException;

/**
 * A failure of the exchange already worded as Go's transport words it ({@code unexpected EOF},
 * {@code read tcp 127.0.0.1:40312->127.0.0.1:9100: read: connection reset by peer}); shown as it is.
 */
class GoIoException extends IOException {
  GoIoException(String goText) {
    super(goText, null);
  }

  GoIoException(String goText, Throwable cause) {
    super(goText, cause);
  }
}
