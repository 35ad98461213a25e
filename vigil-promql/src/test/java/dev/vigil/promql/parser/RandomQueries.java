package dev.vigil.promql.parser;

import java.util.List;
import java.util.Random;

/**
 * Writes random queries that type-check: selectors with every modifier, range functions,
 * aggregations with their groupings and parameters, binary operators with vector matching, and
 * subqueries, with random spacing and letter case where PromQL allows it.
 */
final class RandomQueries {
  private static final List<String> METRICS = List.of("up", "http_requests_total", "a:b:c", "sum", "offset", "by");
  private static final List<String> LABELS = List.of("job", "instance", "le", "on", "bool");
  private static final List<String> VALUES = List.of("api", "", ".*", "a|b", "\u00e9t\u00e9", "x\\ny", "\\\"q\\\"");
  private static final List<String> DURATIONS = List.of("5m", "1h30m", "30s", "1d", "2w", "1y", "250ms", "90m");
  private static final List<String> SCALARS = List.of("1", "0.5", "-2", "1e6", "0x1f", "-1", "NaN", ".5", "1e-7");
  private static final List<String> VECTOR_OPS = List.of("+", "-", "*", "/", "%", "^", "==", "!=", "<", ">",
      "<=", ">=", "and", "or", "unless", "atan2", "> bool");

  private final Random random;

  RandomQueries(long seed) {
    this.random = new Random(seed);
  }

  String next() {
    return vector(0);
  }

  private String vector(int depth) {
    int kind = depth > 4 ? random.nextInt(2) : random.nextInt(10);
    return switch (kind) {
      case 0 -> selector() + offsetOrAt();
      case 1 -> pick(List.of("rate", "irate", "max_over_time", "changes")) + "(" + range(depth) + ")";
      case 2 -> aggregation(depth);
      case 3 -> pick(List.of("topk", "bottomk", "quantile")) + "(" + scalar(depth) + ", " + vector(depth + 1) + ")";
      case 4 -> "count_values(\"v\", " + vector(depth + 1) + ")";
      case 5 -> binary(depth);
      case 6 -> "(" + space() + vector(depth + 1) + space() + ")";
      case 7 -> pick(List.of("-", "+", "- ")) + vector(depth + 1);
      case 8 -> "histogram_quantile(" + scalar(depth) + ", " + vector(depth + 1) + ")";
      default -> "label_replace(" + vector(depth + 1) + ", \"dst\", \"$1\", \"src\", \"(.*)\")";
    };
  }

  private String scalar(int depth) {
    if (depth > 3 || random.nextBoolean()) {
      return pick(SCALARS);
    }
    return random.nextBoolean() ? "scalar(" + vector(depth + 1) + ")" : "(" + scalar(depth + 1) + " ^ " + scalar(depth + 1) + ")";
  }

  private String range(int depth) {
    if (random.nextInt(3) > 0) {
      return selector() + "[" + pick(DURATIONS) + "]" + offsetOrAt();
    }
    return "(" + vector(depth + 1) + ")[" + pick(DURATIONS) + ":" + (random.nextBoolean() ? "" : pick(DURATIONS))
        + "]" + offsetOrAt();
  }

  private String aggregation(int depth) {
    String op = pick(List.of("sum", "avg", "min", "max", "count", "group", "stddev", "stdvar", "SUM", "Avg"));
    String grouping = random.nextBoolean() ? "" : pick(List.of("by", "without", "BY")) + " (" + labels(LABELS) + ")";
    String body = "(" + vector(depth + 1) + ")";
    return random.nextBoolean() ? op + " " + grouping + " " + body : op + body + " " + grouping;
  }

  /** Nested operations are parenthesised so that the operators' precedence cannot regroup them. */
  private String binary(int depth) {
    String operation = operation(depth);
    return depth == 0 ? operation : "(" + operation + ")";
  }

  private String operation(int depth) {
    String op = pick(VECTOR_OPS);
    boolean setOperator = op.equals("and") || op.equals("or") || op.equals("unless");
    if (!setOperator && random.nextInt(3) == 0) {
      return vector(depth + 1) + space() + op + space() + scalar(depth + 1);
    }
    String matching = "";
    if (random.nextInt(3) == 0) {
      matching = " " + pick(List.of("on", "ignoring")) + "(" + labels(List.of("job", "instance")) + ")";
      if (!setOperator && random.nextBoolean()) {
        // Always with parentheses: a parenthesised right-hand side would otherwise be read as the labels.
        matching += " " + pick(List.of("group_left", "group_right")) + "(" + labels(List.of("zone", "team")) + ")";
      }
    }
    return vector(depth + 1) + space() + op + matching + space() + vector(depth + 1);
  }

  private String selector() {
    StringBuilder matchers = new StringBuilder();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      String label = pick(LABELS);
      matchers.append(i == 0 ? "" : ",").append(space()).append(label)
          .append(pick(List.of("=", "!=", "=~", "!~"))).append('"').append(pick(VALUES)).append('"');
    }
    String name = pick(METRICS);
    return count == 0 ? name : name + "{" + matchers + "}";
  }

  private String offsetOrAt() {
    StringBuilder out = new StringBuilder();
    if (random.nextInt(4) == 0) {
      out.append(" offset ").append(random.nextBoolean() ? "-" : "").append(pick(DURATIONS));
    }
    if (random.nextInt(5) == 0) {
      out.append(" @ ").append(pick(List.of("start()", "end()", "1609746000", "-1.5", "100.125")));
    }
    return out.toString();
  }

  private String labels(List<String> names) {
    int count = random.nextInt(3);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ", ").append(pick(names));
    }
    return out.toString();
  }

  private String space() {
    return pick(List.of(" ", " ", "  ", "\n  ", "\t", " # note\n"));
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
