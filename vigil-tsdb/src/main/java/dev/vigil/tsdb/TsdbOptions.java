package dev.vigil.tsdb;

/**
 * How a data directory is kept, as Prometheus's {@code --storage.tsdb.*} flags. Durations in
 * milliseconds; a retention of 0 means no limit of that kind.
 *
 * @param minBlockDuration the head's chunk range and the span of each block cut from it (2h)
 * @param maxBlockDuration the longest block compaction may produce
 * @param retentionMillis blocks entirely older than this behind the newest data are deleted (15d)
 * @param retentionBytes blocks are deleted oldest first while the data directory is larger than this
 */
public record TsdbOptions(long minBlockDuration, long maxBlockDuration, long retentionMillis, long retentionBytes) {
  public static final long TWO_HOURS = 2 * 3600_000L;
  public static final long FIFTEEN_DAYS = 15 * 24 * 3600_000L;

  /** Prometheus's defaults: 2h blocks compacted up to a tenth of the 15d retention (31 days at most). */
  public static final TsdbOptions DEFAULT = new TsdbOptions(TWO_HOURS, FIFTEEN_DAYS / 10, FIFTEEN_DAYS, 0);

  public TsdbOptions {
    if (minBlockDuration <= 0) {
      throw new IllegalArgumentException("min block duration must be positive, got " + minBlockDuration);
    }
    if (maxBlockDuration < minBlockDuration) {
      throw new IllegalArgumentException("max block duration " + maxBlockDuration
          + " must be at least the min block duration " + minBlockDuration);
    }
    if (retentionMillis < 0 || retentionBytes < 0) {
      throw new IllegalArgumentException("retention must not be negative");
    }
  }
}
