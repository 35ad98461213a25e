package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XxHash64Test {
  /** The vectors of cespare/xxhash, the library behind Prometheus 2.42's label hashes. */
  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
    "''|ef46db3751d8e999",
    "a|d24ec4f1a98c6e5b",
    "as|1c330fb2d66be179",
    "asd|631c37ce72a97393",
    "asdf|415872f599cea71e",
    "Call me Ishmael. Some years ago--never mind how long precisely-|02a2e85470d6fd96",
  })
  void hashesAsTheReferenceImplementation(String input, String expected) {
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
    assertThat(Long.toHexString(XxHash64.hash(bytes, 0, bytes.length))).isEqualTo(expected.replaceFirst("^0+", ""));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({"'', cbf29ce484222325", "a, af63dc4c8601ec8c", "foobar, 85944171f73967e8"})
  void fnv1aHashesAsGo(String input, String expected) {
    assertThat(Long.toHexString(Fnv1a64.hash(input))).isEqualTo(expected);
  }
}
