package dev.vigil.promql.engine;

/**
 * Limits of the engine, as Prometheus's {@code --query.*} flags: timeout, maximum samples in memory
 * at once, maximum concurrent queries, lookback delta; all durations in milliseconds.
 */
public record EngineOptions(long timeoutMillis, long maxSamples, int maxConcurrency, long lookbackDeltaMillis) {
  public static final EngineOptions DEFAULTS = new EngineOptions(120_000, 50_000_000, 20, 300_000);

  public EngineOptions {
    if (timeoutMillis <= 0 || maxSamples <= 0 || maxConcurrency <= 0 || lookbackDeltaMillis <= 0) {
      throw new IllegalArgumentException("engine limits must be positive");
    }
  }
}
