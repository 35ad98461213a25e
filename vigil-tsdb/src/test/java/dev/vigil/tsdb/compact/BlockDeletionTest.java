package dev.vigil.tsdb.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import dev.vigil.tsdb.BlockDirectory;
import dev.vigil.tsdb.BlockMeta;
import dev.vigil.tsdb.Ulid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockDeletionTest {
  @TempDir
  Path dir;

  private Path block() throws IOException {
    return SourceBlocks.write(dir, Map.of(Labels.of("__name__", "x"), new TreeMap<>(Map.of(0L, 1.0, 1000L, 2.0))));
  }

  private static long count(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.count();
    }
  }

  @Test
  void delete_removesTheBlockAndLeavesNoTemporaryDirectory() throws Exception {
    Path b = block();

    assertThat(BlockDeletion.delete(dir, b.getFileName().toString())).isTrue();

    assertThat(count(dir)).isZero();
  }

  @Test
  void delete_ofAMissingBlock_doesNothing() throws Exception {
    assertThat(BlockDeletion.delete(dir, Ulid.generate(0))).isFalse();
  }

  @Test
  void delete_replacesALeftoverOfAnEarlierInterruptedDeletion() throws Exception {
    Path b = block();
    String ulid = b.getFileName().toString();
    Files.createDirectories(dir.resolve(ulid + BlockDeletion.TMP_FOR_DELETION).resolve("chunks"));

    assertThat(BlockDeletion.delete(dir, ulid)).isTrue();

    assertThat(count(dir)).isZero();
  }

  @Test
  void delete_refusesANameThatIsNotAUlid() {
    assertThatThrownBy(() -> BlockDeletion.delete(dir, "../elsewhere")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBlockInterruptedMidDeletion_isNotLoadedAsABlock() throws Exception {
    Path b = block();
    Files.move(b, dir.resolve(b.getFileName() + BlockDeletion.TMP_FOR_DELETION));

    assertThat(BlockDirectory.blockDirs(dir)).isEmpty();
    assertThat(Files.exists(dir.resolve(b.getFileName() + BlockDeletion.TMP_FOR_DELETION).resolve(BlockMeta.FILE_NAME)))
        .isTrue();
  }

  @Test
  void removeTemporaryDirs_clearsLeftoversOfBlockWritesDeletionsAndCheckpoints() throws Exception {
    String kept = block().getFileName().toString();
    String ulid = Ulid.generate(1);
    for (String name : new String[] {ulid + ".tmp-for-creation", ulid + ".tmp-for-deletion", ulid + ".tmp",
        "checkpoint.00000012.tmp"}) {
      Files.createDirectories(dir.resolve(name).resolve("sub"));
    }
    for (String name : new String[] {"wal", "chunks_head", "notaulid.tmp", "checkpoint.00000011"}) {
      Files.createDirectories(dir.resolve(name));
    }
    String plainFile = Ulid.generate(2) + ".tmp";
    Files.createFile(dir.resolve(plainFile));

    assertThat(BlockDeletion.removeTemporaryDirs(dir)).hasSize(4);

    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(kept, "wal", "chunks_head",
          "notaulid.tmp", "checkpoint.00000011", plainFile);
    }
  }

  @Test
  void removeTemporaryDirs_ofAMissingDirectory_removesNothing() throws Exception {
    assertThat(BlockDeletion.removeTemporaryDirs(dir.resolve("absent"))).isEmpty();
  }
}
