package dev.vigil.it.promql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.dataset.BlockDataset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QueryCorpusTest {
  /** Every function of Prometheus 2.42 ({@code promql/parser/functions.go} at v2.42.0). */
  private static final List<String> FUNCTIONS_2_42 = List.of("abs", "absent", "absent_over_time", "acos", "acosh",
      "asin", "asinh", "atan", "atanh", "avg_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "cos",
      "cosh", "count_over_time", "days_in_month", "day_of_month", "day_of_week", "day_of_year", "deg", "delta", "deriv",
      "exp", "floor", "histogram_count", "histogram_sum", "histogram_fraction", "histogram_quantile", "holt_winters",
      "hour", "idelta", "increase", "irate", "label_replace", "label_join", "last_over_time", "ln", "log10", "log2",
      "max_over_time", "min_over_time", "minute", "month", "pi", "predict_linear", "present_over_time",
      "quantile_over_time", "rad", "rate", "resets", "round", "scalar", "sgn", "sin", "sinh", "sort", "sort_desc",
      "sqrt", "stddev_over_time", "stdvar_over_time", "sum_over_time", "tan", "tanh", "time", "timestamp", "vector",
      "year");
  private static final List<String> AGGREGATIONS = List.of("sum", "avg", "min", "max", "count", "stddev", "stdvar",
      "group", "topk", "bottomk", "quantile", "count_values");
  private static final List<String> BINARY_OPERATORS = List.of(" + ", " - ", " * ", " / ", " % ", " ^ ", " atan2 ",
      " == ", " != ", " > ", " < ", " >= ", " <= ", " and ", " or ", " unless ");

  private static final BlockDataset.Timeline TIMELINE = BlockDataset.Timeline.of(
      BlockDataset.Spec.DEFAULT_START_MS, BlockDataset.Spec.DEFAULT_START_MS + 390 * 60_000L);
  private static final List<String> QUERIES = QueryCorpus.queries(TIMELINE);

  @Test
  void holdsAtLeastAThousandDistinctQueries() {
    assertThat(QUERIES).hasSizeGreaterThanOrEqualTo(1000).doesNotHaveDuplicates();
  }

  @Test
  void callsEveryFunctionOfPrometheus242() {
    for (String f : FUNCTIONS_2_42) {
      Pattern call = Pattern.compile("(^|[^a-z_])" + f + "\\(");
      assertThat(QUERIES).as("a query calling %s", f).anyMatch(q -> call.matcher(q).find());
    }
  }

  @Test
  void usesEveryAggregationAndBinaryOperatorAndModifier() {
    for (String op : AGGREGATIONS) {
      assertThat(QUERIES).as("a query aggregating with %s", op).anyMatch(q -> q.startsWith(op + "(") || q.startsWith(op + " by")
          || q.startsWith(op + " without"));
    }
    for (String op : BINARY_OPERATORS) {
      assertThat(QUERIES).as("a query using %s", op).anyMatch(q -> q.contains(op));
    }
    for (String modifier : List.of(" bool ", " on(", " ignoring(", " group_left", " group_right", " offset -", " @ start()",
        " @ end()", ":]", "[7m:13s]")) {
      assertThat(QUERIES).as("a query using %s", modifier).anyMatch(q -> q.contains(modifier));
    }
  }

  @Test
  void noQueryContainsTheKnownDifferencesSeparator() {
    assertThat(QUERIES).noneMatch(q -> q.contains(KnownDifferences.SEPARATOR));
  }

  @Test
  void everyQueryRunsAtFourInstantsAndOverTwoRangesAndSomeWithRangesTheApiRefuses() {
    List<QueryCase> cases = QueryCase.expand(QUERIES, TIMELINE);
    long refusing = (QUERIES.size() + QueryCase.API_ERROR_EVERY - 1) / QueryCase.API_ERROR_EVERY;
    assertThat(cases).hasSize(QUERIES.size() * 6 + (int) refusing * 4);
    assertThat(cases.stream().filter(QueryCase::refusedByTheApi).count()).isEqualTo(refusing * 4);
    assertThat(cases.stream().filter(c -> c.range() && !c.refusedByTheApi()).count()).isEqualTo(QUERIES.size() * 2L);
    assertThat(cases.stream().filter(c -> !c.range()).map(QueryCase::time).distinct().count()).isEqualTo(11);
  }

  @Test
  void orderIsDefinedOnlyForAnInstantQueryWhoseOutermostCallSorts() {
    assertThat(QueryCase.instant("sort_desc(rate(x[5m]))", 0).orderDefined()).isTrue();
    assertThat(QueryCase.instant("topk by (job) (3, x)", 0).orderDefined()).isTrue();
    assertThat(QueryCase.instant("bottomk(5, x) by (instance)", 0).orderDefined()).isTrue();
    assertThat(QueryCase.instant("topk(3, x) or vector(1)", 0).orderDefined()).isFalse();
    assertThat(QueryCase.instant("sort(x) + sort(y)", 0).orderDefined()).isFalse();
    assertThat(QueryCase.instant("sum(x)", 0).orderDefined()).isFalse();
    assertThat(QueryCase.range("sort(x)", 0, 60_000, 15_000).orderDefined()).isFalse();
  }
}
