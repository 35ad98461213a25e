package dev.vigil.it.promql;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The human side of a run: {@code N passed, M failed}, then every failure with its query, kind,
 * times and first difference, the known differences, the notes of passing cases (error texts that
 * differ while the errorType agrees), and one line per failing query ready to be explained in
 * promql-known-differences.txt.
 */
final class DifferentialReport {
  private final List<DifferentialRun.Outcome> outcomes;

  DifferentialReport(List<DifferentialRun.Outcome> outcomes) {
    this.outcomes = outcomes;
  }

  long count(DifferentialRun.Verdict verdict) {
    return outcomes.stream().filter(o -> o.verdict() == verdict).count();
  }

  /** How many cases got each kind of answer from the reference, e.g. {@code vector=5012}. */
  Map<String, Long> answers() {
    return outcomes.stream().collect(Collectors.groupingBy(DifferentialRun.Outcome::answer, TreeMap::new,
        Collectors.counting()));
  }

  /** Cases the reference answered with data: not an error, not empty, not cut off. */
  long informative() {
    return answers().entrySet().stream()
        .filter(a -> a.getKey().matches("(vector|matrix|scalar|string)"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** {@code N passed, M failed}, with the known differences, which are neither. */
  String summary() {
    return count(DifferentialRun.Verdict.PASSED) + " passed, " + count(DifferentialRun.Verdict.FAILED) + " failed ("
        + count(DifferentialRun.Verdict.KNOWN) + " known differences)";
  }

  String render(String header, Duration elapsed) {
    StringBuilder out = new StringBuilder();
    out.append(header).append('\n');
    out.append(outcomes.size()).append(" cases in ").append(elapsed.toMillis() / 1000.0).append("s; the reference's answers: ")
        .append(answers()).append('\n');
    out.append(summary()).append("\n\n");
    section(out, "FAILED", DifferentialRun.Verdict.FAILED);
    section(out, "KNOWN", DifferentialRun.Verdict.KNOWN);
    for (DifferentialRun.Outcome o : outcomes) {
      if (o.verdict() == DifferentialRun.Verdict.PASSED && o.note() != null) {
        out.append("NOTE ").append(o.c().describe()).append(": ").append(o.c().query()).append("\n    ")
            .append(o.note()).append('\n');
      }
    }
    Map<String, String> failingQueries = new LinkedHashMap<>();
    for (DifferentialRun.Outcome o : outcomes) {
      if (o.verdict() == DifferentialRun.Verdict.FAILED) {
        failingQueries.putIfAbsent(o.c().query(), o.difference());
      }
    }
    if (!failingQueries.isEmpty()) {
      out.append("\n").append(failingQueries.size()).append(" failing queries, as lines for promql-known-differences.txt"
          + " (replace the first difference with the reason):\n");
      failingQueries.forEach((q, d) -> out.append(q.replace('\n', ' ')).append(KnownDifferences.SEPARATOR)
          .append(d.replace('\n', ' ')).append('\n'));
    }
    out.append('\n').append(summary()).append('\n');
    return out.toString();
  }

  private void section(StringBuilder out, String title, DifferentialRun.Verdict verdict) {
    for (DifferentialRun.Outcome o : outcomes) {
      if (o.verdict() != verdict) {
        continue;
      }
      out.append(title).append(' ').append(o.c().describe()).append(": ").append(o.c().query()).append("\n    ")
          .append(o.difference()).append('\n');
      if (o.reason() != null) {
        out.append("    known: ").append(o.reason()).append('\n');
      }
      if (o.note() != null) {
        out.append("    note: ").append(o.note()).append('\n');
      }
    }
  }
}
