package dev.vigil.core.labels;

/** Prometheus's rules for metric names, label names and label values. */
public final class LabelNames {
  private LabelNames() {}

  /** Label names match {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
  public static boolean isValidLabelName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Metric names match {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
  public static boolean isValidMetricName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
          || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Label values must be valid UTF-8; in a Java string that means no unpaired surrogate. */
  public static boolean isValidLabelValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Checks every label of a set, throwing with the offending label when one is invalid. */
  public static void validate(Labels labels) {
    for (int i = 0; i < labels.size(); i++) {
      String name = labels.name(i);
      String value = labels.value(i);
      if (name.equals(Labels.METRIC_NAME)) {
        if (!isValidMetricName(value)) {
          throw new IllegalArgumentException("invalid metric name " + GoQuote.quote(value));
        }
      } else if (!isValidLabelName(name)) {
        throw new IllegalArgumentException("invalid label name " + GoQuote.quote(name));
      }
      if (!isValidLabelValue(value)) {
        throw new IllegalArgumentException("invalid label value for " + name + ": not valid UTF-8");
      }
    }
  }
}
