package dev.vigil.scrape.config;

import java.util.List;

/** {@code file_sd_configs}: files (globs allowed in the last path element) re-read at an interval. */
public record FileSdConfig(List<String> files, long refreshIntervalMillis) {
  public static final long DEFAULT_REFRESH_MILLIS = 5 * 60_000;

  public FileSdConfig {
    files = List.copyOf(files);
  }
}
