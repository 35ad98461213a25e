package dev.vigil.tsdb.compact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.tsdb.Seeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoHeapTest {
  private record Item(int key, String name) {}

  private static final Comparator<Item> BY_KEY = Comparator.comparingInt(Item::key);

  private static List<String> popAll(GoHeap<Item> heap) {
    List<String> out = new ArrayList<>();
    while (!heap.isEmpty()) {
      out.add(heap.pop().name());
    }
    return out;
  }

  @Test
  void popsInAscendingOrder() throws Exception {
    Seeds.run("heap order", r -> {
      GoHeap<Item> heap = new GoHeap<>(BY_KEY);
      List<Integer> keys = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int k = r.nextInt(50);
        keys.add(k);
        heap.push(new Item(k, ""));
      }
      keys.sort(null);
      List<Integer> popped = new ArrayList<>();
      while (!heap.isEmpty()) {
        popped.add(heap.pop().key());
      }
      assertThat(popped).isEqualTo(keys);
    });
  }

  @Test
  void equalElements_comeOutInTheOrderGosContainerHeapGives() {
    GoHeap<Item> three = new GoHeap<>(BY_KEY);
    List.of("a", "b", "c").forEach(n -> three.push(new Item(1, n)));
    GoHeap<Item> four = new GoHeap<>(BY_KEY);
    List.of("a", "b", "c", "d").forEach(n -> four.push(new Item(1, n)));

    assertThat(popAll(three)).containsExactly("a", "c", "b");
    assertThat(popAll(four)).containsExactly("a", "d", "c", "b");
  }

  @Test
  void peek_showsTheNextPopWithoutRemovingIt() {
    GoHeap<Item> heap = new GoHeap<>(BY_KEY);
    heap.push(new Item(3, "c"));
    heap.push(new Item(1, "a"));

    assertThat(heap.peek().name()).isEqualTo("a");
    assertThat(popAll(heap)).containsExactly("a", "c");
  }
}
