package dev.vigil.it.promql;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides whether two {@code /api/v1/query[_range]} responses to the same case give the same answer,
 * and if not, names the first difference.
 *
 * <p>The same answer means: the same status; for failures the same {@code errorType} (the texts may
 * differ: that is reported as a note, not a difference); otherwise the same {@code resultType}, the
 * same series (label sets), the same timestamps exactly, values within {@value #RELATIVE_TOLERANCE}
 * relative of each other (NaN only equals NaN, an infinity only itself) and the same number of
 * warnings. Series order counts where the API defines it: the values of an instant query's sort,
 * sort_desc, topk or bottomk, in order (ties may come in either order), and a range query's series,
 * which Prometheus sorts by labels. Other vectors compare as sets.
 */
final class ResultComparator {
  static final double RELATIVE_TOLERANCE = 1e-9;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final String expectedName;
  private final String actualName;

  /** A verdict: {@code difference} is null when the answers agree; {@code note} is informational. */
  record Comparison(String difference, String note) {
    boolean same() {
      return difference == null;
    }
  }

  /** What a target answered: the HTTP status and the body. */
  record ApiResponse(int httpStatus, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** @param expectedName the reference (Prometheus), @param actualName the one under test; both name sides in messages. */
  ResultComparator(String expectedName, String actualName) {
    this.expectedName = expectedName;
    this.actualName = actualName;
  }

  Comparison compare(QueryCase c, ApiResponse expected, ApiResponse actual) {
    JsonNode e = parse(expected);
    JsonNode a = parse(actual);
    if (e == null || a == null) {
      return differ("not a JSON response: " + expectedName + " HTTP " + expected.httpStatus() + " "
          + abbreviate(expected.bodyText()) + "; " + actualName + " HTTP " + actual.httpStatus() + " "
          + abbreviate(actual.bodyText()));
    }
    String status = e.path("status").asText();
    if (!status.equals(a.path("status").asText())) {
      return differ("status: " + expectedName + " " + outcome(e) + ", " + actualName + " " + outcome(a));
    }
    String httpNote = expected.httpStatus() == actual.httpStatus() ? null
        : "HTTP status " + expected.httpStatus() + " vs " + actual.httpStatus();
    if (status.equals("error")) {
      return compareErrors(e, a, httpNote);
    }
    String difference = compareData(c, e.path("data"), a.path("data"));
    if (difference == null) {
      difference = compareWarnings(e.path("warnings"), a.path("warnings"));
    }
    return new Comparison(difference, httpNote);
  }

  private Comparison compareErrors(JsonNode e, JsonNode a, String httpNote) {
    String note = join(httpNote, e.path("error").asText().equals(a.path("error").asText()) ? null
        : "error text: " + expectedName + " \"" + e.path("error").asText() + "\", " + actualName + " \""
            + a.path("error").asText() + "\"");
    if (!e.path("errorType").asText().equals(a.path("errorType").asText())) {
      return new Comparison("errorType: " + expectedName + " " + outcome(e) + ", " + actualName + " " + outcome(a), note);
    }
    return new Comparison(null, note);
  }

  private String compareData(QueryCase c, JsonNode e, JsonNode a) {
    String type = e.path("resultType").asText();
    if (!type.equals(a.path("resultType").asText())) {
      return "resultType: " + expectedName + " " + type + ", " + actualName + " " + a.path("resultType").asText();
    }
    switch (type) {
      case "scalar":
        return comparePoint("scalar", e.path("result"), a.path("result"));
      case "string":
        return e.path("result").equals(a.path("result")) ? null
            : "string: " + expectedName + " " + e.path("result") + ", " + actualName + " " + a.path("result");
      case "vector":
        return compareSeries(c, e.path("result"), a.path("result"), "value");
      case "matrix":
        return compareSeries(c, e.path("result"), a.path("result"), "values");
      default:
        return "unknown resultType " + type;
    }
  }

  private String compareSeries(QueryCase c, JsonNode e, JsonNode a, String pointsField) {
    Map<String, JsonNode> expected = byLabels(e, pointsField);
    Map<String, JsonNode> actual = byLabels(a, pointsField);
    if (expected.size() != e.size() || actual.size() != a.size()) {
      return "a result holds a label set twice: " + expectedName + " " + e.size() + " series ("
          + expected.size() + " distinct), " + actualName + " " + a.size() + " (" + actual.size() + " distinct)";
    }
    for (String labels : expected.keySet()) {
      if (!actual.containsKey(labels)) {
        return "series " + labels + " only in " + expectedName + " (" + expected.size() + " series vs "
            + actual.size() + ")" + firstExtra(actual, expected);
      }
    }
    for (String labels : actual.keySet()) {
      if (!expected.containsKey(labels)) {
        return "series " + labels + " only in " + actualName + " (" + expected.size() + " series vs " + actual.size() + ")";
      }
    }
    for (Map.Entry<String, JsonNode> s : expected.entrySet()) {
      String difference = pointsField.equals("value")
          ? comparePoint("series " + s.getKey(), s.getValue(), actual.get(s.getKey()))
          : comparePoints("series " + s.getKey(), s.getValue(), actual.get(s.getKey()));
      if (difference != null) {
        return difference;
      }
    }
    if (c.orderDefined()) {
      return compareValueOrder(e, a);
    }
    if (c.range()) {
      return compareLabelOrder(e, a);
    }
    return null;
  }

  private String firstExtra(Map<String, JsonNode> actual, Map<String, JsonNode> expected) {
    for (String labels : actual.keySet()) {
      if (!expected.containsKey(labels)) {
        return "; " + actualName + " has " + labels + " instead";
      }
    }
    return "";
  }

  /** Sorted results: the same values in the same order (series with equal values may swap). */
  private String compareValueOrder(JsonNode e, JsonNode a) {
    for (int i = 0; i < e.size(); i++) {
      String ve = e.get(i).path("value").path(1).asText();
      String va = a.get(i).path("value").path(1).asText();
      if (!sameValue(ve, va)) {
        return "order: position " + i + " is " + labels(e.get(i)) + " " + ve + " in " + expectedName + ", "
            + labels(a.get(i)) + " " + va + " in " + actualName;
      }
    }
    return null;
  }

  private String compareLabelOrder(JsonNode e, JsonNode a) {
    for (int i = 0; i < e.size(); i++) {
      String le = labels(e.get(i));
      String la = labels(a.get(i));
      if (!le.equals(la)) {
        return "order: series " + i + " is " + le + " in " + expectedName + ", " + la + " in " + actualName;
      }
    }
    return null;
  }

  private String comparePoints(String what, JsonNode e, JsonNode a) {
    Iterator<JsonNode> ie = e.iterator();
    Iterator<JsonNode> ia = a.iterator();
    for (int i = 0; ie.hasNext() && ia.hasNext(); i++) {
      String difference = comparePoint(what + " point " + i, ie.next(), ia.next());
      if (difference != null) {
        return difference + " (" + e.size() + " vs " + a.size() + " points)";
      }
    }
    if (e.size() != a.size()) {
      JsonNode extra = e.size() > a.size() ? e.get(a.size()) : a.get(e.size());
      return what + ": " + expectedName + " has " + e.size() + " points, " + actualName + " " + a.size()
          + "; the first extra is " + extra;
    }
    return null;
  }

  /** A {@code [time, "value"]} pair: times equal exactly, values within the tolerance. */
  private String comparePoint(String what, JsonNode e, JsonNode a) {
    boolean sameTime = e.path(0).isNumber() && a.path(0).isNumber()
        ? e.path(0).decimalValue().compareTo(a.path(0).decimalValue()) == 0
        : e.path(0).equals(a.path(0));
    if (!sameTime || !sameValue(e.path(1).asText(), a.path(1).asText())) {
      return what + ": " + expectedName + " " + e + ", " + actualName + " " + a;
    }
    return null;
  }

  private String compareWarnings(JsonNode e, JsonNode a) {
    if (e.size() != a.size()) {
      return "warnings: " + expectedName + " " + e + ", " + actualName + " " + a;
    }
    return null;
  }

  /** Values as the API writes them ({@code "1.5"}, {@code "NaN"}, {@code "+Inf"}), compared within the tolerance. */
  static boolean sameValue(String e, String a) {
    if (e.equals(a)) {
      return true;
    }
    double x;
    double y;
    try {
      x = parseValue(e);
      y = parseValue(a);
    } catch (NumberFormatException ex) {
      return false;
    }
    if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
      return Double.compare(x, y) == 0;
    }
    return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
  }

  private static double parseValue(String s) {
    switch (s) {
      case "NaN":
        return Double.NaN;
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(s);
    }
  }

  /** Series keyed by their label sets written in name order; a repeated label set keeps the count off. */
  private static Map<String, JsonNode> byLabels(JsonNode series, String pointsField) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode s : series) {
      out.put(labels(s), s.path(pointsField));
    }
    return out;
  }

  private static String labels(JsonNode series) {
    Map<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, JsonNode> label : series.path("metric").properties()) {
      sorted.put(label.getKey(), label.getValue().asText());
    }
    List<String> pairs = new ArrayList<>();
    sorted.forEach((k, v) -> pairs.add(k + "=\"" + v + "\""));
    return "{" + String.join(", ", pairs) + "}";
  }

  /**
   * What kind of answer a response is, for the report's tally: {@code error bad_data}, {@code vector},
   * {@code vector (empty)}, {@code scalar}... or {@code no JSON}.
   */
  static String kind(ApiResponse r) {
    JsonNode node = parse(r);
    if (node == null) {
      return "no JSON";
    }
    if (node.path("status").asText().equals("error")) {
      return "error " + node.path("errorType").asText();
    }
    JsonNode data = node.path("data");
    boolean empty = data.path("result").isArray() && data.path("result").isEmpty();
    return data.path("resultType").asText() + (empty ? " (empty)" : "");
  }

  private static JsonNode parse(ApiResponse r) {
    try {
      JsonNode node = JSON.readTree(r.body());
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String outcome(JsonNode response) {
    return response.path("status").asText().equals("error")
        ? "error " + response.path("errorType").asText() + " \"" + response.path("error").asText() + "\""
        : response.path("status").asText() + " " + response.path("data").path("resultType").asText();
  }

  private static Comparison differ(String difference) {
    return new Comparison(difference, null);
  }

  private static String join(String a, String b) {
    return a == null ? b : b == null ? a : a + "; " + b;
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
