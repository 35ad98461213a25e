package dev.vigil.scrape.loop;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.ScrapeConfig;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A scrape config's limits on one series' labels ({@code label_limit}, {@code label_name_length_limit},
 * {@code label_value_length_limit}; 0 means none), checked after target labels and metric relabeling
 * as Prometheus 2.42's {@code verifyLabelLimits}, with its messages. Lengths count UTF-8 bytes.
 */
record LabelLimits(long labelLimit, long nameLengthLimit, long valueLengthLimit) {
  /** Go's {@code %.50s}: texts in the messages are cut to 50 characters (runes). */
  private static final int SHOWN_RUNES = 50;

  static LabelLimits of(ScrapeConfig config) {
    return new LabelLimits(config.labelLimit(), config.labelNameLengthLimit(), config.labelValueLengthLimit());
  }

  /** Why {@code labels} break a limit, or empty when they keep to all of them. */
  Optional<String> violation(Labels labels) {
    String metric = cut(labels.getOrEmpty(Labels.METRIC_NAME));
    if (labelLimit > 0 && labels.size() > labelLimit) {
      return Optional.of("label_limit exceeded (metric: " + metric + ", number of labels: " + labels.size()
          + ", limit: " + labelLimit + ")");
    }
    if (nameLengthLimit == 0 && valueLengthLimit == 0) {
      return Optional.empty();
    }
    for (int i = 0; i < labels.size(); i++) {
      String name = labels.name(i);
      String value = labels.value(i);
      int nameLength = utf8Length(name);
      if (nameLengthLimit > 0 && nameLength > nameLengthLimit) {
        return Optional.of("label_name_length_limit exceeded (metric: " + metric + ", label name: " + cut(name)
            + ", length: " + nameLength + ", limit: " + nameLengthLimit + ")");
      }
      int valueLength = utf8Length(value);
      if (valueLengthLimit > 0 && valueLength > valueLengthLimit) {
        return Optional.of("label_value_length_limit exceeded (metric: " + metric + ", label name: " + cut(name)
            + ", value: " + GoQuote.quote(cut(value)) + ", length: " + valueLength + ", limit: " + valueLengthLimit
            + ")");
      }
    }
    return Optional.empty();
  }

  private static String cut(String s) {
    return s.codePointCount(0, s.length()) <= SHOWN_RUNES ? s : s.substring(0, s.offsetByCodePoints(0, SHOWN_RUNES));
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
