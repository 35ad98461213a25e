package dev.vigil.core.chunkenc;

import static dev.vigil.core.chunkenc.XorTestSupport.b;
import static dev.vigil.core.chunkenc.XorTestSupport.bits;
import static dev.vigil.core.chunkenc.XorTestSupport.bits64;
import static dev.vigil.core.chunkenc.XorTestSupport.decode;
import static dev.vigil.core.chunkenc.XorTestSupport.encode;
import static dev.vigil.core.chunkenc.XorTestSupport.hex;
import static dev.vigil.core.chunkenc.XorTestSupport.repeat;
import static dev.vigil.core.chunkenc.XorTestSupport.samples;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte- and bit-exact expectations, computed by hand from the XOR layout (prometheus.md 2.2) and
 * Prometheus v2.42 {@code tsdb/chunkenc}. One detail the layout table leaves out: Go's
 * {@code bstream.writeByte} always opens a fresh byte after the one it completes, so when a chunk
 * ends with whole bytes written from a byte boundary (always after sample 0), Prometheus's chunk
 * carries one extra zero byte. We store the same bytes.
 */
class XorChunkGoldenTest {

  @Test
  void bytes_emptyChunk_isZeroCount() {
    assertThat(XorChunk.empty().bytes()).isEqualTo(hex("00 00"));
  }

  @Test
  void bytes_oneSample_isVarintTimeRawValueAndGoPaddingByte() {
    // varint(1000): zigzag 2000 = 0x7d0 -> d0 0f; 1.0 = 3ff0000000000000; then Go's fresh empty byte.
    XorChunk c = encode(new long[] {1000}, new double[] {1.0});

    assertThat(c.bytes()).isEqualTo(hex("00 01 d0 0f 3f f0 00 00 00 00 00 00 00"));
  }

  @Test
  void bytes_twoEqualSamples_areUvarintDeltaAndZeroBit() {
    // uvarint(1000) = e8 07; the unchanged value is one 0 bit, which fills the padding byte.
    XorChunk c = encode(new long[] {1000, 2000}, new double[] {1.0, 1.0});

    assertThat(c.bytes()).isEqualTo(hex("00 02 d0 0f 3f f0 00 00 00 00 00 00 e8 07 00"));
  }

  @Test
  void bytes_threeSamples_matchHandEncoding() {
    // s1 value: 0. s2: dod 0 -> 0; 1.0^2.0 = 7ff0000000000000: 1, new window 1, leading 00001,
    // sigbits 001011 (11), 11111111111 -> 0011 0000 1001 0111 1111 1111 11(00 0000).
    XorChunk c = encode(new long[] {1000, 2000, 3000}, new double[] {1.0, 1.0, 2.0});

    assertThat(c.bytes()).isEqualTo(hex("00 03 d0 0f 3f f0 00 00 00 00 00 00 e8 07 30 97 ff c0"));
  }

  @Test
  void bytes_dodOfOne_uses14BitBucket() {
    // s1 value 0; s2: 10 00000000000001 (dod 1), value 0 -> 0100 0000 0000 0000 10(00 0000).
    XorChunk c = encode(new long[] {0, 1000, 2001}, new double[] {0.0, 0.0, 0.0});

    assertThat(c.bytes()).isEqualTo(hex("00 03 00 00 00 00 00 00 00 00 00 e8 07 40 00 80"));
  }

  @Test
  void bytes_windowReuseEndingOnByteBoundary_endWithGoPaddingByte() {
    // s1: delta 00ff000000000000 -> 1 1 01000 001000 11111111; s2: dod 0, delta 0001000000000000 fits
    // the window -> 1 0 00000001. 32 bits, the last 8 written from a byte boundary.
    XorChunk c = encode(
        new long[] {0, 1, 2},
        new double[] {
          Double.longBitsToDouble(0x3ff0000000000000L),
          Double.longBitsToDouble(0x3f0f000000000000L),
          Double.longBitsToDouble(0x3f0e000000000000L)
        });

    assertThat(c.bytes()).isEqualTo(hex("00 03 00 3f f0 00 00 00 00 00 00 01 d0 47 fa 01 00"));
  }

  @Test
  void bytes_negativeTimestamp_isZigzagVarint() {
    // zigzag(-1000) = 1999 = 0x7cf -> cf 0f.
    XorChunk c = encode(new long[] {-1000}, new double[] {0.0});

    assertThat(c.bytes()).isEqualTo(hex("00 01 cf 0f 00 00 00 00 00 00 00 00 00"));
  }

  @Test
  void bytes_minimumTimestamp_isTenByteVarint() {
    XorChunk c = encode(new long[] {Long.MIN_VALUE}, new double[] {0.0});

    assertThat(c.bytes()).isEqualTo(hex("00 01 ff ff ff ff ff ff ff ff ff 01 00 00 00 00 00 00 00 00 00"));
  }

  @Test
  void bytes_maximumTimestamp_isTenByteVarint() {
    XorChunk c = encode(new long[] {Long.MAX_VALUE}, new double[] {0.0});

    assertThat(c.bytes()).isEqualTo(hex("00 01 fe ff ff ff ff ff ff ff ff 01 00 00 00 00 00 00 00 00 00"));
  }

  @Test
  void bytes_largestFirstDelta_isNineByteUvarint() {
    XorChunk c = encode(new long[] {-1, Long.MAX_VALUE - 1}, new double[] {0.0, 0.0});

    assertThat(c.bytes())
        .isEqualTo(hex("00 02 01 00 00 00 00 00 00 00 00 ff ff ff ff ff ff ff ff 7f 00"));
    assertThat(decode(c)).isEqualTo(samples(new long[] {-1, Long.MAX_VALUE - 1}, new double[] {0.0, 0.0}));
  }

  static Stream<Arguments> dodBuckets() {
    return Stream.of(
        Arguments.of("zero", 0L, "0"),
        Arguments.of("+1", 1L, b("10 00000000000001")),
        Arguments.of("-1", -1L, b("10 11111111111111")),
        Arguments.of("14-bit lowest -8191", -8191L, b("10 10000000000001")),
        Arguments.of("14-bit highest 8192", 8192L, b("10 10000000000000")),
        Arguments.of("17-bit just below -8192", -8192L, b("110 11110000000000000")),
        Arguments.of("17-bit just above 8193", 8193L, b("110 00010000000000001")),
        Arguments.of("17-bit lowest -65535", -65535L, b("110 10000000000000001")),
        Arguments.of("17-bit highest 65536", 65536L, b("110 10000000000000000")),
        Arguments.of("20-bit just below -65536", -65536L, b("1110 11110000000000000000")),
        Arguments.of("20-bit just above 65537", 65537L, b("1110 00010000000000000001")),
        Arguments.of("20-bit lowest -524287", -524287L, b("1110 10000000000000000001")),
        Arguments.of("20-bit highest 524288", 524288L, b("1110 10000000000000000000")),
        Arguments.of("64-bit just below -524288", -524288L, "1111" + repeat('1', 45) + repeat('0', 19)),
        Arguments.of("64-bit just above 524289", 524289L, "1111" + repeat('0', 44) + b("1000 0000 0000 0000 0001")),
        Arguments.of("64-bit huge 2^40", 1L << 40, "1111" + repeat('0', 23) + "1" + repeat('0', 40)),
        Arguments.of("64-bit huge 2^62", 1L << 62, "1111" + "01" + repeat('0', 62)),
        Arguments.of("64-bit negative -999999", -999_999L, "1111" + bits64(-999_999L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dodBuckets")
  void append_deltaOfDelta_isWrittenInItsBucket(String name, long dod, String expected) {
    // t1 - t0 = 1e6 so negative dods keep time increasing. Bits: header 16 + varint(0) 8 + value 64
    // + uvarint(1e6) 24 = 112; then s1's unchanged-value bit, then s2's dod and its unchanged-value bit.
    long[] t = {0, 1_000_000, 2_000_000 + dod};
    XorChunk c = encode(t, new double[] {0.0, 0.0, 0.0});

    assertThat(bits(c.bytes(), 112, expected.length() + 2)).isEqualTo("0" + expected + "0");
    assertThat(decode(c)).isEqualTo(samples(t, new double[] {0.0, 0.0, 0.0}));
  }

  static Stream<Arguments> valueEncodings() {
    return Stream.of(
        Arguments.of("equal", 0x3ff0000000000000L, 0x3ff0000000000000L, "0"),
        Arguments.of("1.0 to 2.0, new window", 0x3ff0000000000000L, 0x4000000000000000L,
            b("1 1 00001 001011 11111111111")),
        Arguments.of("sign flip, one significant bit", 0x3ff0000000000000L, 0xbff0000000000000L,
            b("1 1 00000 000001 1")),
        Arguments.of("lowest bit, leading zeros clamped to 31", 0x3ff0000000000000L, 0x3ff0000000000001L,
            b("1 1 11111 100001") + repeat('0', 32) + "1"),
        Arguments.of("64 significant bits written as 0", 0x3ff0000000000000L, 0xbff0000000000001L,
            b("1 1 00000 000000") + "1" + repeat('0', 62) + "1"),
        Arguments.of("stale marker from 0.0", 0L, 0x7ff0000000000002L,
            b("1 1 00001 111110") + repeat('1', 11) + repeat('0', 50) + "1"),
        Arguments.of("negative zero from 0.0", 0L, 0x8000000000000000L, b("1 1 00000 000001 1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueEncodings")
  void append_secondValue_isXorEncoded(String name, long v0, long v1, String expected) {
    // Bits: header 16 + varint(0) 8 + value 64 + uvarint(1) 8 = 96.
    XorChunk c = encode(new long[] {0, 1}, new double[] {Double.longBitsToDouble(v0), Double.longBitsToDouble(v1)});

    assertThat(bits(c.bytes(), 96, expected.length())).isEqualTo(expected);
    assertThat(c.bytes()).hasSize(12 + (expected.length() + 7) / 8);
    assertThat(decode(c).v).containsExactly(v0, v1);
  }

  @Test
  void append_valueFittingPreviousWindow_reusesIt() {
    // s1 opens a window of 8 leading / 48 trailing zeros; s2's delta (15 leading, 48 trailing) fits it.
    XorChunk c = encode(
        new long[] {0, 1, 2},
        new double[] {
          Double.longBitsToDouble(0x3ff0000000000000L),
          Double.longBitsToDouble(0x3f0f000000000000L),
          Double.longBitsToDouble(0x3f0e000000000000L)
        });

    assertThat(bits(c.bytes(), 96 + 21, 1 + 10)).isEqualTo(b("0 1 0 00000001"));
  }

  @Test
  void append_valueWithFewerTrailingZerosThanWindow_opensNewWindow() {
    // s1: 1.0 -> 2.0 opens leading 1 / trailing 52; s2 differs in bit 0, so trailing 0 < 52.
    XorChunk c = encode(
        new long[] {0, 1, 2},
        new double[] {1.0, 2.0, Double.longBitsToDouble(0x4000000000000001L)});

    // s1 occupies 2 + 5 + 6 + 11 = 24 bits from 96; s2: dod 0, then 1 1 11111 100001 + 33 bits.
    assertThat(bits(c.bytes(), 120, 1 + 13 + 33)).isEqualTo(b("0 1 1 11111 100001") + repeat('0', 32) + "1");
  }

  @Test
  void append_valueEqualAtSecondSample_leavesWindowUnsetSoThirdOpensOne() {
    XorChunk c = encode(new long[] {0, 1, 2}, new double[] {1.0, 1.0, 2.0});

    // s1: value 0 at 96; s2: dod 0 at 97, then a new window (1 1 ...) although none was ever set.
    assertThat(bits(c.bytes(), 96, 2 + 24)).isEqualTo(b("0 0 1 1 00001 001011 11111111111"));
  }
}
