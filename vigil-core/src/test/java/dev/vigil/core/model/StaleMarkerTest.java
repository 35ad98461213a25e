package dev.vigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaleMarkerTest {

  @Test
  void staleNan_hasPrometheusBitPattern() {
    assertThat(Double.doubleToRawLongBits(StaleMarker.STALE_NAN)).isEqualTo(0x7ff0000000000002L);
  }

  @Test
  void staleNan_isNaN() {
    assertThat(Double.isNaN(StaleMarker.STALE_NAN)).isTrue();
  }

  @Test
  void isStale_staleMarker_isTrue() {
    assertThat(StaleMarker.isStale(Double.longBitsToDouble(0x7ff0000000000002L))).isTrue();
  }

  @Test
  void isStale_canonicalNaN_isFalse() {
    assertThat(StaleMarker.isStale(Double.NaN)).isFalse();
  }

  @Test
  void isStale_otherNaNPayload_isFalse() {
    assertThat(StaleMarker.isStale(Double.longBitsToDouble(0x7ff0000000000001L))).isFalse();
    assertThat(StaleMarker.isStale(Double.longBitsToDouble(0xfff0000000000002L))).isFalse();
  }

  @Test
  void isStale_ordinaryValues_areFalse() {
    assertThat(StaleMarker.isStale(0.0)).isFalse();
    assertThat(StaleMarker.isStale(Double.POSITIVE_INFINITY)).isFalse();
    assertThat(StaleMarker.isStale(Double.longBitsToDouble(0x7ff0000000000000L))).isFalse();
  }
}
