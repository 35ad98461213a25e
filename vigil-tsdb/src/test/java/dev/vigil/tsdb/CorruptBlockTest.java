package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.core.storage.StorageException;
import dev.vigil.core.storage.ValueType;
import dev.vigil.tsdb.encoding.CorruptionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged blocks fail with an error naming the file (and offset), never a crash, a hang or silent garbage. */
class CorruptBlockTest {
  @TempDir
  Path parent;

  private Path blockDir;
  private String cleanDump;

  @BeforeEach
  void writeBlock() throws IOException {
    BlockBuilder builder = new BlockBuilder(4 * 3600_000L);
    Random r = new Random(42);
    for (int s = 0; s < 50; s++) {
      Labels l = Labels.of("__name__", "m" + (s % 5), "i", Integer.toString(s));
      long t = 1_700_000_000_000L;
      for (int i = 0; i < 300; i++) {
        builder.append(l, t, r.nextInt(1000) / 10.0);
        t += 15_000;
      }
    }
    blockDir = parent.resolve(builder.write(parent, Ulid.generate(1_700_000_000_000L)).ulid());
    cleanDump = dump(blockDir);
  }

  /** Reads every sample of every series, as text, so that any decoding path is exercised. */
  private static String dump(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Block block = Block.open(dir); Querier q = block.querier(Long.MIN_VALUE, Long.MAX_VALUE)) {
      SeriesSet set = q.select(QueryContext.BACKGROUND, true, null, Matcher.regex("__name__", ".+"));
      SampleIterator it = null;
      while (set.next()) {
        it = set.at().iterator(it);
        while (it.next() == ValueType.FLOAT) {
          sb.append(set.at().labels()).append(' ').append(it.atTime()).append(' ')
              .append(Double.doubleToRawLongBits(it.atValue())).append('\n');
        }
      }
    }
    return sb.toString();
  }

  private Path file(String name) {
    return name.equals("chunks") ? blockDir.resolve("chunks").resolve("000001") : blockDir.resolve(name);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"index", "chunks", "meta.json", "tombstones"})
  void missingFile_isReportedByName(String name) throws IOException {
    Files.delete(file(name));
    assertThatThrownBy(() -> dump(blockDir)).isInstanceOf(StorageException.class)
        .hasMessageContaining(name.equals("chunks") ? "chunks" : name);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"index", "chunks", "meta.json", "tombstones"})
  void truncatedFile_failsWithItsNameOrReadsTheSameData(String name) throws IOException {
    Path f = file(name);
    byte[] original = Files.readAllBytes(f);
    Random r = new Random(7);
    for (int i = 0; i < 40; i++) {
      int cut = i < 5 ? i : r.nextInt(original.length);
      Files.write(f, java.util.Arrays.copyOf(original, cut));
      assertCorruptOrUnchanged(f, "truncated to " + cut + " bytes");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"index", "chunks", "meta.json", "tombstones"})
  void flippedBit_failsWithItsNameOrReadsTheSameData(String name) throws IOException {
    Path f = file(name);
    byte[] original = Files.readAllBytes(f);
    Random r = new Random(11);
    for (int i = 0; i < 200; i++) {
      byte[] damaged = original.clone();
      int at = r.nextInt(damaged.length);
      damaged[at] ^= (byte) (1 << r.nextInt(8));
      Files.write(f, damaged);
      assertCorruptOrUnchanged(f, "bit flipped at offset " + at);
    }
  }

  private void assertCorruptOrUnchanged(Path f, String what) {
    String result;
    try {
      result = dump(blockDir);
    } catch (CorruptionException e) {
      assertThat(e.getMessage()).as(what).contains(f.getFileName().toString());
      return;
    } catch (StorageException e) {
      // Chunk payloads are only decodable by content; their CRC is checked first, so this is the
      // chunk decoder noticing damage that the CRC cannot, which may not know the file.
      return;
    } catch (IOException e) {
      throw new AssertionError(what + ": I/O error instead of a corruption report", e);
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": unexpected " + e, e);
    }
    // Undetected damage is acceptable only where the format has no checksum (padding, meta.json
    // whitespace) and must then not change what is read.
    if (!f.getFileName().toString().equals("meta.json")) {
      assertThat(result).as(what + " changed the data without being detected").isEqualTo(cleanDump);
    }
  }

  @Test
  void unsupportedMetaVersion_isRejected() throws IOException {
    Path meta = blockDir.resolve("meta.json");
    Files.writeString(meta, Files.readString(meta).replace("\"version\": 1", "\"version\": 2"));
    assertThatThrownBy(() -> Block.open(blockDir)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("meta.json").hasMessageContaining("version 2");
  }
}
