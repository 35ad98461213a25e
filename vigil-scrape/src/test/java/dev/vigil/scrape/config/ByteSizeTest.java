package dev.vigil.scrape.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"10MB, 10485760", "1GB512MB, 1610612736", "1.5KiB, 1536", "0, 0", "-1KB, -1024"})
  void readsUnitsAsPowersOf1024(String text, long bytes) {
    assertThat(ByteSize.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0, 0B", "1, 1B", "1024, 1KiB", "1500, 1KiB476B", "10485760, 10MiB", "1610612736, 1GiB512MiB",
      "-1024, -1KiB", "9223372036854775807, 7EiB1023PiB1023TiB1023GiB1023MiB1023KiB1023B"})
  void writesEachNonZeroPartInIecUnitsLargestFirst(long bytes, String text) {
    assertThat(ByteSize.format(bytes)).isEqualTo(text);
  }
}
