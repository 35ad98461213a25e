package dev.vigil.tsdb.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.chunkenc.Chunk;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.QueryCancelledException;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.StorageException;
import dev.vigil.tsdb.Block;
import dev.vigil.tsdb.BlockDirectory;
import dev.vigil.tsdb.BlockMeta;
import dev.vigil.tsdb.Seeds;
import dev.vigil.tsdb.chunks.ChunkSegments;
import dev.vigil.tsdb.index.Postings;
import dev.vigil.tsdb.index.SeriesEntry;
import dev.vigil.tsdb.tombstones.Interval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockCompactorTest {
  private static final Labels A = Labels.of("__name__", "a");
  private static final Labels B = Labels.of("__name__", "b");

  @TempDir
  Path dir;

  private final List<Block> opened = new ArrayList<>();

  @AfterEach
  void closeBlocks() {
    opened.forEach(Block::close);
  }

  private List<Block> open(List<Path> dirs) throws IOException {
    List<Block> blocks = SourceBlocks.openAll(dirs);
    opened.addAll(blocks);
    return blocks;
  }

  private Block open(Path blockDir) throws IOException {
    Block b = Block.open(blockDir);
    opened.add(b);
    return b;
  }

  private BlockMeta compact(Path dest, List<Block> sources) throws IOException {
    Optional<BlockMeta> meta = new BlockCompactor().compact(dest, sources, QueryContext.BACKGROUND);
    assertThat(meta).as("a block was written").isPresent();
    return meta.get();
  }

  private static TreeMap<Long, Double> samples(long from, long to, long step) {
    TreeMap<Long, Double> out = new TreeMap<>();
    for (long t = from; t < to; t += step) {
      out.put(t, t / 1000.0);
    }
    return out;
  }

  @Test
  void adjacentBlocks_compactToTheUnionOfTheirSamplesWithoutTheDeletedOnes() throws Exception {
    for (int round = 0; round < 4; round++) {
      Seeds.run("adjacent blocks compact to their union", r -> checkUnion(RandomSources.generate(r, false)));
    }
  }

  @Test
  void overlappingBlocks_compactToTheUnionWithEachTimestampOnce() throws Exception {
    for (int round = 0; round < 4; round++) {
      Seeds.run("overlapping blocks compact to their union", r -> checkUnion(RandomSources.generate(r, true)));
    }
  }

  private void checkUnion(RandomSources sources) throws IOException {
    Path data = Files.createTempDirectory(dir, "data");
    List<Block> blocks = open(sources.write(data));
    Map<Labels, TreeMap<Long, Long>> expected = sources.expectedUnion();

    BlockMeta meta = compact(data, blocks);

    Block compacted = open(data.resolve(meta.ulid()));
    assertThat(SourceBlocks.read(compacted)).isEqualTo(expected);
    assertThat(meta.stats().numSamples()).isEqualTo(expected.values().stream().mapToLong(TreeMap::size).sum());
    assertThat(meta.stats().numSeries()).isEqualTo(expected.size());
    assertThat(compacted.meta()).isEqualTo(meta);
  }

  @Test
  void compactedBlock_dumpsUnderPromtoolExactlyAsItsSourcesDo() throws Exception {
    PromtoolOracle promtool = PromtoolOracle.requireOrSkip();
    for (int round = 0; round < 3; round++) {
      boolean overlapping = round != 0;
      Seeds.run("promtool dumps the compacted block as its sources", r -> {
        RandomSources sources = RandomSources.generate(r, overlapping);
        Path data = Files.createTempDirectory(dir, "sources");
        Path out = Files.createTempDirectory(dir, "compacted");
        BlockMeta meta = compact(out, open(sources.write(data)));

        String dump = promtool.dump(out);
        assertThat(dump).isEqualTo(promtool.dump(data));
        assertThat(parseDump(dump)).isEqualTo(expectedAsDump(sources.expectedUnion()));
        assertThat(listed(promtool.list(out), meta.ulid())).containsExactly(Long.toString(meta.minTime()),
            Long.toString(meta.maxTime()), Long.toString(meta.stats().numSamples()),
            Long.toString(meta.stats().numChunks()), Long.toString(meta.stats().numSeries()));
      });
    }
  }

  /** Min time, max time, samples, chunks and series of the block as {@code promtool tsdb list} shows it. */
  private static List<String> listed(String list, String ulid) {
    for (String line : list.split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns[0].equals(ulid)) {
        return List.of(columns[1], columns[2], columns[4], columns[5], columns[6]);
      }
    }
    throw new AssertionError("promtool tsdb list does not show " + ulid + ":\n" + list);
  }

  /** promtool's dump lines ({@code labels value time}) as series text to time to value. */
  private static Map<String, TreeMap<Long, Double>> parseDump(String dump) {
    Map<String, TreeMap<Long, Double>> out = new TreeMap<>();
    for (String line : dump.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int labelsEnd = line.lastIndexOf("} ") + 1;
      String[] valueAndTime = line.substring(labelsEnd + 1).split(" ");
      out.computeIfAbsent(line.substring(0, labelsEnd), l -> new TreeMap<>())
          .put(Long.parseLong(valueAndTime[1]), Double.parseDouble(valueAndTime[0]));
    }
    return out;
  }

  private static Map<String, TreeMap<Long, Double>> expectedAsDump(Map<Labels, TreeMap<Long, Long>> expected) {
    Map<String, TreeMap<Long, Double>> out = new TreeMap<>();
    expected.forEach((labels, samples) -> {
      TreeMap<Long, Double> values = new TreeMap<>();
      samples.forEach((t, bits) -> values.put(t, Double.longBitsToDouble(bits)));
      out.put(labels.toString(), values);
    });
    return out;
  }

  @Test
  void meta_spansTheSourcesOneLevelUpWithTheirSourcesAndThemAsParents() throws Exception {
    Path first = SourceBlocks.write(dir, Map.of(A, samples(0, 7_200_000, 15_000)));
    Path second = SourceBlocks.write(dir, Map.of(A, samples(7_200_000, 14_400_000, 15_000)));
    List<Block> sources = open(List.of(first, second));
    BlockMeta level2 = compact(dir, sources);
    Path third = SourceBlocks.write(dir, Map.of(B, samples(14_400_000, 21_600_000, 15_000)));

    BlockMeta level3 = compact(dir, open(List.of(dir.resolve(level2.ulid()), third)));

    String s1 = sources.get(0).meta().ulid();
    String s2 = sources.get(1).meta().ulid();
    String s3 = third.getFileName().toString();
    assertThat(level2.compaction().level()).isEqualTo(2);
    assertThat(level3.compaction().level()).isEqualTo(3);
    assertThat(level3.compaction().sources()).isEqualTo(Stream.of(s1, s2, s3).sorted().toList());
    assertThat(level3.compaction().parents()).containsExactly(
        new BlockMeta.BlockDesc(level2.ulid(), 0, 14_385_001),
        new BlockMeta.BlockDesc(s3, 14_400_000, 21_585_001));
    assertThat(level3.minTime()).isZero();
    assertThat(level3.maxTime()).isEqualTo(21_585_001);
    assertThat(BlockMeta.read(dir.resolve(level3.ulid()))).isEqualTo(level3);
  }

  @Test
  void chunksThatNeitherOverlapNorLoseSamples_areCopiedByteForByte() throws Exception {
    Path first = SourceBlocks.write(dir, Map.of(A, samples(0, 7_200_000, 10_000), B, samples(0, 3_600_000, 5_000)));
    Path second = SourceBlocks.write(dir, Map.of(A, samples(7_200_000, 14_400_000, 10_000)));
    List<Block> sources = open(List.of(first, second));

    BlockMeta meta = compact(dir, sources);

    Set<String> sourceChunks = new HashSet<>();
    sources.forEach(b -> sourceChunks.addAll(chunkBytes(b)));
    assertThat(chunkBytes(open(dir.resolve(meta.ulid())))).isNotEmpty().allMatch(sourceChunks::contains);
  }

  @Test
  void overlappingChunks_areMergedAndRecutIntoChunksOf120Samples() throws Exception {
    Path dense = SourceBlocks.write(dir, Map.of(A, samples(0, 300_000, 1000)));
    // One chunk across all of the dense block's chunks, so they all merge into one run of 303 samples.
    Path sparse = SourceBlocks.write(dir, Map.of(A, new TreeMap<>(Map.of(500L, 1.0, 150_500L, 2.0, 299_500L, 3.0))));

    BlockMeta meta = compact(dir, open(List.of(dense, sparse)));

    Block compacted = open(dir.resolve(meta.ulid()));
    assertThat(chunkSampleCounts(compacted)).containsExactly(120, 120, 63);
    assertThat(SourceBlocks.read(compacted).get(A)).hasSize(303).containsKeys(0L, 500L, 150_500L, 299_000L, 299_500L);
  }

  @Test
  void tombstonedSamples_areLeftOutAndTheChunksTheyTouchReencoded() throws Exception {
    Path only = SourceBlocks.write(dir, Map.of(A, samples(0, 100_000, 1000), B, samples(0, 100_000, 1000)));
    SourceBlocks.tombstone(only, Map.of(A, List.of(new Interval(10_000, 19_999)),
        B, List.of(new Interval(Long.MIN_VALUE, Long.MAX_VALUE))));

    BlockMeta meta = compact(dir, open(List.of(only)));

    Map<Labels, TreeMap<Long, Long>> read = SourceBlocks.read(open(dir.resolve(meta.ulid())));
    assertThat(read).containsOnlyKeys(A);
    assertThat(read.get(A)).hasSize(90).doesNotContainKeys(10_000L, 15_000L, 19_000L).containsKeys(9_000L, 20_000L);
    assertThat(meta.stats().numSeries()).isEqualTo(1);
    assertThat(meta.stats().numTombstones()).isZero();
  }

  @Test
  void symbolTable_isTheUnionOfTheSourcesIncludingDeletedSeries() throws Exception {
    Labels gone = Labels.of("__name__", "gone", "only", "here");
    Path first = SourceBlocks.write(dir, Map.of(A, samples(0, 10_000, 1000), gone, samples(0, 10_000, 1000)));
    SourceBlocks.tombstone(first, Map.of(gone, List.of(new Interval(Long.MIN_VALUE, Long.MAX_VALUE))));
    Path second = SourceBlocks.write(dir, Map.of(B, samples(10_000, 20_000, 1000)));

    BlockMeta meta = compact(dir, open(List.of(first, second)));

    assertThat(open(dir.resolve(meta.ulid())).index().symbols()).containsExactly("", "__name__", "a", "b", "gone",
        "here", "only");
  }

  @Test
  void everySampleDeleted_writesNoBlockAndMarksTheSourcesDeletable() throws Exception {
    Path first = SourceBlocks.write(dir, Map.of(A, samples(0, 10_000, 1000)));
    Path second = SourceBlocks.write(dir, Map.of(A, samples(10_000, 20_000, 1000)));
    for (Path p : List.of(first, second)) {
      SourceBlocks.tombstone(p, Map.of(A, List.of(new Interval(Long.MIN_VALUE, Long.MAX_VALUE))));
    }

    Optional<BlockMeta> result = new BlockCompactor().compact(dir, open(List.of(first, second)), QueryContext.BACKGROUND);

    assertThat(result).isEmpty();
    assertThat(entries(dir)).containsExactlyInAnyOrder(first, second);
    assertThat(BlockMeta.read(first).compaction().deletable()).isTrue();
    assertThat(BlockMeta.read(second).compaction().deletable()).isTrue();
  }

  @Test
  void chunkFoundCorruptMidway_leavesNoBlockAndTheSourcesIntactButMarkedFailed() throws Exception {
    Map<Labels, TreeMap<Long, Double>> early = new TreeMap<>();
    Map<Labels, TreeMap<Long, Double>> late = new TreeMap<>();
    for (int s = 0; s < 30; s++) {
      Labels labels = Labels.of("__name__", "m", "i", String.format("%02d", s));
      early.put(labels, samples(0, 600_000, 5000));
      late.put(labels, samples(600_000, 1_200_000, 5000));
    }
    Path first = SourceBlocks.write(dir, early);
    Path second = SourceBlocks.write(dir, late);
    // The last series in label order: read only after the 29 before it are written.
    corruptLastChunk(second, Labels.of("__name__", "m", "i", "29"));
    Map<Path, byte[]> before = dataFiles(first, second);

    List<Block> sources = open(List.of(first, second));
    assertThatThrownBy(() -> new BlockCompactor().compact(dir, sources, QueryContext.BACKGROUND))
        .isInstanceOf(StorageException.class).hasMessageContaining("chunk");

    assertThat(entries(dir)).containsExactlyInAnyOrder(first, second);
    assertThat(BlockDirectory.blockDirs(dir)).containsExactlyInAnyOrder(first, second);
    assertThat(dataFiles(first, second)).allSatisfy((file, bytes) -> assertThat(before.get(file)).isEqualTo(bytes));
    assertThat(BlockMeta.read(first).compaction().failed()).isTrue();
    assertThat(BlockMeta.read(second).compaction().failed()).isTrue();
    try (Block reopened = Block.open(first)) {
      assertThat(SourceBlocks.read(reopened)).hasSize(30);
    }
  }

  @Test
  void cancelledMidway_leavesNoBlockAndTheSourcesUntouched() throws Exception {
    Map<Labels, TreeMap<Long, Double>> many = new TreeMap<>();
    for (int s = 0; s < 30; s++) {
      many.put(Labels.of("__name__", "m", "i", Integer.toString(s)), samples(0, 600_000, 5000));
    }
    Path first = SourceBlocks.write(dir, many);
    Path second = SourceBlocks.write(dir, Map.of(A, samples(600_000, 700_000, 5000)));
    byte[] firstMeta = Files.readAllBytes(first.resolve(BlockMeta.FILE_NAME));
    AtomicInteger polls = new AtomicInteger();
    QueryContext cancelsAfterTen = () -> {
      if (polls.incrementAndGet() > 10) {
        throw new QueryCancelledException("shutting down");
      }
    };

    List<Block> sources = open(List.of(first, second));
    assertThatThrownBy(() -> new BlockCompactor().compact(dir, sources, cancelsAfterTen))
        .isInstanceOf(QueryCancelledException.class);

    assertThat(entries(dir)).containsExactlyInAnyOrder(first, second);
    assertThat(Files.readAllBytes(first.resolve(BlockMeta.FILE_NAME))).isEqualTo(firstMeta);
  }

  @Test
  void noSources_isRefused() {
    assertThatThrownBy(() -> new BlockCompactor().compact(dir, List.of(), QueryContext.BACKGROUND))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Set<Path> entries(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.collect(Collectors.toSet());
    }
  }

  private static List<String> chunkBytes(Block b) {
    List<String> out = new ArrayList<>();
    forEachChunk(b, c -> out.add(HexFormat.of().formatHex(c.bytes())));
    return out;
  }

  private static List<Integer> chunkSampleCounts(Block b) {
    List<Integer> out = new ArrayList<>();
    forEachChunk(b, c -> out.add(c.numSamples()));
    return out;
  }

  private static void forEachChunk(Block b, Consumer<Chunk> f) {
    Postings all = b.index().allPostings();
    while (all.next()) {
      for (long ref : b.index().series(all.at()).chunkRefs()) {
        f.accept(b.chunks().chunk(ref));
      }
    }
  }

  /** Flips a bit in the data of the series' last chunk, so its checksum fails when it is read. */
  private static void corruptLastChunk(Path blockDir, Labels labels) throws IOException {
    long ref;
    try (Block b = Block.open(blockDir)) {
      Postings p = b.index().postings("i", labels.get("i"));
      p.next();
      SeriesEntry e = b.index().series(p.at());
      ref = e.chunkRefs()[e.chunkCount() - 1];
    }
    Path segment = blockDir.resolve("chunks").resolve(ChunkSegments.segmentName(ChunkSegments.segmentIndex(ref) + 1));
    byte[] bytes = Files.readAllBytes(segment);
    bytes[ChunkSegments.offset(ref) + 4] ^= 0x10;
    Files.write(segment, bytes);
  }

  private static Map<Path, byte[]> dataFiles(Path... blockDirs) throws IOException {
    Map<Path, byte[]> out = new HashMap<>();
    for (Path d : blockDirs) {
      try (Stream<Path> files = Files.walk(d)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          if (!f.getFileName().toString().equals(BlockMeta.FILE_NAME)) {
            out.put(f, Files.readAllBytes(f));
          }
        }
      }
    }
    return out;
  }
}
