package dev.vigil.bench.scrape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A target's body for the latest epoch, rendered once and gzipped at most once, however many servers
 * scrape it: the farm's own CPU must stay small next to the servers it shares the machine with.
 */
final class EpochFrames {
  private final TargetExposition exposition;
  private long epoch = -1;
  private byte[] plain;
  private byte[] gzipped;

  EpochFrames(TargetExposition exposition) {
    this.exposition = exposition;
  }

  synchronized byte[] plain(long epoch) {
    advance(epoch);
    return plain;
  }

  synchronized byte[] gzipped(long epoch) {
    advance(epoch);
    if (gzipped == null) {
      gzipped = gzip(plain);
    }
    return gzipped;
  }

  /** Never goes back: a request that read the clock just before the epoch turned gets the newer body. */
  private void advance(long epoch) {
    if (epoch > this.epoch) {
      this.epoch = epoch;
      plain = exposition.render(epoch);
      gzipped = null;
    }
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
    // The fastest level: the scrapers' work to inflate hardly depends on it, the farm's work does.
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
