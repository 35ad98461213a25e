package dev.vigil.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's form values: those of a form-encoded body first, then those of the URL query, as Go's
 * {@code Request.Form} orders them, so a single-valued parameter given in both places takes the
 * body's value. Keeps the first decoding error, which only the series endpoint reports; elsewhere
 * Prometheus ignores it, and so do the other endpoints here.
 */
public final class Params {
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private String formError;

  void add(String name, String value) {
    values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }

  /**
   * Decodes a request's form: the pairs of its form-encoded body (null when it has none) before those
   * of its URL query (null when it has none).
   */
  public static Params decode(String body, String query) {
    Params params = new Params();
    if (body != null) {
      FormDecoder.decodeInto(body, params);
    }
    if (query != null) {
      FormDecoder.decodeInto(query, params);
    }
    return params;
  }

  /** Keeps the first problem met while reading the form, e.g. a body too large to read. */
  public void recordError(String error) {
    if (formError == null) {
      formError = error;
    }
  }

  /** The first value of the parameter, or "" when absent: an empty value and no value read the same. */
  public String get(String name) {
    List<String> all = values.get(name);
    return all == null ? "" : all.get(0);
  }

  /** Every value of the parameter, in order; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The first problem met while decoding the form, or null. */
  public String formError() {
    return formError;
  }
}
