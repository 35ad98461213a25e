package dev.vigil.scrape.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A response body handed from the client's threads to the scraping thread, which pulls it buffer by
 * buffer with a deadline (the JDK's own input stream cannot time out a read). A few lists of buffers
 * are requested ahead, so memory stays bounded whatever the body's size; cancelling aborts the
 * exchange (the client closes an HTTP/1.1 connection, resets an HTTP/2 stream).
 */
final class BodyQueue implements HttpResponse.BodySubscriber<BodyQueue>, BodySource {
  private static final int PREFETCH = 4;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<List<ByteBuffer>> lists = new ArrayDeque<>();
  private Flow.Subscription subscription;
  private Throwable error;
  private boolean complete;
  private boolean cancelled;

  /** Set when the response's headers arrived and this queue was handed the body. */
  volatile boolean headersReceived;

  // Only touched by the reading thread.
  private List<ByteBuffer> current = List.of();
  private int index;

  @Override
  public CompletionStage<BodyQueue> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    boolean cancelNow;
    lock.lock();
    try {
      cancelNow = cancelled || subscription != null;
      if (!cancelNow) {
        subscription = s;
      }
    } finally {
      lock.unlock();
    }
    if (cancelNow) {
      s.cancel();
    } else {
      s.request(PREFETCH);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    lock.lock();
    try {
      lists.add(item);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void onError(Throwable throwable) {
    lock.lock();
    try {
      error = throwable;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void onComplete() {
    lock.lock();
    try {
      complete = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** {@inheritDoc} A failed exchange throws a {@link BodyReadException} with the client's exception as cause. */
  @Override
  public ByteBuffer next(long deadlineNanos) throws DeadlineExceeded, IOException, InterruptedException {
    while (true) {
      while (index < current.size()) {
        ByteBuffer b = current.get(index++);
        if (b.hasRemaining()) {
          return b;
        }
      }
      Flow.Subscription toRequest;
      lock.lock();
      try {
        while (lists.isEmpty() && error == null && !complete) {
          long remaining = deadlineNanos - System.nanoTime();
          if (remaining <= 0) {
            throw DeadlineExceeded.INSTANCE;
          }
          changed.awaitNanos(remaining);
        }
        if (lists.isEmpty()) {
          if (error != null) {
            throw new BodyReadException(error);
          }
          current = List.of();
          index = 0;
          return null;
        }
        current = lists.poll();
        index = 0;
        toRequest = subscription;
      } finally {
        lock.unlock();
      }
      if (toRequest != null) {
        toRequest.request(1);
      }
    }
  }

  /** Aborts the exchange; safe from any thread, more than once, before or after subscription. */
  @Override
  public void cancel() {
    Flow.Subscription s;
    lock.lock();
    try {
      if (cancelled) {
        return;
      }
      cancelled = true;
      s = (complete || error != null) ? null : subscription;
    } finally {
      lock.unlock();
    }
    if (s != null) {
      s.cancel();
    }
  }

  /** The exchange failed while its body was read. */
  static final class BodyReadException extends IOException {
    BodyReadException(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
