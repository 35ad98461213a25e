package dev.vigil.scrape.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoGlobTest {
  /** Cases from Go's path/filepath match_test.go. */
  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource(delimiter = '|', value = {
      "abc|abc|true",
      "*|abc|true",
      "*c|abc|true",
      "a*|a|true",
      "a*|abc|true",
      "a*|ab/c|false",
      "a*/b|abc/b|true",
      "a*/b|a/c/b|false",
      "a*b*c*d*e*/f|axbxcxdxe/f|true",
      "a*b*c*d*e*/f|axbxcxdxexxx/f|true",
      "a*b*c*d*e*/f|axbxcxdxe/xxx/f|false",
      "a*b*c*d*e*/f|axbxcxdxexxx/fff|false",
      "a*b?c*x|abxbbxdbxebxczzx|true",
      "a*b?c*x|abxbbxdbxebxczzy|false",
      "ab[c]|abc|true",
      "ab[b-d]|abc|true",
      "ab[e-g]|abc|false",
      "ab[^c]|abc|false",
      "ab[^b-d]|abc|false",
      "ab[^e-g]|abc|true",
      "a\\*b|a*b|true",
      "a\\*b|ab|false",
      "a?b|a\u263Ab|true",
      "a[^a]b|a\u263Ab|true",
      "a???b|a\u263Ab|false",
      "a[^a][^a][^a]b|a\u263Ab|false",
      "[a-\u03B6]*|\u03B1|true",
      "*[a-\u03B6]|A|false",
      "a?b|a/b|false",
      "a*b|a/b|false",
      "[\\]a]|]|true",
      "[\\-]|-|true",
      "[x\\-]|x|true",
      "[x\\-]|-|true",
      "[x\\-]|z|false",
      "[\\-x]|x|true",
      "[\\-x]|-|true",
      "[\\-x]|a|false",
      "*x|xxx|true",
  })
  void matchesAsGo(String pattern, String name, boolean expected) throws Exception {
    assertThat(GoGlob.match(pattern, name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"[]a]|]", "[-]|-", "[x-]|x", "[-x]|x", "\\|a", "[a-b-c]|a", "[|a", "[^|a",
      "[^bc|a", "a[|a", "a[|ab", "a[|x", "a*[|x"})
  void badPatternsAreRefusedEvenWhenTheNameFailsFirst(String pattern, String name) {
    assertThatThrownBy(() -> GoGlob.match(pattern, name)).isInstanceOf(GoGlob.BadPatternException.class)
        .hasMessage("syntax error in pattern");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "''|.", "abc|abc", "abc/def|abc/def", "a/b/c|a/b/c", ".|.", "..|..", "../..|../..", "../../abc|../../abc",
      "/abc|/abc", "/|/", "abc/|abc", "abc/def/|abc/def", "/abc/|/abc", "abc//def//ghi|abc/def/ghi", "//abc|/abc",
      "abc/./def|abc/def", "/./abc/def|/abc/def", "abc/.|abc", "abc/def/ghi/../jkl|abc/def/jkl",
      "abc/def/../ghi/../jkl|abc/jkl", "abc/def/..|abc", "abc/def/../..|.", "/abc/def/../..|/",
      "abc/def/../../..|..", "/abc/def/../../..|/", "abc/def/../../../ghi/jkl/../../../mno|../../mno",
      "abc/./../def|def", "abc//./../def|def", "abc/../../././../def|../../def", "./sd/x.json|sd/x.json"})
  void cleansAsGo(String path, String expected) {
    assertThat(GoGlob.clean(path)).isEqualTo(expected);
  }

  @Test
  void globsListMatchesInByteOrderJoinedAndCleaned(@TempDir Path dir) throws Exception {
    for (String name : new String[] {"b.json", "a.json", ".hidden.json", "c.yml", "~.json", "Z.json"}) {
      Files.writeString(dir.resolve(name), "[]");
    }
    Files.createDirectories(dir.resolve("sub.json"));
    String base = dir.toString();
    assertThat(GoGlob.glob(base + "/*.json")).containsExactly(base + "/.hidden.json", base + "/Z.json",
        base + "/a.json", base + "/b.json", base + "/sub.json", base + "/~.json");
    assertThat(GoGlob.glob(base + "/./[ab].json")).containsExactly(base + "/a.json", base + "/b.json");
    // Without meta characters the pattern comes back as written, when the path exists.
    assertThat(GoGlob.glob(base + "/./a.json")).containsExactly(base + "/./a.json");
    assertThat(GoGlob.glob(base + "/none.json")).isEmpty();
    assertThat(GoGlob.glob(base + "/missing/*.json")).isEmpty();
    assertThatThrownBy(() -> GoGlob.glob(base + "/[.json")).isInstanceOf(GoGlob.BadPatternException.class);
  }

  @Test
  void metaCharactersInDirectoriesAreExpandedToo(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("d1"));
    Files.createDirectories(dir.resolve("d2"));
    Files.writeString(dir.resolve("d1/x.json"), "[]");
    Files.writeString(dir.resolve("d2/x.json"), "[]");
    assertThat(GoGlob.glob(dir + "/d?/x.json")).containsExactly(dir + "/d1/x.json", dir + "/d2/x.json");
  }
}
