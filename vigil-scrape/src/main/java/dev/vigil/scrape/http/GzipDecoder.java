package dev.vigil.scrape.http;

import dev.vigil.scrape.loop.ScrapeFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Go's {@code gzip.Reader} (multistream, as Prometheus uses it) over a {@link BodySource}, inflating
 * straight into the scraper's buffer and stopping once the body size limit is reached, so a gzip bomb
 * costs no more than the limit. Errors carry Go's texts: {@code gzip: invalid header},
 * {@code gzip: invalid checksum}, {@code unexpected EOF}, {@code EOF} (an empty body), and
 * {@code flate: corrupt input before offset N} (N counts the compressed bytes zlib had consumed, which
 * can differ from the offset Go's own inflater stops at). One decoder per scraper, reused.
 */
final class GzipDecoder {
  private static final int MAX_STRING = 512; // Go reads header strings into a [512]byte

  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] scratch = new byte[MAX_STRING];

  private BodySource queue;
  private long deadline;
  private ByteBuffer in;
  private boolean firstHeader;
  private long memberSize;

  /**
   * Decodes the whole body into {@code out} (appending from its current length).
   *
   * @throws ScrapeFailure with Go's text for a malformed stream, or the body size limit text
   * @throws BodySource.DeadlineExceeded when the deadline passes first
   * @throws IOException when the exchange fails underneath
   */
  void decode(BodySource body, long deadlineNanos, BodyBuffer out)
      throws ScrapeFailure, BodySource.DeadlineExceeded, IOException, InterruptedException {
    this.queue = body;
    this.deadline = deadlineNanos;
    this.in = null;
    try {
      firstHeader = true;
      if (!readHeader()) {
        throw new ScrapeFailure("EOF"); // gzip.NewReader on an empty body returns io.EOF
      }
      firstHeader = false;
      do {
        inflateMember(out);
        readTrailer();
      } while (readHeader());
    } finally {
      this.queue = null;
      this.in = null;
      inflater.reset();
    }
  }

  private void inflateMember(BodyBuffer out)
      throws ScrapeFailure, BodySource.DeadlineExceeded, IOException, InterruptedException {
    long size = 0;
    while (true) {
      if (out.full()) {
        throw new ScrapeFailure(HttpScraperFactory.BODY_SIZE_LIMIT_EXCEEDED);
      }
      int room = out.room();
      int n;
      try {
        n = inflater.inflate(out.array, out.length, room);
      } catch (DataFormatException e) {
        throw new ScrapeFailure("flate: corrupt input before offset " + inflater.getBytesRead());
      }
      if (n > 0) {
        crc.update(out.array, out.length, n);
        out.length += n;
        size += n;
        continue;
      }
      if (inflater.finished()) {
        memberSize = size;
        return;
      }
      if (inflater.needsDictionary()) {
        throw new ScrapeFailure("flate: corrupt input before offset " + inflater.getBytesRead());
      }
      if (inflater.needsInput()) {
        if (!fill()) {
          throw new ScrapeFailure("unexpected EOF");
        }
        inflater.setInput(in); // the inflater advances the buffer's position as it consumes it
      }
    }
  }

  private void readTrailer() throws ScrapeFailure, BodySource.DeadlineExceeded, IOException, InterruptedException {
    if (readFull(scratch, 8) < 8) {
      throw new ScrapeFailure("unexpected EOF");
    }
    long digest = le32(scratch, 0);
    long size = le32(scratch, 4);
    if (digest != crc.getValue() || size != (memberSize & 0xffffffffL)) {
      throw new ScrapeFailure("gzip: invalid checksum");
    }
  }

  /** Go's {@code readHeader}: true for a member, false where Go sees io.EOF (no further member). */
  private boolean readHeader() throws ScrapeFailure, BodySource.DeadlineExceeded, IOException, InterruptedException {
    byte[] h = scratch;
    int got = readFull(h, 10);
    if (got == 0) {
      return false;
    }
    if (got < 10) {
      throw new ScrapeFailure("unexpected EOF");
    }
    if (h[0] != 0x1f || h[1] != (byte) 0x8b || h[2] != 8) {
      throw new ScrapeFailure("gzip: invalid header");
    }
    int flags = h[3] & 0xff;
    crc.reset();
    crc.update(h, 0, 10);
    if ((flags & 0x04) != 0) { // FEXTRA
      if (readFull(h, 2) < 2) {
        throw new ScrapeFailure("unexpected EOF");
      }
      crc.update(h, 0, 2);
      int extra = (h[0] & 0xff) | (h[1] & 0xff) << 8;
      while (extra > 0) {
        int chunk = Math.min(extra, h.length);
        if (readFull(h, chunk) < chunk) {
          throw new ScrapeFailure("unexpected EOF");
        }
        crc.update(h, 0, chunk);
        extra -= chunk;
      }
    }
    if ((flags & 0x08) != 0 && !skipString()) { // FNAME
      return false;
    }
    if ((flags & 0x10) != 0 && !skipString()) { // FCOMMENT
      return false;
    }
    if ((flags & 0x02) != 0) { // FHCRC
      if (readFull(h, 2) < 2) {
        throw new ScrapeFailure("unexpected EOF");
      }
      int stored = (h[0] & 0xff) | (h[1] & 0xff) << 8;
      if (stored != (int) (crc.getValue() & 0xffff)) {
        throw new ScrapeFailure("gzip: invalid header");
      }
    }
    crc.reset();
    inflater.reset();
    return true;
  }

  /**
   * Go's {@code readString}: a NUL-terminated string of under 512 bytes. At the end of the body it
   * returns Go's bare io.EOF, which a first header reports as {@code EOF} and a later one ends on.
   */
  private boolean skipString() throws ScrapeFailure, BodySource.DeadlineExceeded, IOException, InterruptedException {
    for (int i = 0; ; i++) {
      if (i >= MAX_STRING) {
        throw new ScrapeFailure("gzip: invalid header");
      }
      int b = readByte();
      if (b < 0) {
        if (firstHeader) {
          throw new ScrapeFailure("EOF");
        }
        return false;
      }
      crc.update(b);
      if (b == 0) {
        return true;
      }
    }
  }

  private boolean fill() throws BodySource.DeadlineExceeded, IOException, InterruptedException {
    while (in == null || !in.hasRemaining()) {
      in = queue.next(deadline);
      if (in == null) {
        return false;
      }
    }
    return true;
  }

  private int readByte() throws BodySource.DeadlineExceeded, IOException, InterruptedException {
    return fill() ? in.get() & 0xff : -1;
  }

  private int readFull(byte[] b, int n) throws BodySource.DeadlineExceeded, IOException, InterruptedException {
    int got = 0;
    while (got < n && fill()) {
      int k = Math.min(n - got, in.remaining());
      in.get(b, got, k);
      got += k;
    }
    return got;
  }

  private static long le32(byte[] b, int off) {
    return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
  }
}
