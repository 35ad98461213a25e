package dev.vigil.tsdb.compact;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The ULIDs of blocks to delete, by reason; a block may appear under several. {@code compactedParents}
 * may name blocks that are already gone, as Prometheus's list does; deleting those is a no-op.
 */
public record BlockDeletions(SortedSet<String> markedDeletable, SortedSet<String> beyondTime,
    SortedSet<String> beyondSize, SortedSet<String> compactedParents) {
  public BlockDeletions {
    markedDeletable = Collections.unmodifiableSortedSet(new TreeSet<>(markedDeletable));
    beyondTime = Collections.unmodifiableSortedSet(new TreeSet<>(beyondTime));
    beyondSize = Collections.unmodifiableSortedSet(new TreeSet<>(beyondSize));
    compactedParents = Collections.unmodifiableSortedSet(new TreeSet<>(compactedParents));
  }

  /** Every block to delete, whatever the reason. */
  public SortedSet<String> all() {
    TreeSet<String> all = new TreeSet<>(markedDeletable);
    all.addAll(beyondTime);
    all.addAll(beyondSize);
    all.addAll(compactedParents);
    return Collections.unmodifiableSortedSet(all);
  }
}
