package dev.vigil.scrape.loop;

import dev.vigil.core.labels.Labels;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Prometheus 2.42's {@code labels.Labels.Hash}: XXH64 over each name and value in order, each followed
 * by the byte 0xff (which no UTF-8 text contains, so the boundaries cannot be forged).
 */
final class LabelsHash {
  private static final int SEPARATOR = 0xFF;

  private LabelsHash() {}

  static long of(Labels labels) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    for (int i = 0; i < labels.size(); i++) {
      bytes.writeBytes(labels.name(i).getBytes(StandardCharsets.UTF_8));
      bytes.write(SEPARATOR);
      bytes.writeBytes(labels.value(i).getBytes(StandardCharsets.UTF_8));
      bytes.write(SEPARATOR);
    }
    return XxHash64.hash(bytes.toByteArray(), 0, bytes.size());
  }
}
