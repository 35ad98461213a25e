package dev.vigil.core.labels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.model.Seeded;
import org.junit.jupiter.api.Test;

class Utf8OrderTest {

  @Test
  void compare_equalStrings_isZero() {
    assertThat(Utf8Order.compare("job", new String("job"))).isZero();
  }

  @Test
  void compare_ascii_ordersByByteValue() {
    assertThat(Utf8Order.compare("B", "a")).isNegative();
    assertThat(Utf8Order.compare("a", "b")).isNegative();
    assertThat(Utf8Order.compare("b", "a")).isPositive();
  }

  @Test
  void compare_prefix_sortsFirst() {
    assertThat(Utf8Order.compare("", "a")).isNegative();
    assertThat(Utf8Order.compare("ab", "abc")).isNegative();
    assertThat(Utf8Order.compare("abc", "ab")).isPositive();
  }

  @Test
  void compare_supplementaryCharacter_sortsAfterEveryBmpCharacter() {
    // UTF-16 puts U+1F600 (surrogates D83D DE00) below U+FFFD; UTF-8 (F0.. vs EF..) puts it above.
    assertThat("\uFFFD".compareTo("\uD83D\uDE00")).isPositive();
    assertThat(Utf8Order.compare("\uFFFD", "\uD83D\uDE00")).isNegative();
    assertThat(Utf8Order.compare("\uE000", "\uD800\uDC00")).isNegative();
    assertThat(Utf8Order.compare("\uD7FF", "\uD800\uDC00")).isNegative();
  }

  @Test
  void compare_supplementaryCharacters_orderByCodePoint() {
    assertThat(Utf8Order.compare("\uD83D\uDE00", "\uD83D\uDE01")).isNegative();
    assertThat(Utf8Order.compare("\uDBFF\uDFFF", "\uD800\uDC00")).isPositive();
  }

  @Test
  void compare_randomStrings_agreesWithUtf8ByteOrder() {
    Seeded.run(r -> {
      for (int i = 0; i < 50_000; i++) {
        String a = RandomStrings.string(r, 5);
        String b = r.nextInt(4) == 0 ? a + RandomStrings.string(r, 2) : RandomStrings.string(r, 5);
        assertThat(Integer.signum(Utf8Order.compare(a, b)))
            .as("compare(%s, %s)", GoQuote.quote(a), GoQuote.quote(b))
            .isEqualTo(Integer.signum(RandomStrings.compareUtf8(a, b)));
      }
    });
  }

  @Test
  void compare_randomStrings_isAntisymmetric() {
    Seeded.run(r -> {
      for (int i = 0; i < 20_000; i++) {
        String a = RandomStrings.string(r, 4);
        String b = RandomStrings.string(r, 4);
        assertThat(Integer.signum(Utf8Order.compare(a, b)))
            .as("compare(%s, %s)", GoQuote.quote(a), GoQuote.quote(b))
            .isEqualTo(-Integer.signum(Utf8Order.compare(b, a)));
      }
    });
  }
}
