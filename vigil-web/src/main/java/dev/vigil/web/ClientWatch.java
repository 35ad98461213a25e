package dev.vigil.web;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Notices that an HTTP/1 client hung up while its request is being worked on. Jetty does not read
 * from a connection while a handler runs, so a closed connection goes unnoticed until the answer is
 * written; a long query would run on for nobody. Once the request body has been read, this watches
 * the socket for readability: readable with no bytes waiting means the peer closed it. Bytes waiting
 * (a pipelined next request) are left alone for Jetty to parse.
 */
final class ClientWatch implements AutoCloseable {
  private final EndPoint endPoint;
  private static final int EMPTY_READINESS_FOR_CLOSE = 3;

  private final AtomicBoolean watching = new AtomicBoolean(true);
  private final AtomicInteger emptyReadiness = new AtomicInteger();

  private ClientWatch(EndPoint endPoint) {
    this.endPoint = endPoint;
  }

  /** Starts watching; {@code onGone} runs at most once, on a selector thread, and must not block. */
  static ClientWatch start(Request request, Runnable onGone) {
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    ClientWatch watch = new ClientWatch(endPoint);
    request.addFailureListener(failure -> onGone.run());
    if (endPoint.getTransport() instanceof SocketChannel channel) {
      watch.arm(channel, onGone);
    } else {
      watch.watching.set(false);
    }
    return watch;
  }

  private void arm(SocketChannel channel, Runnable onGone) {
    Callback readable = Callback.from(Invocable.InvocationType.NON_BLOCKING,
        () -> onReadable(channel, onGone), failure -> watching.set(false));
    if (!endPoint.tryFillInterested(readable)) {
      watching.set(false);
    }
  }

  /**
   * A closed connection stays readable with nothing to read, so the selector reports it again at once;
   * a single readiness with nothing to read can be left over from the request's own reads. Only a
   * repeated one counts as the client gone.
   */
  private void onReadable(SocketChannel channel, Runnable onGone) {
    if (!watching.get()) {
      return;
    }
    try {
      if (channel.socket().getInputStream().available() > 0) {
        watching.set(false);
        return;
      }
    } catch (IOException e) {
      watching.set(false);
      onGone.run();
      return;
    }
    if (emptyReadiness.incrementAndGet() >= EMPTY_READINESS_FOR_CLOSE) {
      watching.set(false);
      onGone.run();
    } else {
      arm(channel, onGone);
    }
  }

  /**
   * Stops watching, handing read interest back to Jetty: must run before the answer completes, since
   * the connection registers its own interest for the next request then.
   */
  @Override
  public void close() {
    if (watching.compareAndSet(true, false) && endPoint instanceof AbstractEndPoint abstractEndPoint) {
      abstractEndPoint.getFillInterest().onFail(new CancellationException("request answered"));
    }
  }
}
