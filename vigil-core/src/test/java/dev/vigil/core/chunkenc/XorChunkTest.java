package dev.vigil.core.chunkenc;

import static dev.vigil.core.chunkenc.XorTestSupport.decode;
import static dev.vigil.core.chunkenc.XorTestSupport.drain;
import static dev.vigil.core.chunkenc.XorTestSupport.encode;
import static dev.vigil.core.chunkenc.XorTestSupport.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.chunkenc.XorTestSupport.Samples;
import dev.vigil.core.model.StaleMarker;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.ValueType;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XorChunkTest {
  private static final long[] T5 = {1000, 2000, 3000, 4000, 5000};

  @Test
  void encoding_isXor() {
    assertThat(XorChunk.empty().encoding()).isEqualTo(Encoding.XOR);
    assertThat(XorChunk.wrap(new byte[] {0, 0}).encoding()).isEqualTo(Encoding.XOR);
  }

  @Test
  void numSamples_countsAppendedSamples() {
    XorChunk c = XorChunk.empty();
    ChunkAppender app = c.appender();
    for (int i = 0; i < 300; i++) {
      assertThat(c.numSamples()).isEqualTo(i);
      app.append(i * 15_000L, i);
    }
    assertThat(c.numSamples()).isEqualTo(300);
  }

  @ParameterizedTest(name = "initial capacity {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 16, 32, 181, 4096})
  void seal_givesTheSameBytesWhateverTheInitialCapacity(int capacity) {
    XorAppender reference = new XorAppender();
    XorAppender sized = new XorAppender(capacity);
    java.util.Random random = new java.util.Random(capacity);
    for (int i = 0; i < 120; i++) {
      double v = random.nextDouble() * 1e6;
      reference.append(i * 15_000L, v);
      sized.append(i * 15_000L, v);
    }
    XorChunk sealed = sized.seal();
    assertThat(sealed.bytes()).isEqualTo(reference.seal().bytes());
    assertThat(sealed.numSamples()).isEqualTo(120);
    assertThat(drain(sealed.iterator(null), 200)).isEqualTo(drain(reference.seal().iterator(null), 200));
  }

  @Test
  void restart_inARegionOfDirtyBytes_writesWhatAFreshAppenderWritesAndTouchesNothingOutsideIt() {
    XorAppender writer = new XorAppender();
    XorAppender fresh = new XorAppender();
    for (int i = 0; i < 50; i++) {
      writer.append(i * 15_000L, i * 1.5);
    }
    XorChunk first = writer.seal();
    byte[] firstBytes = first.bytes().clone();
    byte[] page = new byte[1024];
    Arrays.fill(page, (byte) 0xA5);
    writer.restart(page, 100, 400);
    for (int i = 0; i < 30; i++) {
      writer.append(1_000_000L + i * 10_000L, -i);
      fresh.append(1_000_000L + i * 10_000L, -i);
    }
    assertThat(first.bytes()).isEqualTo(firstBytes);
    assertThat(writer.seal().bytes()).isEqualTo(fresh.seal().bytes());
    assertThat(writer.numSamples()).isEqualTo(30);
    for (int i = 0; i < page.length; i++) {
      if (i < 100 || i >= 500) {
        assertThat(page[i]).as("byte %d outside the region", i).isEqualTo((byte) 0xA5);
      }
    }
  }

  @Test
  void growingIntoRegionsOfASharedPage_givesTheBytesOfAnAppenderWithAnArrayOfItsOwn() {
    byte[] page = new byte[65536];
    Arrays.fill(page, (byte) 0x5A);
    int[] next = {0};
    XorAppender paged = new XorAppender(XorAppender.Unplaced.UNTIL_RESTART) {
      @Override
      protected void grow(int minCapacity) {
        int start = next[0];
        next[0] += minCapacity + 32;
        moveTo(page, start, minCapacity + 32);
      }
    };
    paged.restart(page, next[0], 10);
    next[0] += 10;
    XorAppender own = new XorAppender();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 120; i++) {
      long t = i * 15_000L + random.nextInt(50);
      double v = random.nextInt(1000) / 8.0;
      paged.append(t, v);
      own.append(t, v);
    }
    assertThat(paged.seal().bytes()).isEqualTo(own.seal().bytes());
    assertThat(paged.base()).isGreaterThan(0);
  }

  @Test
  void sizeBytes_equalsLengthOfBytes() {
    XorChunk c = encode(T5, new double[] {1, 2, 3, 4, 5});

    assertThat(c.sizeBytes()).isEqualTo(c.bytes().length);
    assertThat(XorChunk.wrap(c.bytes()).sizeBytes()).isEqualTo(c.bytes().length);
  }

  @Test
  void iterator_emptyChunk_returnsNone() {
    SampleIterator it = XorChunk.empty().iterator(null);

    assertThat(it.next()).isEqualTo(ValueType.NONE);
  }

  @Test
  void iterator_samples_areReturnedInOrder() {
    XorChunk c = encode(T5, new double[] {1.5, 2.5, 2.5, -7, 1e300});
    SampleIterator it = c.iterator(null);

    assertThat(it.next()).isEqualTo(ValueType.FLOAT);
    assertThat(it.atTime()).isEqualTo(1000);
    assertThat(it.atValue()).isEqualTo(1.5);
    assertThat(it.next()).isEqualTo(ValueType.FLOAT);
    assertThat(it.atTime()).isEqualTo(2000);
    assertThat(it.atValue()).isEqualTo(2.5);
    assertThat(decode(c)).isEqualTo(samples(T5, new double[] {1.5, 2.5, 2.5, -7, 1e300}));
  }

  @Test
  void next_afterLastSample_keepsReturningNone() {
    SampleIterator it = encode(new long[] {1}, new double[] {1}).iterator(null);
    it.next();

    assertThat(it.next()).isEqualTo(ValueType.NONE);
    assertThat(it.next()).isEqualTo(ValueType.NONE);
  }

  static Stream<Arguments> valueSeries() {
    double stale = StaleMarker.STALE_NAN;
    double subMin = Double.MIN_VALUE;
    double subMax = Double.longBitsToDouble(0x000fffffffffffffL);
    double nanPayload = Double.longBitsToDouble(0x7ff80000deadbeefL);
    double negNan = Double.longBitsToDouble(0xfff8000000000000L);
    double signalingNan = Double.longBitsToDouble(0x7ff0000000000001L);
    return Stream.of(
        Arguments.of("constant", new double[] {3, 3, 3, 3, 3}),
        Arguments.of("counter", new double[] {0, 1, 2, 3, 100}),
        Arguments.of("canonical NaN", new double[] {1, Double.NaN, Double.NaN, 1, Double.NaN}),
        Arguments.of("NaN payloads", new double[] {nanPayload, negNan, signalingNan, nanPayload, Double.NaN}),
        Arguments.of("stale marker", new double[] {1, stale, 2, stale, stale}),
        Arguments.of("negative zero", new double[] {0.0, -0.0, 0.0, -0.0, -0.0}),
        Arguments.of("infinities", new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0,
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}),
        Arguments.of("extremes", new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
            -Double.MIN_VALUE, Double.MAX_VALUE}),
        Arguments.of("subnormals", new double[] {subMin, subMax, -subMin, subMin, 0}),
        Arguments.of("all bits flip", new double[] {Double.longBitsToDouble(0), Double.longBitsToDouble(-1L),
            Double.longBitsToDouble(0), Double.longBitsToDouble(0x5555555555555555L),
            Double.longBitsToDouble(0xaaaaaaaaaaaaaaaaL)}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueSeries")
  void appendThenIterate_specialValues_keepExactBits(String name, double[] values) {
    Samples expected = samples(T5, values);

    assertThat(decode(encode(expected))).isEqualTo(expected);
  }

  @Test
  void appendThenIterate_staleMarker_keepsItsBitPattern() {
    XorChunk c = encode(new long[] {1, 2, 3}, new double[] {1, StaleMarker.STALE_NAN, 2});
    SampleIterator it = c.iterator(null);
    it.next();
    it.next();

    assertThat(Double.doubleToRawLongBits(it.atValue())).isEqualTo(StaleMarker.STALE_NAN_BITS);
    assertThat(StaleMarker.isStale(it.atValue())).isTrue();
  }

  @Test
  void appendThenIterate_negativeTimestamps_roundTrip() {
    long[] t = {-1_000_000, -999_000, -500, -1, 0, 1, 15_000};
    Samples expected = samples(t, new double[] {1, 2, 3, 4, 5, 6, 7});

    assertThat(decode(encode(expected))).isEqualTo(expected);
  }

  @Test
  void appendThenIterate_extremeTimestamps_roundTrip() {
    long[] t = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE - 1, Long.MAX_VALUE};
    Samples expected = samples(t, new double[] {1, 2, 3, 4, 5});

    assertThat(decode(encode(expected))).isEqualTo(expected);
  }

  @Test
  void seek_beforeFirstSample_positionsOnFirst() {
    SampleIterator it = encode(T5, new double[] {1, 2, 3, 4, 5}).iterator(null);

    assertThat(it.seek(Long.MIN_VALUE)).isEqualTo(ValueType.FLOAT);
    assertThat(it.atTime()).isEqualTo(1000);
    assertThat(it.atValue()).isEqualTo(1);
  }

  @Test
  void seek_exactTime_positionsOnThatSample() {
    SampleIterator it = encode(T5, new double[] {1, 2, 3, 4, 5}).iterator(null);

    assertThat(it.seek(3000)).isEqualTo(ValueType.FLOAT);
    assertThat(it.atTime()).isEqualTo(3000);
    assertThat(it.atValue()).isEqualTo(3);
  }

  @Test
  void seek_betweenSamples_positionsOnNextSample() {
    SampleIterator it = encode(T5, new double[] {1, 2, 3, 4, 5}).iterator(null);

    assertThat(it.seek(3001)).isEqualTo(ValueType.FLOAT);
    assertThat(it.atTime()).isEqualTo(4000);
  }

  @Test
  void seek_thenNext_continuesAfterSoughtSample() {
    SampleIterator it = encode(T5, new double[] {1, 2, 3, 4, 5}).iterator(null);
    it.seek(2500);

    assertThat(it.next()).isEqualTo(ValueType.FLOAT);
    assertThat(it.atTime()).isEqualTo(4000);
    assertThat(it.atValue()).isEqualTo(4);
  }

  @Test
  void seek_earlierThanCurrent_staysOnCurrentSample() {
    SampleIterator it = encode(T5, new double[] {1, 2, 3, 4, 5}).iterator(null);
    it.seek(4000);

    assertThat(it.seek(1000)).isEqualTo(ValueType.FLOAT);
    assertThat(it.atTime()).isEqualTo(4000);
    assertThat(it.seek(4000)).isEqualTo(ValueType.FLOAT);
    assertThat(it.atTime()).isEqualTo(4000);
  }

  @Test
  void seek_pastLastSample_returnsNone() {
    SampleIterator it = encode(T5, new double[] {1, 2, 3, 4, 5}).iterator(null);

    assertThat(it.seek(5001)).isEqualTo(ValueType.NONE);
    assertThat(it.next()).isEqualTo(ValueType.NONE);
  }

  @Test
  void seek_emptyChunk_returnsNone() {
    assertThat(XorChunk.empty().iterator(null).seek(Long.MIN_VALUE)).isEqualTo(ValueType.NONE);
  }

  @Test
  void iterator_reusedXorIterator_isRecycledAndStartsOver() {
    XorChunk a = encode(T5, new double[] {1, 2, 3, 4, 5});
    XorChunk b = encode(new long[] {-5, 7}, new double[] {Double.NaN, -0.0});
    SampleIterator first = a.iterator(null);
    first.next();
    first.next();

    SampleIterator second = b.iterator(first);

    assertThat(second).isSameAs(first);
    assertThat(drain(second, 10)).isEqualTo(samples(new long[] {-5, 7}, new double[] {Double.NaN, -0.0}));
  }

  @Test
  void iterator_reusedIteratorOnSameChunk_startsOver() {
    XorChunk a = encode(T5, new double[] {1, 2, 3, 4, 5});
    SampleIterator it = a.iterator(null);
    drain(it, 10);

    assertThat(drain(a.iterator(it), 10)).isEqualTo(decode(a));
  }

  @Test
  void iterator_reuseOfOtherIteratorType_returnsWorkingIterator() {
    XorChunk a = encode(T5, new double[] {1, 2, 3, 4, 5});

    SampleIterator it = a.iterator(SampleIterator.EMPTY);

    assertThat(it).isNotSameAs(SampleIterator.EMPTY);
    assertThat(drain(it, 10)).isEqualTo(decode(a));
  }

  @Test
  void iterator_takenBeforeMoreAppends_seesOnlyEarlierSamples() {
    XorChunk c = XorChunk.empty();
    ChunkAppender app = c.appender();
    app.append(1, 1);
    app.append(2, 2);
    app.append(3, 3);
    SampleIterator it = c.iterator(null);
    for (int i = 4; i < 500; i++) {
      app.append(i, i * 1.5);
    }

    assertThat(drain(it, 1000)).isEqualTo(samples(new long[] {1, 2, 3}, new double[] {1, 2, 3}));
  }

  @Test
  void wrap_bytesOfBuiltChunk_decodesSameSamples() {
    XorChunk built = encode(T5, new double[] {1, Double.NaN, StaleMarker.STALE_NAN, -0.0, 5});

    XorChunk wrapped = XorChunk.wrap(built.bytes());

    assertThat(wrapped.numSamples()).isEqualTo(5);
    assertThat(wrapped.bytes()).isEqualTo(built.bytes());
    assertThat(decode(wrapped)).isEqualTo(decode(built));
  }

  @Test
  void wrap_rangeInsideLargerArray_readsOnlyThatRange() {
    byte[] chunk = encode(T5, new double[] {1, 2, 3, 4, 5}).bytes();
    byte[] big = new byte[chunk.length + 20];
    Arrays.fill(big, (byte) 0xA5);
    System.arraycopy(chunk, 0, big, 7, chunk.length);

    XorChunk wrapped = XorChunk.wrap(big, 7, chunk.length);

    assertThat(wrapped.bytes()).isEqualTo(chunk);
    assertThat(wrapped.numSamples()).isEqualTo(5);
    assertThat(decode(wrapped)).isEqualTo(samples(T5, new double[] {1, 2, 3, 4, 5}));
  }

  @Test
  void wrap_shorterThanHeader_throwsChunkFormatException() {
    assertThatThrownBy(() -> XorChunk.wrap(new byte[0])).isInstanceOf(ChunkFormatException.class);
    assertThatThrownBy(() -> XorChunk.wrap(new byte[] {0})).isInstanceOf(ChunkFormatException.class);
    assertThatThrownBy(() -> XorChunk.wrap(new byte[] {0, 0, 0}, 2, 1)).isInstanceOf(ChunkFormatException.class);
  }

  @Test
  void wrap_headerOnly_isEmptyChunk() {
    XorChunk c = XorChunk.wrap(new byte[] {0, 0});

    assertThat(c.numSamples()).isZero();
    assertThat(c.iterator(null).next()).isEqualTo(ValueType.NONE);
  }

  @Test
  void appender_wrappedChunk_throwsIllegalState() {
    XorChunk c = XorChunk.wrap(encode(T5, new double[] {1, 2, 3, 4, 5}).bytes());

    assertThatThrownBy(c::appender).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void appender_chunkWithSamples_throwsIllegalState() {
    XorChunk c = encode(T5, new double[] {1, 2, 3, 4, 5});

    assertThatThrownBy(c::appender).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void append_beyond65535Samples_throwsAndLeavesChunkIntact() {
    XorChunk c = XorChunk.empty();
    ChunkAppender app = c.appender();
    for (int i = 0; i < 65_535; i++) {
      app.append(i, i % 7);
    }
    byte[] before = c.bytes();

    assertThatThrownBy(() -> app.append(65_535, 1)).isInstanceOf(IllegalStateException.class);
    assertThat(c.bytes()).isEqualTo(before);
    assertThat(c.numSamples()).isEqualTo(65_535);
    assertThat(decode(c).size()).isEqualTo(65_535);
  }

  @Test
  void fromCode_knownCodes_mapToEncodings() {
    assertThat(Encoding.fromCode(0)).isEqualTo(Encoding.NONE);
    assertThat(Encoding.fromCode(1)).isEqualTo(Encoding.XOR);
    assertThat(Encoding.fromCode(2)).isEqualTo(Encoding.HISTOGRAM);
    assertThat(Encoding.fromCode(3)).isEqualTo(Encoding.FLOAT_HISTOGRAM);
    assertThat(Encoding.XOR.code()).isEqualTo(1);
  }

  @Test
  void fromCode_unknownCode_isNull() {
    assertThat(Encoding.fromCode(4)).isNull();
    assertThat(Encoding.fromCode(0x81)).isNull();
  }
}
