package dev.vigil.tsdb;

import dev.vigil.core.labels.MatchType;
import dev.vigil.core.labels.Matcher;
import dev.vigil.tsdb.index.Postings;
import dev.vigil.tsdb.index.PostingsIndex;
import dev.vigil.tsdb.index.PostingsOps;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns label matchers into postings the way Prometheus does. A matcher that accepts the empty string
 * also selects series without the label, so it cannot be answered by looking up values; instead the
 * series whose value it rejects are subtracted from the others:
 *
 * <ul>
 *   <li>{@code l="v"}, {@code l=~"a|b"}: union of the matching values' postings;
 *   <li>{@code l!="v"}: subtract the postings of {@code v};
 *   <li>{@code l!=""}, {@code l=~".+"}: union of every value the matcher accepts;
 *   <li>{@code l=""}, {@code l=~"|a"}: subtract every value the matcher rejects.
 * </ul>
 *
 * With only subtractions, they apply to all postings.
 */
final class PostingsForMatchers {
  private PostingsForMatchers() {}

  static Postings select(PostingsIndex index, Matcher... matchers) {
    List<Postings> include = new ArrayList<>();
    List<Postings> exclude = new ArrayList<>();
    for (Matcher m : matchers) {
      boolean matchesEmpty = m.matchesEmpty();
      boolean negative = m.type() == MatchType.NOT_EQUAL || m.type() == MatchType.NOT_REGEX;
      if (negative && matchesEmpty) {
        exclude.add(valuesWhere(index, m, false));
      } else if (!matchesEmpty) {
        include.add(valuesWhere(index, m, true));
      } else {
        exclude.add(valuesWhere(index, m, false));
      }
    }
    if (include.isEmpty()) {
      include.add(index.allPostings());
    }
    Postings p = PostingsOps.intersect(include);
    for (Postings drop : exclude) {
      p = PostingsOps.without(p, drop);
    }
    return p;
  }

  /** The union of postings of the label's values for which the matcher answers {@code accepted}. */
  private static Postings valuesWhere(PostingsIndex index, Matcher m, boolean accepted) {
    if (accepted && m.type() == MatchType.EQUAL) {
      return index.postings(m.name(), m.value());
    }
    if (!accepted && m.type() == MatchType.NOT_EQUAL) {
      return index.postings(m.name(), m.value());
    }
    if (accepted && m.type() == MatchType.REGEX && m.setMatches() != null) {
      return index.postings(m.name(), m.setMatches());
    }
    List<String> values = new ArrayList<>();
    for (String v : index.labelValues(m.name())) {
      if (m.matches(v) == accepted) {
        values.add(v);
      }
    }
    return index.postings(m.name(), values);
  }
}
