package dev.vigil.it;

import dev.vigil.testkit.peer.NodeExporter;
import dev.vigil.testkit.peer.PeerMissingException;
import dev.vigil.testkit.peer.Peers;
import dev.vigil.testkit.peer.PrometheusServer;
import dev.vigil.testkit.peer.Promtool;
import org.junit.jupiter.api.Assumptions;

/**
 * JUnit's side of {@link Peers}: a missing peer skips the test (or the whole class, from
 * {@code @BeforeAll}) unless {@code -Dvigil.requirePeers=true}, which fails it.
 */
final class ItPeers {
  private ItPeers() {}

  static Promtool promtool() {
    require(Promtool.NAME, Promtool.isAvailable());
    return Promtool.get();
  }

  static void prometheus() {
    require(PrometheusServer.NAME, PrometheusServer.isAvailable());
  }

  static void nodeExporter() {
    require(NodeExporter.NAME, NodeExporter.isAvailable());
  }

  private static void require(String name, boolean available) {
    try {
      Peers.require(name, available);
    } catch (PeerMissingException e) {
      Assumptions.abort(e.getMessage());
    }
  }
}
