package dev.vigil.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.chunkenc.XorChunk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The synthetic shapes compress as their descriptions promise, so a changed generator is noticed. */
class ShapeTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // shape, min and max XOR bytes per sample for 120-sample chunks
    "regular, 0.1, 0.6",
    "jittery_counter, 2.5, 4.5",
    "noisy_gauge, 5, 9",
    "random_bits, 15, 19",
    "mixed, 2, 5",
  })
  void bytesPerSample_withinRange(String shape, double min, double max) {
    SampleData data = Shape.of(shape).generate(300, 120, 42);
    XorChunk[] chunks = data.encodeAll();
    data.verify(chunks);
    double bytesPerSample = (double) SampleData.encodedBytes(chunks) / data.samples();
    assertThat(bytesPerSample).as(shape).isBetween(min, max);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"regular", "jittery_counter", "noisy_gauge", "random_bits", "mixed"})
  void generate_isDeterministic(String shape) {
    SampleData a = Shape.of(shape).generate(10, 120, 7);
    SampleData b = Shape.of(shape).generate(10, 120, 7);
    assertThat(a.times()).isEqualTo(b.times());
    assertThat(a.values()).isEqualTo(b.values());
  }
}
