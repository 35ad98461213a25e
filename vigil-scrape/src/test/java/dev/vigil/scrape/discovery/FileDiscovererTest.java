package dev.vigil.scrape.discovery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.Eventually;
import dev.vigil.scrape.config.FileSdConfig;
import dev.vigil.scrape.config.TargetGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDiscovererTest {
  private static final long HOUR = 3_600_000;

  @TempDir
  Path dir;
  private final List<FileDiscoverer> started = new ArrayList<>();

  @AfterEach
  void closeAll() {
    started.forEach(FileDiscoverer::close);
  }

  private Recorder start(long intervalMillis, String... patterns) {
    return start(new FileDiscoverer(new FileSdConfig(List.of(patterns), intervalMillis)));
  }

  private Recorder start(FileDiscoverer discoverer) {
    Recorder recorder = new Recorder();
    started.add(discoverer);
    discoverer.start(recorder);
    return recorder;
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  /** Writes a file whole, the way careful tools do: a temporary file renamed into place. */
  private void write(String name, String content) throws IOException {
    Path tmp = dir.resolve("." + name.replace('/', '_') + ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String json(String... addresses) {
    return "[{\"targets\": [" + java.util.Arrays.stream(addresses).map(a -> "\"" + a + "\"")
        .collect(Collectors.joining(", ")) + "]}]";
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    if (!Eventually.within(5_000, condition)) {
      throw new AssertionError("condition not met in 5 s");
    }
  }

  @Test
  void matchingJsonAndYamlFilesAreReadAtStart() throws Exception {
    write("a.json", "[{\"targets\": [\"a1:80\"], \"labels\": {\"team\": \"x\"}}]");
    write("b.yml", "- targets: [b1:80]\n- targets: [b2:80, b3:80]\n");
    write("c.txt", "not read");
    Recorder r = start(HOUR, path("*.json"), path("*.yml"));
    var groups = r.await(g -> g.size() == 3);
    assertThat(groups.get(path("a.json") + ":0")).isEqualTo(new TargetGroup(List.of(Labels.of("__address__", "a1:80")),
        Labels.of("team", "x", "__meta_filepath", path("a.json")), path("a.json") + ":0"));
    assertThat(r.addresses(path("b.yml") + ":1")).containsExactly("b2:80", "b3:80");
    assertThat(r.threads()).allMatch(name -> name.startsWith("vigil-sd-file-"));
  }

  @Test
  void aChangedFileIsReadAgainWhenTheWatcherSeesIt() throws Exception {
    write("a.json", json("old:1"));
    Recorder r = start(HOUR, path("*.json"));
    r.await(g -> List.of("old:1").equals(addresses(g, path("a.json") + ":0")));
    write("a.json", json("new:1", "new:2"));
    r.await(g -> List.of("new:1", "new:2").equals(addresses(g, path("a.json") + ":0")));
    // A file written in place (truncated, then written) ends up read too.
    Files.writeString(dir.resolve("a.json"), json("inplace:1"));
    r.await(g -> List.of("inplace:1").equals(addresses(g, path("a.json") + ":0")));
  }

  @Test
  void aNewFileMatchingTheGlobIsPickedUp() throws Exception {
    Recorder r = start(HOUR, path("*.json"));
    write("late.json", json("late:1"));
    r.await(g -> g.containsKey(path("late.json") + ":0"));
  }

  @Test
  void aDeletedFileSendsEmptyGroupsForAllItsSources() throws Exception {
    write("b.yml", "- targets: [b1]\n- targets: [b2]\n");
    write("keep.yml", "- targets: [k]\n");
    Recorder r = start(HOUR, path("*.yml"));
    r.await(g -> g.size() == 3);
    Files.delete(dir.resolve("b.yml"));
    var groups = r.await(g -> g.get(path("b.yml") + ":0").targets().isEmpty()
        && g.get(path("b.yml") + ":1").targets().isEmpty());
    assertThat(groups.get(path("b.yml") + ":1")).isEqualTo(new TargetGroup(List.of(), Labels.EMPTY, path("b.yml") + ":1"));
    assertThat(r.addresses(path("keep.yml") + ":0")).containsExactly("k");
  }

  @Test
  void aFileThatShrinksSendsEmptyGroupsForTheSourcesItLost() throws Exception {
    write("a.json", "[{\"targets\": [\"1\"]}, {\"targets\": [\"2\"]}, {\"targets\": [\"3\"]}]");
    Recorder r = start(HOUR, path("a.json"));
    r.await(g -> g.size() == 3);
    write("a.json", json("only"));
    var groups = r.await(g -> g.get(path("a.json") + ":2").targets().isEmpty());
    assertThat(groups.get(path("a.json") + ":1").targets()).isEmpty();
    assertThat(r.addresses(path("a.json") + ":0")).containsExactly("only");
  }

  @Test
  void aBadFileKeepsItsPreviousGroupsAndCountsAReadError() throws Exception {
    write("a.json", json("good:1"));
    FileDiscoverer discoverer = new FileDiscoverer(new FileSdConfig(List.of(path("*.json")), HOUR));
    Recorder r = start(discoverer);
    r.await(g -> g.containsKey(path("a.json") + ":0"));
    long before = DiscoveryMetrics.fileReadErrorsTotal();
    write("a.json", "[{\"targets\": [\"x\"], \"labelz\": {}}]");
    await(() -> discoverer.readErrors() >= 1);
    assertThat(DiscoveryMetrics.fileReadErrorsTotal()).isGreaterThan(before);
    assertThat(r.addresses(path("a.json") + ":0")).containsExactly("good:1");
    write("a.json", json("fixed:1"));
    r.await(g -> List.of("fixed:1").equals(addresses(g, path("a.json") + ":0")));
  }

  @Test
  void aFileRenamedIntoAndOutOfTheGlobComesAndGoes() throws Exception {
    Recorder r = start(HOUR, path("*.json"));
    Files.writeString(dir.resolve("x.json.part"), json("x:1"));
    Files.move(dir.resolve("x.json.part"), dir.resolve("x.json"), StandardCopyOption.ATOMIC_MOVE);
    r.await(g -> List.of("x:1").equals(addresses(g, path("x.json") + ":0")));
    Files.move(dir.resolve("x.json"), dir.resolve("y.json"), StandardCopyOption.ATOMIC_MOVE);
    r.await(g -> g.get(path("x.json") + ":0").targets().isEmpty() && g.containsKey(path("y.json") + ":0"));
    Files.move(dir.resolve("y.json"), dir.resolve("y.json.off"), StandardCopyOption.ATOMIC_MOVE);
    r.await(g -> g.get(path("y.json") + ":0").targets().isEmpty());
  }

  @Test
  void theRefreshIntervalCatchesWhatTheWatcherCannot() throws Exception {
    // The directory does not exist yet, so it cannot be watched: only the timer finds the file.
    Recorder r = start(150, path("later/*.json"));
    Files.createDirectories(dir.resolve("later"));
    Files.writeString(dir.resolve("later/a.json"), json("t:1"));
    r.await(g -> List.of("t:1").equals(addresses(g, path("later/a.json") + ":0")));
    // Once found, the directory is watched as well.
    write("later/a.json", json("t:2"));
    r.await(g -> List.of("t:2").equals(addresses(g, path("later/a.json") + ":0")));
  }

  @Test
  void hostileFilesAreRefusedAndKeepPreviousGroups() throws Exception {
    byte[] garbage = new byte[3000];
    new java.util.Random(1).nextBytes(garbage);
    List<byte[]> hostile = List.of(
        ("[" + "{\"targets\": [\"a\"]},".repeat(1_000) + "{}]").getBytes(UTF_8),
        garbage,
        ("- targets: " + "[".repeat(1_000) + "]".repeat(1_000)).getBytes(UTF_8),
        ("[" + "[".repeat(20_000) + "]".repeat(20_000) + "]").getBytes(UTF_8),
        new byte[] {'-', ' ', (byte) 0xC3, '\n'});
    int n = 0;
    for (byte[] content : hostile) {
      String name = "h" + n++ + (content[0] == '-' || content == garbage ? ".yml" : ".json");
      write(name, name.endsWith(".yml") ? "- targets: [kept]\n" : json("kept"));
      FileDiscoverer discoverer = new FileDiscoverer(new FileSdConfig(List.of(path(name)), HOUR), 4096);
      Recorder r = start(discoverer);
      r.await(g -> g.size() == 1);
      Path tmp = dir.resolve(".hostile");
      Files.write(tmp, content);
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      await(() -> discoverer.readErrors() >= 1);
      // Every change in the directory re-reads and re-sends every good file, as in Prometheus; never the bad.
      assertThat(r.updates()).as(name).allSatisfy(u -> assertThat(u).extracting(g -> g.targets().get(0))
          .containsExactly(Labels.of("__address__", "kept")));
      discoverer.close();
    }
  }

  @Test
  void aDirectoryWithAMatchingNameIsAReadError() throws Exception {
    Files.createDirectories(dir.resolve("d.json"));
    FileDiscoverer discoverer = new FileDiscoverer(new FileSdConfig(List.of(path("*.json")), HOUR));
    Recorder r = start(discoverer);
    await(() -> discoverer.readErrors() >= 1);
    assertThat(r.updates()).isEmpty();
  }

  @Test
  void closeStopsTheThreadAndTheUpdates() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    write("a.json", json("a"));
    FileDiscoverer discoverer = new FileDiscoverer(new FileSdConfig(List.of(path("*.json")), 50));
    Recorder r = start(discoverer);
    r.await(g -> g.size() == 1);
    List<Thread> mine = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.getName().startsWith("vigil-sd-file-")).toList();
    assertThat(mine).hasSize(1).allMatch(Thread::isDaemon);
    discoverer.close();
    assertThat(mine.get(0).isAlive()).isFalse();
    int updates = r.updates().size();
    write("b.json", json("b"));
    Thread.sleep(150);
    assertThat(r.updates()).hasSize(updates);
    discoverer.close();
  }

  @Test
  void aProviderClosedBeforeItStartedNeverStarts() {
    FileDiscoverer discoverer = new FileDiscoverer(new FileSdConfig(List.of(path("*.json")), HOUR));
    discoverer.close();
    Recorder r = new Recorder();
    discoverer.start(r);
    assertThat(r.updates()).isEmpty();
  }

  private static List<String> addresses(java.util.Map<String, TargetGroup> groups, String source) {
    TargetGroup g = groups.get(source);
    return g == null ? null : g.targets().stream().map(t -> t.get("__address__")).toList();
  }
}
