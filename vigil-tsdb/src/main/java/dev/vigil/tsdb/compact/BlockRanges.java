package dev.vigil.tsdb.compact;

import java.util.ArrayList;
import java.util.List;

/**
 * The block durations the planner compacts towards, derived from the server flags as Prometheus 2.42
 * derives them: ranges grow by a factor of 3 from the minimum block duration, ten steps at most,
 * and stop before the first one longer than the maximum block duration.
 */
public final class BlockRanges {
  private static final int STEPS = 10;
  private static final int STEP_FACTOR = 3;
  private static final long THIRTY_ONE_DAYS = 31L * 24 * 3600 * 1000;

  private BlockRanges() {}

  /** {@code steps} ranges starting at {@code min}, each {@code factor} times the one before (ExponentialBlockRanges). */
  public static List<Long> exponential(long min, int steps, int factor) {
    List<Long> ranges = new ArrayList<>(steps);
    long range = min;
    for (int i = 0; i < steps; i++) {
      ranges.add(range);
      range *= factor;
    }
    return List.copyOf(ranges);
  }

  /**
   * The ranges for {@code --storage.tsdb.min-block-duration} and {@code max-block-duration} in
   * milliseconds (db.go's validateOpts and open): a maximum below the minimum is raised to it, so the
   * minimum is always a range.
   */
  public static List<Long> forBlockDurations(long minBlockDuration, long maxBlockDuration) {
    if (minBlockDuration <= 0) {
      throw new IllegalArgumentException("minimum block duration must be positive, got " + minBlockDuration);
    }
    long max = Math.max(minBlockDuration, maxBlockDuration);
    List<Long> ranges = new ArrayList<>();
    for (long r : exponential(minBlockDuration, STEPS, STEP_FACTOR)) {
      if (r > max) {
        break;
      }
      ranges.add(r);
    }
    return List.copyOf(ranges);
  }

  /**
   * The maximum block duration when the flag is not given (cmd/prometheus): 31 days, or a tenth of
   * the time retention when one is set and that is shorter.
   */
  public static long defaultMaxBlockDuration(long retentionMillis) {
    if (retentionMillis != 0 && retentionMillis / 10 < THIRTY_ONE_DAYS) {
      return retentionMillis / 10;
    }
    return THIRTY_ONE_DAYS;
  }
}
