package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.QueryCancelledException;
import dev.vigil.core.storage.Queryable;
import dev.vigil.core.storage.SelectHints;
import dev.vigil.core.storage.Series;
import dev.vigil.core.storage.SeriesSet;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A query stops when its client hangs up or its {@code timeout} parameter runs out, not when storage is done. */
class QueryCancellationTest {
  private final StuckStorage storage = new StuckStorage();
  private VigilServer server;

  @BeforeEach
  void start() throws IOException {
    server = VigilServer.serve(ServerOptions.loopback(Path.of("unused")), storage, () -> { });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void clientHangingUpCancelsTheQuery() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /api/v1/query?query=up&time=100 HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(storage.entered.await(10, TimeUnit.SECONDS)).as("query reached storage").isTrue();
    }
    assertThat(storage.cancelled.await(10, TimeUnit.SECONDS)).as("storage saw the cancellation").isTrue();
  }

  @Test
  void timeoutParameterEndsTheQueryWithATimeoutError() {
    long started = System.nanoTime();
    Http.Answer answer = new Http(server.baseUrl()).get("/api/v1/query?query=up&time=100&timeout=200ms");
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body()).startsWith("{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in ");
    assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(10));
  }

  /** Storage whose every select blocks until the query's context gives up (or 30 s pass). */
  private static final class StuckStorage implements Queryable {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch cancelled = new CountDownLatch(1);

    @Override
    public Querier querier(long minTime, long maxTime) {
      return new Querier() {
        @Override
        public SeriesSet select(QueryContext ctx, boolean sorted, SelectHints hints, Matcher... matchers) {
          return new SeriesSet() {
            @Override
            public boolean next() {
              entered.countDown();
              long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
              while (System.nanoTime() < deadline) {
                try {
                  ctx.checkCancelled();
                  Thread.sleep(5);
                } catch (QueryCancelledException e) {
                  cancelled.countDown();
                  throw e;
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return false;
                }
              }
              return false;
            }

            @Override
            public Series at() {
              throw new IllegalStateException("no series");
            }
          };
        }

        @Override
        public List<String> labelValues(QueryContext ctx, String name, Matcher... matchers) {
          return List.of();
        }

        @Override
        public List<String> labelNames(QueryContext ctx, Matcher... matchers) {
          return List.of();
        }

        @Override
        public void close() {
        }
      };
    }
  }
}
