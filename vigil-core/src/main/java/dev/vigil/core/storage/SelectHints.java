package dev.vigil.core.storage;

import java.util.List;

/**
 * What the caller of a select intends, so that storage can prune: the time range actually needed
 * (inclusive, milliseconds), and for queries the step, function, grouping and range. Storage may
 * ignore hints; it must still return correct data for the querier's whole range.
 */
public record SelectHints(long start, long end, long step, String function, List<String> grouping, boolean by,
    long range) {

  public SelectHints {
    grouping = grouping == null ? List.of() : List.copyOf(grouping);
    function = function == null ? "" : function;
  }

  /** Hints that only narrow the time range. */
  public static SelectHints range(long start, long end) {
    return new SelectHints(start, end, 0, "", List.of(), false, 0);
  }
}
