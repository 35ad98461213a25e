package dev.vigil.bench.scrape;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders one target's families as Prometheus text 0.0.4 for an epoch. With churn, every series
 * carries a {@code generation} label that changes every {@code churnPeriod} epochs, staggered by the
 * series' group, so about one in {@code churnPeriod} label sets is new at each epoch. Not
 * thread-safe: it reuses one buffer.
 */
final class TargetExposition {
  private final List<MetricFamily> families;
  private final long churnPeriod;
  private final StringBuilder text = new StringBuilder();

  /** {@code churnPeriod} is how many epochs a label set lives; 0 for label sets that never change. */
  TargetExposition(List<MetricFamily> families, long churnPeriod) {
    if (churnPeriod < 0) {
      throw new IllegalArgumentException("churn period must not be negative: " + churnPeriod);
    }
    this.families = List.copyOf(families);
    this.churnPeriod = churnPeriod;
  }

  byte[] render(long epoch) {
    text.setLength(0);
    for (MetricFamily family : families) {
      text.append("# HELP ").append(family.name()).append(' ').append(family.help()).append('\n');
      text.append("# TYPE ").append(family.name()).append(' ').append(family.type()).append('\n');
      for (MetricFamily.Line line : family.lines()) {
        text.append(line.open());
        if (churnPeriod > 0) {
          text.append(",generation=\"").append((epoch + line.group() % churnPeriod) / churnPeriod).append('"');
        }
        text.append("} ");
        appendValue(line.value().at(epoch), line.hundredths());
        text.append('\n');
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Whole numbers as integers, hundredths with two decimals: cheaper than formatting doubles, and exact. */
  private void appendValue(long value, boolean hundredths) {
    if (!hundredths) {
      text.append(value);
      return;
    }
    if (value < 0) {
      text.append('-');
      value = -value;
    }
    long cents = value % 100;
    text.append(value / 100).append('.').append(cents < 10 ? "0" : "").append(cents);
  }
}
