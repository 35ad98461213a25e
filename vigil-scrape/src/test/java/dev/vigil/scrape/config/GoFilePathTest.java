package dev.vigil.scrape.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFilePathTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"prometheus.yml, .", "/etc/prometheus/prometheus.yml, /etc/prometheus", "/p.yml, /",
      "conf//x/../p.yml, conf", "./p.yml, ."})
  void theDirectoryIsAllButTheLastElementCleaned(String path, String dir) {
    assertThat(GoFilePath.dir(path)).isEqualTo(dir);
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({"/etc/p, rules/*.yml, /etc/p/rules/*.yml", "/etc/p, /abs/x, /abs/x", "/etc/p, ../x, /etc/x",
      "., ./a//b/./c, a/b/c", "., ../../x, ../../x", "/, ../x, /x", "/etc/p, a/.., /etc/p", "., a/.., ."})
  void aRelativePathIsJoinedToTheDirectoryAndCleaned(String dir, String path, String joined) {
    assertThat(GoFilePath.joinDir(dir, path)).isEqualTo(joined);
  }

  @Test
  void anEmptyPathStaysEmpty() {
    assertThat(GoFilePath.joinDir("/etc/p", "")).isEmpty();
  }
}
