package dev.vigil.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import dev.vigil.promql.value.InstantVector;
import org.junit.jupiter.api.Test;

class EngineLimitsTest {
  private static MemoryStorage series(int count, int samples) {
    MemoryStorage storage = new MemoryStorage();
    for (int s = 0; s < count; s++) {
      for (int i = 0; i < samples; i++) {
        storage.add(Labels.of("__name__", "m", "i", Integer.toString(s)), i * 15_000L, i);
      }
    }
    return storage;
  }

  @Test
  void tooManySamplesFailsWithPrometheusWording() {
    Engine engine = new Engine(new EngineOptions(60_000, 100, 4, 300_000));
    assertThatThrownBy(() -> engine.range(series(10, 100), "m", 0, 1_500_000, 15_000, QueryControl.unlimited()))
        .isInstanceOf(PromqlException.class)
        .hasMessage("query processing would load too many samples into memory in query execution")
        .extracting(e -> ((PromqlException) e).type()).isEqualTo(ErrorType.EXECUTION);
  }

  @Test
  void subqueryWithMoreStepsThanSamplesAllowedFailsAsTooManySamples() {
    Engine engine = new Engine(EngineOptions.DEFAULTS);
    assertThatThrownBy(() -> engine.instant(series(1, 10), "max_over_time(vector(1)[30d:1ms])", 86_400_000L * 30,
            QueryControl.unlimited()))
        .isInstanceOf(PromqlException.class)
        .hasMessage("query processing would load too many samples into memory in query execution");
  }

  @Test
  void queryWaitingForAFreeSlotPastItsTimeoutFailsInTheQueue() throws Exception {
    Engine engine = new Engine(new EngineOptions(60_000, 50_000_000, 1, 300_000));
    java.util.concurrent.CountDownLatch selecting = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    MemoryStorage data = series(1, 10);
    dev.vigil.core.storage.Queryable blocking = (mint, maxt) -> {
      selecting.countDown();
      try {
        release.await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return data.querier(mint, maxt);
    };
    Thread holder = new Thread(() -> engine.instant(blocking, "m", 0, QueryControl.unlimited()));
    holder.start();
    try {
      assertThat(selecting.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> engine.instant(data, "m", 0, new QueryControl(200)))
          .isInstanceOf(PromqlException.class)
          .hasMessage("query timed out in query queue")
          .extracting(e -> ((PromqlException) e).type()).isEqualTo(ErrorType.TIMEOUT);
    } finally {
      release.countDown();
      holder.join(10_000);
    }
    assertThat(engine.instant(data, "m", 0, QueryControl.unlimited()).value()).isInstanceOf(InstantVector.class);
  }

  @Test
  void queryThatExhaustsTheHeapFailsAloneWithAnInternalError() {
    Engine engine = new Engine(EngineOptions.DEFAULTS);
    dev.vigil.core.storage.Queryable exhausted = (mint, maxt) -> {
      throw new OutOfMemoryError("Java heap space");
    };
    assertThatThrownBy(() -> engine.instant(exhausted, "m", 0, QueryControl.unlimited()))
        .isInstanceOf(PromqlException.class)
        .hasMessageStartingWith("query ran out of memory")
        .extracting(e -> ((PromqlException) e).type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(engine.instant(series(1, 10), "m", 0, QueryControl.unlimited()).value())
        .isInstanceOf(InstantVector.class);
  }

  @Test
  void cancelledQueryStopsWithCanceledError() {
    Engine engine = new Engine(EngineOptions.DEFAULTS);
    QueryControl control = QueryControl.unlimited();
    control.cancel();
    assertThatThrownBy(() -> engine.instant(series(1, 10), "m", 0, control))
        .isInstanceOf(PromqlException.class)
        .hasMessage("query was canceled in expression evaluation")
        .extracting(e -> ((PromqlException) e).type()).isEqualTo(ErrorType.CANCELED);
  }

  @Test
  void queryPastItsTimeoutFailsWithTimeoutError() {
    Engine engine = new Engine(new EngineOptions(1, 50_000_000, 4, 300_000));
    MemoryStorage storage = series(200, 2_000);
    assertThatThrownBy(() -> engine.range(storage, "sum(rate(m[5m])) + sum(rate(m[10m]))", 0, 30_000_000, 15_000,
            QueryControl.unlimited()))
        .isInstanceOf(PromqlException.class)
        .hasMessageStartingWith("query timed out in ")
        .extracting(e -> ((PromqlException) e).type()).isEqualTo(ErrorType.TIMEOUT);
  }

  @Test
  void deeplyNestedQueryIsAnswered() {
    Engine engine = new Engine(EngineOptions.DEFAULTS);
    String query = "-".repeat(999) + "m";
    InstantVector v = (InstantVector) engine.instant(series(1, 10), query, 135_000, QueryControl.unlimited()).value();
    assertThat(v.samples()).singleElement().extracting(s -> s.value()).isEqualTo(-9.0);
  }

  @Test
  void parseErrorsAreBadData() {
    Engine engine = new Engine(EngineOptions.DEFAULTS);
    assertThatThrownBy(() -> engine.instant(series(1, 1), "sum(", 0, QueryControl.unlimited()))
        .isInstanceOf(PromqlException.class)
        .extracting(e -> ((PromqlException) e).type()).isEqualTo(ErrorType.BAD_DATA);
  }
}
