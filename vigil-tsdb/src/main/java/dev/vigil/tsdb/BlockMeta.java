package dev.vigil.tsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.tsdb.encoding.CorruptionException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A block's meta.json: its ULID, its half-open time range [minTime, maxTime), statistics and
 * compaction lineage. Written exactly as Prometheus writes it (tab-indented, members omitted when
 * zero where Prometheus omits them), through meta.json.tmp and a rename.
 */
public record BlockMeta(String ulid, long minTime, long maxTime, Stats stats, Compaction compaction, int version) {
  public static final String FILE_NAME = "meta.json";
  public static final int VERSION_1 = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Counts of the block's content; Prometheus omits zero members from the JSON. */
  public record Stats(long numSamples, long numSeries, long numChunks, long numTombstones) {}

  /** A parent block a compacted block was made from. */
  public record BlockDesc(String ulid, long minTime, long maxTime) {}

  /** Compaction lineage: level 1 for blocks cut from a head, sources are the level-1 ancestors. */
  public record Compaction(int level, List<String> sources, boolean deletable, List<BlockDesc> parents,
      boolean failed, List<String> hints) {
    public Compaction {
      sources = List.copyOf(sources);
      parents = List.copyOf(parents);
      hints = List.copyOf(hints);
    }

    public static Compaction level1(String ulid) {
      return new Compaction(1, List.of(ulid), false, List.of(), false, List.of());
    }
  }

  public static BlockMeta read(Path blockDir) throws IOException {
    Path file = blockDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      throw new CorruptionException(file, "meta.json is missing");
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new CorruptionException(file, "meta.json is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new CorruptionException(file, "meta.json does not hold a JSON object");
    }
    int version = root.path("version").asInt(-1);
    if (version != VERSION_1) {
      throw new CorruptionException(file, "unexpected meta file version " + version);
    }
    String ulid = requireText(file, root, "ulid");
    if (!Ulid.isValid(ulid)) {
      throw new CorruptionException(file, "ulid \"" + ulid + "\" is not a valid ULID");
    }
    long minTime = requireLong(file, root, "minTime");
    long maxTime = requireLong(file, root, "maxTime");
    JsonNode s = root.path("stats");
    Stats stats = new Stats(s.path("numSamples").asLong(), s.path("numSeries").asLong(), s.path("numChunks").asLong(),
        s.path("numTombstones").asLong());
    JsonNode c = root.path("compaction");
    List<String> sources = new ArrayList<>();
    c.path("sources").forEach(n -> sources.add(n.asText()));
    List<BlockDesc> parents = new ArrayList<>();
    c.path("parents").forEach(n -> parents.add(new BlockDesc(n.path("ulid").asText(), n.path("minTime").asLong(),
        n.path("maxTime").asLong())));
    List<String> hints = new ArrayList<>();
    c.path("hints").forEach(n -> hints.add(n.asText()));
    Compaction compaction = new Compaction(c.path("level").asInt(), sources, c.path("deletable").asBoolean(),
        parents, c.path("failed").asBoolean(), hints);
    return new BlockMeta(ulid, minTime, maxTime, stats, compaction, version);
  }

  private static String requireText(Path file, JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || !n.isTextual()) {
      throw new CorruptionException(file, "meta.json lacks the string field \"" + field + "\"");
    }
    return n.asText();
  }

  private static long requireLong(Path file, JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || !n.isIntegralNumber()) {
      throw new CorruptionException(file, "meta.json lacks the integer field \"" + field + "\"");
    }
    return n.asLong();
  }

  /** Writes meta.json durably: to meta.json.tmp, fsynced, then renamed over meta.json. */
  public void write(Path blockDir) throws IOException {
    Path tmp = blockDir.resolve(FILE_NAME + ".tmp");
    byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    Files.move(tmp, blockDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The JSON as Go's json.MarshalIndent(meta, "", "\t") renders it. */
  public String toJson() {
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\n");
    sb.append("\t\"ulid\": \"").append(ulid).append("\",\n");
    sb.append("\t\"minTime\": ").append(minTime).append(",\n");
    sb.append("\t\"maxTime\": ").append(maxTime).append(",\n");
    List<String> statMembers = new ArrayList<>();
    addIfNonZero(statMembers, "numSamples", stats.numSamples());
    addIfNonZero(statMembers, "numSeries", stats.numSeries());
    addIfNonZero(statMembers, "numChunks", stats.numChunks());
    addIfNonZero(statMembers, "numTombstones", stats.numTombstones());
    appendObject(sb, "stats", statMembers, "\t");
    sb.append(",\n");
    List<String> c = new ArrayList<>();
    c.add("\"level\": " + compaction.level());
    if (!compaction.sources().isEmpty()) {
      c.add("\"sources\": " + stringArray(compaction.sources(), "\t\t"));
    }
    if (compaction.deletable()) {
      c.add("\"deletable\": true");
    }
    if (!compaction.parents().isEmpty()) {
      List<String> ps = new ArrayList<>();
      for (BlockDesc p : compaction.parents()) {
        ps.add("{\n\t\t\t\t\"ulid\": \"" + p.ulid() + "\",\n\t\t\t\t\"minTime\": " + p.minTime()
            + ",\n\t\t\t\t\"maxTime\": " + p.maxTime() + "\n\t\t\t}");
      }
      c.add("\"parents\": [\n\t\t\t" + String.join(",\n\t\t\t", ps) + "\n\t\t]");
    }
    if (compaction.failed()) {
      c.add("\"failed\": true");
    }
    if (!compaction.hints().isEmpty()) {
      c.add("\"hints\": " + stringArray(compaction.hints(), "\t\t"));
    }
    appendObject(sb, "compaction", c, "\t");
    sb.append(",\n");
    sb.append("\t\"version\": ").append(version).append("\n}");
    return sb.toString();
  }

  private static void addIfNonZero(List<String> members, String name, long v) {
    if (v != 0) {
      members.add("\"" + name + "\": " + v);
    }
  }

  private static void appendObject(StringBuilder sb, String name, List<String> members, String indent) {
    sb.append(indent).append('"').append(name).append("\": ");
    if (members.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append("{\n");
    for (int i = 0; i < members.size(); i++) {
      sb.append(indent).append('\t').append(members.get(i));
      sb.append(i + 1 < members.size() ? ",\n" : "\n");
    }
    sb.append(indent).append('}');
  }

  private static String stringArray(List<String> values, String indent) {
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < values.size(); i++) {
      sb.append(indent).append('\t').append('"').append(values.get(i)).append('"');
      sb.append(i + 1 < values.size() ? ",\n" : "\n");
    }
    return sb.append(indent).append(']').toString();
  }
}
