package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Murmur3x128Test {

  /**
   * SMHasher's verification of MurmurHash3_x64_128: the keys {}, {0}, {0,1}, ... {0..254} hashed with
   * seeds 256, 255, ... 1, their 16-byte outputs concatenated and hashed with seed 0; the first four
   * bytes of that, little-endian, are 0x6384BA69.
   */
  @Test
  void passesSmHashersVerification() {
    byte[] key = new byte[256];
    ByteBuffer hashes = ByteBuffer.allocate(16 * 256).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 256; i++) {
      key[i] = (byte) i;
      Murmur3x128 hasher = new Murmur3x128(256 - i);
      hasher.hash(key, 0, i);
      hashes.putLong(hasher.first()).putLong(hasher.second());
    }
    Murmur3x128 last = new Murmur3x128(0);
    last.hash(hashes.array(), 0, hashes.capacity());

    assertThat((int) last.first()).isEqualTo(0x6384BA69);
  }

  @Test
  void hashesOnlyTheRangeGiven() {
    byte[] text = "up{job=\"api\"}".getBytes(StandardCharsets.UTF_8);
    byte[] padded = ("xx" + "up{job=\"api\"}" + "yyyyyyyyyyyyyyyyyyy").getBytes(StandardCharsets.UTF_8);
    Murmur3x128 a = new Murmur3x128(42);
    Murmur3x128 b = new Murmur3x128(42);

    a.hash(text, 0, text.length);
    b.hash(padded, 2, 2 + text.length);

    assertThat(b.first()).isEqualTo(a.first());
    assertThat(b.second()).isEqualTo(a.second());
  }

  @Test
  void bytesAfterTheRangeNeverChangeTheHash() {
    Murmur3x128 exact = new Murmur3x128(3);
    Murmur3x128 padded = new Murmur3x128(3);
    for (int length = 0; length <= 40; length++) {
      byte[] text = new byte[length];
      byte[] inBody = new byte[length + 9];
      java.util.Arrays.fill(inBody, (byte) 0xFF);
      for (int i = 0; i < length; i++) {
        text[i] = (byte) ('a' + i % 26);
        inBody[1 + i] = text[i];
      }
      exact.hash(text, 0, length);
      padded.hash(inBody, 1, 1 + length);

      assertThat(padded.first()).as("length %d", length).isEqualTo(exact.first());
      assertThat(padded.second()).as("length %d", length).isEqualTo(exact.second());
    }
  }

  @Test
  void distinctTextsOfEveryLengthUpToSeventyGetDistinctHashes() {
    Murmur3x128 hasher = new Murmur3x128(7);
    Map<String, String> textByHash = new HashMap<>();
    for (int length = 0; length <= 70; length++) {
      for (int variant = 0; variant < 200; variant++) {
        byte[] text = new byte[length];
        for (int i = 0; i < length; i++) {
          text[i] = (byte) ('a' + (i * 31 + variant) % 26);
        }
        if (length > 0) {
          text[variant % length] = (byte) variant;
        }
        hasher.hash(text, 0, length);
        String textString = new String(text, StandardCharsets.ISO_8859_1);
        String previous = textByHash.putIfAbsent(hasher.first() + "/" + hasher.second(), textString);
        assertThat(previous == null || previous.equals(textString)).as("texts sharing a hash").isTrue();
      }
    }
  }
}
