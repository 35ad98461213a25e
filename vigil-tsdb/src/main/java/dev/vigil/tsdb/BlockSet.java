package dev.vigil.tsdb;

import dev.vigil.core.storage.MergeQuerier;
import dev.vigil.core.storage.Querier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * An immutable set of open blocks ordered by minimum time (then ULID), queried as one. Storage that
 * gains and loses blocks swaps whole sets, so a query keeps the set it started with.
 */
final class BlockSet {
  static final BlockSet EMPTY = new BlockSet(List.of());

  private final List<Block> blocks;

  private BlockSet(List<Block> sorted) {
    this.blocks = List.copyOf(sorted);
  }

  static BlockSet of(Collection<Block> blocks) {
    List<Block> sorted = new ArrayList<>(blocks);
    sorted.sort(Comparator.comparingLong((Block b) -> b.meta().minTime()).thenComparing(b -> b.meta().ulid()));
    return new BlockSet(sorted);
  }

  List<Block> blocks() {
    return blocks;
  }

  List<BlockMeta> metas() {
    return blocks.stream().map(Block::meta).toList();
  }

  /** The end of the newest block, or Long.MIN_VALUE when there is none. */
  long maxTime() {
    return blocks.stream().mapToLong(b -> b.meta().maxTime()).max().orElse(Long.MIN_VALUE);
  }

  BlockSet with(Block added) {
    List<Block> all = new ArrayList<>(blocks);
    all.add(added);
    return of(all);
  }

  BlockSet without(Set<String> ulids) {
    return new BlockSet(blocks.stream().filter(b -> !ulids.contains(b.meta().ulid())).toList());
  }

  /**
   * A querier over the blocks whose half-open range {@code [minTime, maxTime)} meets the closed range
   * asked for; blocks wholly outside it are not touched at all.
   */
  Querier querier(long minTime, long maxTime) {
    List<Querier> queriers = new ArrayList<>();
    for (Block b : blocks) {
      if (b.meta().minTime() <= maxTime && minTime < b.meta().maxTime()) {
        queriers.add(b.querier(minTime, maxTime));
      }
    }
    return new MergeQuerier(queriers);
  }
}
