package dev.vigil.scrape.relabel;

import dev.vigil.core.labels.GoQuote;
import java.util.Locale;

/** What a relabeling rule does; these are exactly the actions Prometheus 2.42 knows. */
public enum RelabelAction {
  REPLACE,
  KEEP,
  DROP,
  KEEPEQUAL,
  DROPEQUAL,
  HASHMOD,
  LABELMAP,
  LABELDROP,
  LABELKEEP,
  LOWERCASE,
  UPPERCASE;

  /** The spelling in a config file, also used in error messages. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads an action as Prometheus does, ignoring case.
   *
   * @throws IllegalArgumentException naming the unknown action
   */
  public static RelabelAction parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (RelabelAction action : values()) {
      if (action.configName().equals(lower)) {
        return action;
      }
    }
    throw new IllegalArgumentException("unknown relabel action " + GoQuote.quote(text));
  }
}
