package dev.vigil.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A {@link VigilServer} over {@link SmallBlocks} for a whole test class, on a free loopback port. */
public final class ApiServerFixture implements BeforeAllCallback, AfterAllCallback {
  private Path dataDir;
  private VigilServer server;
  private Http http;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("vigil-web-test");
    SmallBlocks.write(dataDir);
    server = VigilServer.start(ServerOptions.loopback(dataDir));
    http = new Http(server.baseUrl());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    server.close();
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  public Http http() {
    return http;
  }
}
