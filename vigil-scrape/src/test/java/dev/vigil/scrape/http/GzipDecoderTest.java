package dev.vigil.scrape.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.scrape.loop.ScrapeFailure;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The gzip reader against Go's gzip.Reader behaviour, fed straight through a body queue. */
class GzipDecoderTest {
  private final GzipDecoder decoder = new GzipDecoder();

  /** Decodes {@code data} delivered {@code step} bytes per buffer; the text, or the failure's message. */
  private String decode(byte[] data, int step, long limit) throws Exception {
    BodyQueue queue = new BodyQueue();
    queue.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {}

      @Override
      public void cancel() {}
    });
    List<ByteBuffer> buffers = new ArrayList<>();
    for (int at = 0; at < data.length; at += step) {
      buffers.add(ByteBuffer.wrap(data, at, Math.min(step, data.length - at)).slice());
    }
    queue.onNext(buffers);
    queue.onComplete();
    BodyBuffer out = new BodyBuffer(new BufferPool());
    out.begin(0, limit);
    try {
      decoder.decode(queue, System.nanoTime() + 5_000_000_000L, out);
      return "ok:" + new String(out.array, 0, out.length, StandardCharsets.ISO_8859_1);
    } catch (ScrapeFailure e) {
      return e.getMessage();
    }
  }

  private String decode(byte[] data) throws Exception {
    String whole = decode(data, Math.max(1, data.length), Long.MAX_VALUE);
    assertThat(decode(data, 1, Long.MAX_VALUE)).as("byte by byte").isEqualTo(whole);
    assertThat(decode(data, 7, Long.MAX_VALUE)).as("7 bytes at a time").isEqualTo(whole);
    return whole;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] member(String text) throws Exception {
    return HttpScraperTest.gzip(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A member with optional header fields, written by hand (the JDK writes none of them). */
  private static byte[] memberWithHeader(String text, byte[] extra, String name, String comment, boolean headerCrc)
      throws Exception {
    byte[] plain = member(text);
    byte[] deflateAndTrailer = java.util.Arrays.copyOfRange(plain, 10, plain.length);
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    int flags = (extra != null ? 4 : 0) | (name != null ? 8 : 0) | (comment != null ? 16 : 0) | (headerCrc ? 2 : 0);
    h.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 0, 0, 0, 0, 0, (byte) 255});
    if (extra != null) {
      h.write(extra.length & 0xff);
      h.write(extra.length >> 8);
      h.writeBytes(extra);
    }
    if (name != null) {
      h.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
      h.write(0);
    }
    if (comment != null) {
      h.writeBytes(comment.getBytes(StandardCharsets.ISO_8859_1));
      h.write(0);
    }
    if (headerCrc) {
      CRC32 crc = new CRC32();
      crc.update(h.toByteArray());
      h.write((int) crc.getValue() & 0xff);
      h.write((int) (crc.getValue() >> 8) & 0xff);
    }
    return concat(h.toByteArray(), deflateAndTrailer);
  }

  @Test
  void readsMembersWithEveryHeaderField() throws Exception {
    assertThat(decode(member("up 1\n"))).isEqualTo("ok:up 1\n");
    assertThat(decode(memberWithHeader("up 1\n", new byte[] {1, 2, 3}, "metrics.txt", "a comment", true)))
        .isEqualTo("ok:up 1\n");
    assertThat(decode(concat(member("a 1\n"), memberWithHeader("b 2\n", null, "n", null, false), member(""))))
        .isEqualTo("ok:a 1\nb 2\n");
  }

  @Test
  void malformedStreamsFailWithGoTexts() throws Exception {
    byte[] good = member("up 1\n");
    assertThat(decode(new byte[0])).isEqualTo("EOF");
    assertThat(decode(new byte[] {0x1f, (byte) 0x8b, 8})).isEqualTo("unexpected EOF");
    assertThat(decode("up 1\nup 2\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("gzip: invalid header");

    byte[] badHeaderCrc = memberWithHeader("x", null, null, null, true);
    badHeaderCrc[10] ^= 1;
    assertThat(decode(badHeaderCrc)).isEqualTo("gzip: invalid header");
    assertThat(decode(memberWithHeader("x", null, "n".repeat(512), null, false))).isEqualTo("gzip: invalid header");
    byte[] nameCut = memberWithHeader("x", null, "name", null, false);
    assertThat(decode(java.util.Arrays.copyOf(nameCut, 12))).isEqualTo("EOF"); // Go's readString returns io.EOF

    assertThat(decode(java.util.Arrays.copyOf(good, good.length - 3))).isEqualTo("unexpected EOF");
    assertThat(decode(java.util.Arrays.copyOf(good, 14))).isEqualTo("unexpected EOF");
    byte[] badSize = good.clone();
    badSize[good.length - 1] ^= 1;
    assertThat(decode(badSize)).isEqualTo("gzip: invalid checksum");

    // After a good member: Go reads another header. Trailing garbage is an invalid header, a few
    // trailing bytes an unexpected EOF, a cut name in the next header a clean end.
    assertThat(decode(concat(good, "garbage-garbage".getBytes(StandardCharsets.US_ASCII)))).isEqualTo("gzip: invalid header");
    assertThat(decode(concat(good, new byte[] {0, 0, 0}))).isEqualTo("unexpected EOF");
    assertThat(decode(concat(good, java.util.Arrays.copyOf(nameCut, 12)))).isEqualTo("ok:up 1\n");

    byte[] corrupt = good.clone();
    corrupt[10] = (byte) 0xff; // block type 3 does not exist
    assertThat(decode(corrupt)).startsWith("flate: corrupt input before offset ");
  }

  @Test
  void stopsAtTheLimitAsALimitReaderWould() throws Exception {
    byte[] data = member("x".repeat(1000));
    assertThat(decode(data, 64, 1001)).isEqualTo("ok:" + "x".repeat(1000));
    assertThat(decode(data, 64, 1000)).isEqualTo("body size limit exceeded");
    assertThat(decode(data, 64, 10)).isEqualTo("body size limit exceeded");
    // A corrupt checksum after the limit is never reached, as in Go.
    byte[] badChecksum = data.clone();
    badChecksum[data.length - 8] ^= 1;
    assertThat(decode(badChecksum, 64, 1000)).isEqualTo("body size limit exceeded");
    assertThat(decode(badChecksum, 64, 1001)).isEqualTo("gzip: invalid checksum");
  }
}
