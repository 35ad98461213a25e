package dev.vigil.scrape.textparse;

import dev.vigil.core.model.GoFloat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers that read a whole exposition through either parser. */
final class ExpositionTexts {
  private ExpositionTexts() {}

  /** Each char as one byte, so test inputs can hold raw bytes like 0xff. */
  static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A SERIES entry's text as written, one char per byte. */
  static String seriesText(ExpositionParser parser) {
    return new String(parser.buffer(), parser.seriesStart(), parser.seriesEnd() - parser.seriesStart(),
        StandardCharsets.ISO_8859_1);
  }

  /** One line per entry: {@code SERIES {labels} value [@ms]}, {@code HELP family text}, ... */
  static List<String> describeAll(ExpositionParser parser) throws TextParseException {
    List<String> out = new ArrayList<>();
    for (Entry entry = parser.next(); entry != Entry.EOF; entry = parser.next()) {
      out.add(describe(entry, parser));
    }
    return out;
  }

  static String describe(Entry entry, ExpositionParser parser) throws TextParseException {
    switch (entry) {
      case TYPE:
        return "TYPE " + parser.metricFamily() + " " + parser.type();
      case HELP:
        return "HELP " + parser.metricFamily() + " " + parser.help();
      case COMMENT:
        return "COMMENT " + ((PrometheusTextParser) parser).comment();
      case SERIES:
        return "SERIES " + parser.labels() + " " + GoFloat.formatG(parser.value())
            + (parser.hasTimestamp() ? " @" + parser.timestampMillis() : "");
      default:
        throw new AssertionError("unexpected entry " + entry);
    }
  }

  /** Reads everything, touching every accessor; returns the number of series. */
  static int drain(ExpositionParser parser, int inputLength) throws TextParseException {
    int series = 0;
    // Each entry but the last consumes at least one byte, so this bounds a runaway parser.
    for (int i = 0; i <= inputLength + 1; i++) {
      Entry entry = parser.next();
      if (entry == Entry.EOF) {
        return series;
      }
      describe(entry, parser);
      if (entry == Entry.SERIES) {
        series++;
      }
    }
    throw new AssertionError("the parser did not reach the end");
  }
}
