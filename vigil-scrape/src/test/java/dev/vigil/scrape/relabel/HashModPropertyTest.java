package dev.vigil.scrape.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hashmod agrees with an independent reading of Prometheus's rule: the md5's last 8 bytes, big-endian, mod m. */
class HashModPropertyTest {
  private static final long SEED = Long.getLong("vigil.seed", System.nanoTime());

  @Test
  void hashmodIsTheUnsignedRemainderOfTheLastEightMd5BytesBigEndian() throws Exception {
    Random random = new Random(SEED);
    for (int i = 0; i < 2000; i++) {
      String value = randomValue(random);
      long modulus = random.nextBoolean() ? 1 + random.nextInt(1000) : random.nextLong() | 1;
      RelabelConfig rule = RelabelConfig.builder().action(RelabelAction.HASHMOD).sourceLabels("v")
          .targetLabel("h").modulus(modulus).build();
      String actual = Relabeling.process(Labels.of("v", value), List.of(rule)).orElseThrow().getOrEmpty("h");
      assertThat(actual).as("seed %d, value %s, modulus %s", SEED, value, Long.toUnsignedString(modulus))
          .isEqualTo(reference(value, modulus));
    }
  }

  private static String reference(String value, long modulus) throws Exception {
    byte[] md5 = MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
    BigInteger low64 = new BigInteger(1, Arrays.copyOfRange(md5, 8, 16));
    BigInteger unsignedModulus = new BigInteger(Long.toUnsignedString(modulus));
    return low64.mod(unsignedModulus).toString();
  }

  private static String randomValue(Random random) {
    StringBuilder sb = new StringBuilder();
    int length = 1 + random.nextInt(20);
    for (int i = 0; i < length; i++) {
      sb.appendCodePoint(random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x2000) : 0x20 + random.nextInt(0x5f));
    }
    return sb.toString();
  }
}
