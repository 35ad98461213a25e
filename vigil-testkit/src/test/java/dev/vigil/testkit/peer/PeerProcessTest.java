package dev.vigil.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerProcessTest {
  private static final Duration GRACE = Duration.ofSeconds(5);

  /**
   * A stand-in peer that needs nothing but the JDK running these tests: answers 200 on every path of
   * the port given first; with a second argument, a shutdown hook that never ends makes it ignore SIGTERM.
   */
  private static final String SERVER = """
      import com.sun.net.httpserver.HttpServer;
      import java.net.InetSocketAddress;

      class Server {
        public static void main(String[] args) throws Exception {
          if (args.length > 1) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
              try {
                Thread.sleep(Long.MAX_VALUE);
              } catch (InterruptedException e) {
                // Killed anyway.
              }
            }));
          }
          HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
          server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
          server.start();
        }
      }
      """;

  private static List<String> javaServer(Path dir, int port, String... extra) {
    try {
      Path source = Files.writeString(dir.resolve("Server.java"), SERVER);
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      return Stream.concat(Stream.of(java.toString(), source.toString(), Integer.toString(port)), Stream.of(extra))
          .toList();
    } catch (IOException e) {
      throw new PeerException("cannot write the stand-in server: " + e, e);
    }
  }

  @Test
  void start_waitsUntilTheReadyPathAnswers_andCloseStopsIt(@TempDir Path dir) {
    PeerProcess peer;
    try (PeerProcess p = PeerProcess.start("stand-in", port -> javaServer(dir, port), dir.resolve("work"),
        "/ready", Duration.ofSeconds(60), GRACE)) {
      peer = p;
      assertThat(p.isAlive()).isTrue();
      assertThat(p.baseUrl()).hasToString("http://127.0.0.1:" + p.port());
      assertThat(p.logFile()).isEqualTo(dir.resolve("work").resolve("stand-in-" + p.port() + ".log"));
    }
    assertThat(peer.isAlive()).isFalse();
  }

  @Test
  void close_killsAPeerThatIgnoresTerm(@TempDir Path dir) {
    PeerProcess peer = PeerProcess.start("stubborn", port -> javaServer(dir, port, "ignore-term"), dir,
        "/", Duration.ofSeconds(60), Duration.ofMillis(500));
    peer.close();
    assertThat(peer.isAlive()).isFalse();
  }

  @Test
  void start_failsWithTheLogTail_whenThePeerExits(@TempDir Path dir) {
    assertThatThrownBy(() -> PeerProcess.start("quitter", port -> List.of("sh", "-c", "echo boom; exit 3"), dir,
        "/", Duration.ofSeconds(30), GRACE))
        .isInstanceOf(PeerException.class)
        .hasMessageContaining("quitter exited with 3")
        .hasMessageContaining("boom");
  }

  @Test
  void start_triesOtherPorts_onlyWhenTheLogSaysThePortWasTaken(@TempDir Path dir) throws IOException {
    String taken = "echo 'listen tcp: bind: address already in use'; exit 1";
    assertThatThrownBy(() -> PeerProcess.start("unlucky", port -> List.of("sh", "-c", taken), dir.resolve("taken"),
        "/", Duration.ofSeconds(30), GRACE))
        .isInstanceOf(PeerException.class);
    try (Stream<Path> logs = Files.list(dir.resolve("taken"))) {
      assertThat(logs).hasSize(3);
    }

    assertThatThrownBy(() -> PeerProcess.start("broken", port -> List.of("sh", "-c", "exit 2"), dir.resolve("other"),
        "/", Duration.ofSeconds(30), GRACE))
        .isInstanceOf(PeerException.class);
    try (Stream<Path> logs = Files.list(dir.resolve("other"))) {
      assertThat(logs).hasSize(1);
    }
  }

  @Test
  void start_givesUpAfterTheReadyTimeout(@TempDir Path dir) {
    assertThatThrownBy(() -> PeerProcess.start("mute", port -> List.of("sleep", "60"), dir,
        "/", Duration.ofMillis(300), GRACE))
        .isInstanceOf(PeerException.class)
        .hasMessageContaining("mute not ready within PT0.3S");
  }
}
