package dev.vigil.it.promql;

import dev.vigil.testkit.dataset.BlockDataset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The PromQL expressions of the differential test: our own templates over the dataset's (dev.vigil.testkit.dataset)
 * metrics, in the shapes of the PromQL compliance tester (a template times a list of variants) and
 * beyond it: every function of Prometheus 2.42 with typical and edge arguments, every operator,
 * modifier and aggregation, and queries that must fail (parse, type and execution errors).
 */
final class QueryCorpus {
  static final String MEMORY = "demo_memory_usage_bytes";
  static final String CPU = "demo_cpu_usage_seconds_total";
  static final String CPUS = "demo_num_cpus";
  static final String BATCH = "demo_batch_last_success_timestamp_seconds";
  static final String DISK = "demo_disk_usage_bytes";
  static final String ITEMS = "demo_items_shipped_total";
  static final String BUCKET = "demo_api_request_duration_seconds_bucket";
  static final String HIST_SUM = "demo_api_request_duration_seconds_sum";
  static final String HIST_COUNT = "demo_api_request_duration_seconds_count";
  static final String SUMMARY = "demo_rpc_duration_seconds";
  static final String INTERMITTENT = "demo_intermittent_metric";
  static final String SPECIAL = "demo_special_values";

  private static final List<String> AGGREGATIONS = List.of("sum", "avg", "min", "max", "count", "stddev", "stdvar", "group");
  private static final List<String> GROUPINGS = List.of("", " by ()", " by (instance)", " by (instance, type)",
      " by (nonexistent)", " without ()", " without (instance)", " without (instance, type)", " without (nonexistent)");
  private static final List<String> ARITHMETIC = List.of("+", "-", "*", "/", "%", "^", "atan2");
  private static final List<String> COMPARISONS = List.of("==", "!=", ">", "<", ">=", "<=");
  private static final List<String> RANGES = List.of("1m", "5m", "15m", "1h");
  private static final List<String> QUANTILES = List.of("-0.5", "0", "0.1", "0.5", "0.75", "0.95", "0.99", "1", "1.5", "NaN");
  private static final List<String> OVER_TIME = List.of("avg", "min", "max", "sum", "count", "stddev", "stdvar", "last", "present");
  private static final List<String> MATH = List.of("abs", "ceil", "floor", "exp", "sqrt", "ln", "log2", "log10", "sgn",
      "deg", "rad", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh");
  private static final List<String> DATES = List.of("day_of_month", "day_of_week", "day_of_year", "days_in_month",
      "hour", "minute", "month", "year");
  private static final List<String> RATES = List.of("rate", "increase", "delta", "irate", "idelta");
  private static final List<String> OFFSETS = List.of("1m", "5m", "10m", "1h", "1h30m", "3h", "0s", "-1m", "-5m", "-1h");

  private final Set<String> queries = new LinkedHashSet<>();
  private final BlockDataset.Timeline timeline;

  private QueryCorpus(BlockDataset.Timeline timeline) {
    this.timeline = timeline;
  }

  /** Every query, each once, in a stable order; {@code @} times aim at the data's span and block edges. */
  static List<String> queries(BlockDataset.Timeline timeline) {
    QueryCorpus c = new QueryCorpus(timeline);
    c.literals();
    c.selectors();
    c.offsetsAndAt();
    c.aggregations();
    c.topkBottomkQuantileCountValues();
    c.vectorScalarOperators();
    c.vectorVectorOperators();
    c.setOperatorsAndPrecedence();
    c.overTimeFunctions();
    c.counterFunctions();
    c.mathAndClampFunctions();
    c.dateAndTimeFunctions();
    c.labelFunctions();
    c.histogramsAndSummaries();
    c.absentSortScalarVector();
    c.subqueries();
    c.dashboardShapes();
    c.errors();
    return List.copyOf(c.queries);
  }

  private void add(String... qs) {
    queries.addAll(List.of(qs));
  }

  private void each(List<String> variants, Function<String, String> template) {
    for (String v : variants) {
      queries.add(template.apply(v));
    }
  }

  /** Seconds for {@code @}: the API's time format, fractions kept. */
  private String at(long ms) {
    return QueryCase.seconds(ms);
  }

  private long middle() {
    return (timeline.minTime() + timeline.maxTime()) / 2;
  }

  private long boundary() {
    return timeline.boundaries().get(timeline.boundaries().size() / 2);
  }

  private void literals() {
    add("42", "1.234", ".123", "5.", "1.23e-3", "0x3d", "0755", "Inf", "+Inf", "-Inf", "NaN", "nan", "inf", "-NaN",
        "-0", "1e308 * 10", "-1e-320", "\"a string\"", "'single quoted'", "`raw \\n string`",
        "1 * 2 + 4 / 6 - 10 % 2 ^ 2", "2 ^ 3 ^ 2", "-1 ^ 2", "-(1) ^ 2", "(1 + 2) * 3", "10 % 3", "-10 % 3",
        "5 % -3", "5.5 % 2", "1 / 0", "-1 / 0", "0 / 0", "Inf - Inf", "NaN == bool NaN", "1 == bool 1", "1 > bool 2",
        "2 atan2 3", "-2 atan2 -0", "Inf != bool -Inf", "1 <= bool NaN", "+5", "- - 1", "((((1))))");
  }

  private void selectors() {
    each(List.of(MEMORY, CPU, CPUS, BATCH, DISK, ITEMS, BUCKET, HIST_SUM, HIST_COUNT, SUMMARY, SUMMARY + "_sum",
        SUMMARY + "_count", INTERMITTENT, SPECIAL, "nonexistent_metric_name"), name -> name);
    each(List.of("{type=\"free\"}", "{type!=\"free\"}", "{instance=~\"demo.promlabs.com:.*\"}", "{instance=~\"host\"}",
        "{instance!~\".*:10000\"}", "{type=\"free\", instance!=\"demo.promlabs.com:10000\"}", "{type=~\"free|used\"}",
        "{type=~\"f.*\"}", "{type=~\"(?i)FREE\"}", "{type=~\"\"}", "{type!~\".+\"}", "{nonexistent=\"\"}",
        "{nonexistent!=\"\"}", "{type=\"\"}", "{job=~\"demo|batch\"}", "{job!~\"demo\", type=~\"used|cached\"}",
        "{instance=~\"host-.*\\\\.example:9100\"}", "{type=~\"fre\"}", "{type=~\".*e.*\", type!~\"used\"}"),
        matchers -> MEMORY + matchers);
    add("{__name__=\"" + MEMORY + "\"}", "{__name__=~\"demo_memory.*\"}", "{__name__=~\"demo_(memory|disk)_usage_bytes\"}",
        "{__name__=~\"demo_.*_total\", job=\"demo\"}", "{__name__=~\".+_sum\"}", "{type=\"free\", instance!=\"demo.promlabs.com:10000\"}",
        "{__name__!~\"demo_api.*|demo_rpc.*\", job=\"api\"}", "{kind=~\"nan|mixed\"}", "{quantile=\"0.99\"}",
        "{le=\"+Inf\", method=\"GET\"}", SPECIAL + "{kind=\"mixed\"}", SUMMARY + "{quantile=\"0.9\", service=\"beta\"}",
        BUCKET + "{le=\"0.1\"}", CPU + "{mode=~\"idle|user\", job=\"demo\"}");
    each(List.of(MEMORY, CPU, INTERMITTENT, SPECIAL, CPUS), name -> name + "[5m]");
    add(MEMORY + "[1m]", MEMORY + "[15s]", MEMORY + "[1h]", CPU + "{mode=\"idle\"}[2m]", INTERMITTENT + "[10m]",
        BATCH + "[30m]");
  }

  private void offsetsAndAt() {
    for (String name : List.of(MEMORY, CPU, INTERMITTENT, CPUS)) {
      each(OFFSETS, o -> name + " offset " + o);
    }
    each(List.of("5m", "-5m", "1h"), o -> MEMORY + "[5m] offset " + o);
    List<String> times = List.of(at(timeline.minTime()), at(timeline.minTime() - 60_000), at(middle()), at(boundary()),
        at(timeline.maxTime()), at(timeline.maxTime() + 600_000), "start()", "end()");
    for (String name : List.of(MEMORY, CPU, INTERMITTENT)) {
      each(times, t -> name + " @ " + t);
    }
    add(MEMORY + " @ " + at(middle()) + " offset 5m", MEMORY + " offset 5m @ " + at(middle()),
        MEMORY + " @ end() offset -10m", MEMORY + " @ start() offset -1h", CPU + "[5m] @ " + at(boundary()),
        "rate(" + CPU + "[5m] @ " + at(middle()) + ")", "rate(" + CPU + "[5m] @ end())",
        "sum(" + MEMORY + " @ start())", MEMORY + " @ " + at(middle()) + " - " + MEMORY,
        "timestamp(" + MEMORY + " @ " + at(boundary()) + ")", MEMORY + " @ 0", MEMORY + " @ -1",
        MEMORY + " @ " + at(middle()) + "5", MEMORY + " @ 1e20", MEMORY + " @ NaN", MEMORY + " @ Inf",
        "sum_over_time(" + MEMORY + "[10m] @ start() offset -10m)", CPU + " offset 5m @ end()");
  }

  private void aggregations() {
    for (String op : AGGREGATIONS) {
      each(GROUPINGS, g -> op + g + " (" + MEMORY + ")");
      each(List.of(" by (mode)", " without (mode)", " by (instance, job)", ""),
          g -> op + g + " (rate(" + CPU + "[5m]))");
      each(List.of("", " by (kind)"), g -> op + g + " (" + SPECIAL + ")");
      add(op + "(nonexistent_metric_name)", op + "(" + MEMORY + ") by (instance)", op + "(" + MEMORY + ") without (type)",
          op + " by (__name__) ({__name__=~\"demo_(memory|disk)_usage_bytes\"})", op + "(" + INTERMITTENT + ")");
    }
    add("avg(max by (type) (" + MEMORY + "))", "sum(sum by (instance) (" + MEMORY + "))",
        "count(count by (instance) (" + MEMORY + "))", "max by (le) (" + BUCKET + ")",
        "sum without (le) (" + BUCKET + ")", "stddev by (job) (" + CPUS + ")", "sum by (job) (" + CPUS + " * 0 + 1)");
    // Sums and means of huge values overflow; Prometheus's avg switches to an incremental mean then.
    each(List.of("sum", "avg", "stddev", "stdvar"), op -> op + "(" + MEMORY + " * 1e300)");
    each(List.of("sum", "avg"), op -> op + " by (type) (" + MEMORY + " * 1e300 or -" + MEMORY + " * 1e300)");
    add("avg(" + MEMORY + " * 1e299)", "avg_over_time((" + MEMORY + " * 1e300)[10m:1m])", "sum_over_time((" + MEMORY + " * 1e300)[10m:1m])");
  }

  private void topkBottomkQuantileCountValues() {
    for (String op : List.of("topk", "bottomk")) {
      for (String k : List.of("3", "1", "0", "-1", "2.5", "1e10", "1e20", "NaN")) {
        each(List.of("", " by (instance)", " without (instance)", " without ()", " by (type)"),
            g -> op + g + " (" + k + ", " + MEMORY + ")");
      }
      add(op + "(3, " + SPECIAL + ")", op + " by (kind) (1, " + SPECIAL + ")", op + "(2, rate(" + CPU + "[5m]))",
          op + "(scalar(" + CPUS + "{instance=\"demo.promlabs.com:10000\"}), " + MEMORY + ")",
          op + "(5, " + MEMORY + ") by (instance)", op + "(1, nonexistent_metric_name)");
    }
    each(QUANTILES, q -> "quantile(" + q + ", " + MEMORY + ")");
    each(List.of("0", "0.5", "0.9", "1"), q -> "quantile by (instance) (" + q + ", " + MEMORY + ")");
    each(List.of("0", "0.5", "1", "NaN", "-1"), q -> "quantile(" + q + ", " + SPECIAL + ")");
    add("quantile without (type) (0.5, " + MEMORY + ")", "quantile(0.5, rate(" + CPU + "[5m])) by (mode)");
    add("count_values(\"value\", " + CPUS + ")", "count_values(\"value\", " + BUCKET + ")",
        "count_values(\"le\", " + BUCKET + ")", "count_values by (instance) (\"value\", " + CPUS + ")",
        "count_values(\"value\", " + SPECIAL + ")", "count_values without (job) (\"cpus\", " + CPUS + ")",
        "count_values(\"value\", round(" + MEMORY + " / 1e9))", "count_values(\"invalid-name\", " + CPUS + ")",
        "count_values(\"\", " + CPUS + ")", "count_values(\"__name__\", " + CPUS + ")",
        "count_values(\"value\", " + MEMORY + " / 3)", "count_values(\"value\", " + MEMORY + " * 1e15)");
  }

  private void vectorScalarOperators() {
    List<String> all = new ArrayList<>(ARITHMETIC);
    all.addAll(COMPARISONS);
    each(all, op -> MEMORY + " " + op + " 1.2345");
    each(all, op -> "0.12345 " + op + " " + MEMORY);
    each(all, op -> "(1 * 2 + 4 / 6 - (10 % 7) ^ 2) " + op + " " + MEMORY);
    each(all, op -> MEMORY + " " + op + " (1 * 2 + 4 / 6 - 10)");
    each(all, op -> "time() " + op + " " + MEMORY);
    each(all, op -> MEMORY + " " + op + " time()");
    each(all, op -> SPECIAL + " " + op + " 0");
    each(all, op -> SPECIAL + " " + op + " NaN");
    each(COMPARISONS, op -> MEMORY + " " + op + " bool 1.2345");
    each(COMPARISONS, op -> "1.2345 " + op + " bool " + MEMORY);
    each(COMPARISONS, op -> CPUS + " + (1 " + op + " bool 2)");
    each(COMPARISONS, op -> "time() " + op + " bool 1");
    each(COMPARISONS, op -> "1 " + op + " bool time()");
    each(COMPARISONS, op -> "time() " + op + " bool time()");
    each(COMPARISONS, op -> SPECIAL + " " + op + " bool Inf");
    each(ARITHMETIC, op -> "1 " + op + " time()");
    each(ARITHMETIC, op -> "time() " + op + " 1");
    each(ARITHMETIC, op -> "time() " + op + " time()");
    add(CPUS + " * Inf", CPUS + " * -Inf", CPUS + " * NaN", MEMORY + " + -(1)", "-" + MEMORY, "+" + MEMORY,
        "--" + MEMORY, "-(-" + MEMORY + ")", "-rate(" + CPU + "[5m])", "timestamp(" + MEMORY + " * 1)",
        "timestamp(-" + MEMORY + ")", MEMORY + " > 1e9", MEMORY + " > bool 1e9", MEMORY + " == " + MEMORY,
        "scalar(" + CPUS + "{instance=\"demo.promlabs.com:10000\"}) * " + MEMORY, "2 ^ " + CPUS, "-" + SPECIAL);
  }

  private void vectorVectorOperators() {
    List<String> all = new ArrayList<>(ARITHMETIC);
    all.addAll(COMPARISONS);
    each(all, op -> MEMORY + " " + op + " on(instance, job, type) " + MEMORY);
    each(all, op -> "sum by (instance, type) (" + MEMORY + ") " + op + " on(instance, type) group_left(job) " + MEMORY);
    each(all, op -> MEMORY + " " + op + " ignoring(job) group_left " + "sum by (instance, type) (" + MEMORY + ")");
    each(all, op -> SPECIAL + " " + op + " " + SPECIAL);
    each(COMPARISONS, op -> MEMORY + " " + op + " bool on(instance, job, type) " + MEMORY);
    each(COMPARISONS, op -> MEMORY + " " + op + " (" + MEMORY + " offset 5m)");
    each(COMPARISONS, op -> MEMORY + " " + op + " bool (" + MEMORY + " offset 5m)");
    add(MEMORY + " / on(instance, job, type, __name__) " + MEMORY,
        "sum without (job) (" + MEMORY + ") / on(instance, type) " + MEMORY,
        "sum without (job) (" + MEMORY + ") / on(instance, type) group_left " + MEMORY,
        "sum without (job) (" + MEMORY + ") / on(instance, type) group_left(job) " + MEMORY,
        MEMORY + " / on(instance, job) group_left " + CPUS,
        MEMORY + " / on(instance, job) group_left(nonexistent) " + CPUS,
        MEMORY + " / ignoring(type) group_left " + CPUS,
        CPUS + " * on(instance, job) group_right " + MEMORY,
        CPUS + " * on(instance) group_right(job) " + MEMORY,
        MEMORY + " / on(instance, type, job, non_existent) " + MEMORY,
        MEMORY + " * on() group_left scalar(sum(" + CPUS + "))",
        "rate(" + CPU + "[5m]) / on(instance, job) group_left " + CPUS,
        "rate(" + CPU + "[5m]) / ignoring(mode) group_left sum without (mode) (rate(" + CPU + "[5m]))",
        HIST_SUM + " / " + HIST_COUNT, "rate(" + HIST_SUM + "[5m]) / rate(" + HIST_COUNT + "[5m])",
        MEMORY + " - " + MEMORY + " offset 1h", CPUS + " == on(instance) group_left(type) " + MEMORY + "{type=\"free\"}",
        CPUS + " + on(instance, job) " + ITEMS, CPUS + " + " + ITEMS, CPUS + " > bool on(instance, job) " + ITEMS,
        MEMORY + " + on(instance, job, type) group_left(mode) " + MEMORY,
        INTERMITTENT + " * on(instance, job) " + CPUS);
  }

  private void setOperatorsAndPrecedence() {
    add(MEMORY + " and " + MEMORY + "{type=\"free\"}", MEMORY + " or " + CPUS, MEMORY + " unless " + MEMORY + "{type=\"free\"}",
        MEMORY + " and on(instance) (" + CPUS + " > 4)", MEMORY + " unless on(instance) " + CPUS + "{instance=\"demo.promlabs.com:10000\"}",
        MEMORY + " or on() vector(1)", "(" + MEMORY + " > 1e9) or (" + MEMORY + " < 5e8)", MEMORY + " and ignoring(type) " + CPUS,
        MEMORY + " or " + MEMORY + " and " + CPUS, "(" + MEMORY + " or " + MEMORY + ") and " + CPUS,
        MEMORY + " unless " + MEMORY + "{type=\"free\"} or " + CPUS, MEMORY + " and nonexistent_metric_name",
        "nonexistent_metric_name or " + CPUS, INTERMITTENT + " or " + CPUS, CPUS + " unless " + INTERMITTENT,
        CPUS + " unless on(instance, job) " + INTERMITTENT, SPECIAL + " and " + SPECIAL + " > 0",
        "vector(1) and on() vector(2)", "vector(1) or vector(2)", "vector(1) unless vector(2)",
        MEMORY + " and on(type) " + MEMORY + "{instance=\"demo.promlabs.com:10001\"}",
        MEMORY + " > 1e9 and " + MEMORY + " < 5e9", "1 + 2 * 3 > bool 6", MEMORY + " == bool " + MEMORY + " + 1",
        MEMORY + " + " + MEMORY + " * 2", "(" + MEMORY + " + " + MEMORY + ") * 2", MEMORY + " ^ 2 ^ 0.5",
        "-" + MEMORY + " ^ 2", MEMORY + " % 7 * 3", MEMORY + " / 2 / 3", MEMORY + " - 1 - 2",
        "sum(" + MEMORY + ") + sum(" + CPUS + ") * 2 > bool 1", "1 - " + MEMORY + " / on(instance, job, type) " + MEMORY);
  }

  private void overTimeFunctions() {
    for (String f : OVER_TIME) {
      each(RANGES, r -> f + "_over_time(" + MEMORY + "[" + r + "])");
      add(f + "_over_time(" + INTERMITTENT + "[5m])", f + "_over_time(" + SPECIAL + "[5m])",
          f + "_over_time(" + MEMORY + "[15s])", f + "_over_time(nonexistent_metric_name[5m])");
    }
    for (String q : QUANTILES) {
      add("quantile_over_time(" + q + ", " + MEMORY + "[5m])");
    }
    each(RANGES, r -> "quantile_over_time(0.9, " + MEMORY + "[" + r + "])");
    add("quantile_over_time(0.5, " + SPECIAL + "[5m])", "quantile_over_time(0.5, " + INTERMITTENT + "[10m])",
        "absent_over_time(" + MEMORY + "[5m])", "absent_over_time(nonexistent_metric_name[5m])",
        "absent_over_time(nonexistent_metric_name{job=\"x\", instance=~\"y\"}[5m])",
        "absent_over_time(" + INTERMITTENT + "[1m])", "absent_over_time(" + MEMORY + "{type=\"nope\"}[1h])",
        "absent_over_time(nonexistent_metric_name{job=\"x\", job=\"y\"}[5m])");
  }

  private void counterFunctions() {
    for (String f : RATES) {
      for (String metric : List.of(CPU, ITEMS)) {
        each(List.of("30s", "1m", "5m", "15m", "1h"), r -> f + "(" + metric + "[" + r + "])");
      }
      add(f + "(nonexistent_metric[5m])", f + "(" + SPECIAL + "[5m])", f + "(" + MEMORY + "[5m])",
          f + "(" + CPU + "[5m] offset 10m)", f + "(" + INTERMITTENT + "[5m])", f + "(" + CPUS + "[15s])",
          f + "(" + CPU + "[1m] offset -1m)");
    }
    each(RANGES, r -> "deriv(" + DISK + "[" + r + "])");
    for (String r : RANGES) {
      each(List.of("600", "0", "-600"), t -> "predict_linear(" + DISK + "[" + r + "], " + t + ")");
    }
    add("deriv(" + SPECIAL + "[5m])", "predict_linear(" + SPECIAL + "[5m], 60)", "deriv(" + CPUS + "[10m])",
        "predict_linear(" + MEMORY + "[1h], time() - 1.675e9)");
    each(List.of("0.5, 0.5", "0.1, 0.9", "0.9, 0.1", "0, 0.5", "1, 0.5", "0.5, 0", "0.5, 1"),
        p -> "holt_winters(" + MEMORY + "[10m], " + p + ")");
    add("holt_winters(" + SPECIAL + "[5m], 0.5, 0.5)", "holt_winters(" + DISK + "[1h], 0.3, 0.3)");
    each(RANGES, r -> "resets(" + CPU + "[" + r + "])");
    each(RANGES, r -> "changes(" + BATCH + "[" + r + "])");
    add("changes(" + CPUS + "[1h])", "resets(" + MEMORY + "[1h])", "changes(" + SPECIAL + "[5m])",
        "resets(" + SPECIAL + "[5m])", "changes(" + INTERMITTENT + "[15m])", "resets(" + HIST_COUNT + "[1h])");
  }

  private void mathAndClampFunctions() {
    for (String f : MATH) {
      add(f + "(" + MEMORY + ")", f + "(-" + MEMORY + ")", f + "(" + SPECIAL + ")", f + "(" + MEMORY + " / 1e10)");
    }
    each(List.of("clamp_min", "clamp_max"), f -> f + "(" + MEMORY + ", 2)");
    each(List.of("clamp_min", "clamp_max"), f -> f + "(" + SPECIAL + ", 0)");
    each(List.of("clamp_min", "clamp_max"), f -> f + "(" + MEMORY + ", NaN)");
    add("clamp(" + MEMORY + ", 0, 1)", "clamp(" + MEMORY + ", 0, 1000000000000)", "clamp(" + MEMORY + ", 1000000000000, 0)",
        "clamp(" + MEMORY + ", 1000000000000, 1000000000000)", "clamp(" + SPECIAL + ", -1, 1)",
        "clamp(" + MEMORY + ", NaN, 1)", "clamp(" + MEMORY + ", -Inf, Inf)");
    add("round(" + MEMORY + ")", "round(" + MEMORY + ", 1000)", "round(" + MEMORY + " / 1e6, 0.1)", "round(" + MEMORY + ", -10)",
        "round(" + SPECIAL + ", 5)", "round(" + MEMORY + " / 1e6, 0.5)", "round(" + MEMORY + ", 0)",
        "round(-" + MEMORY + " / 1e7)", "round(rate(" + CPU + "[5m]), 0.001)", "pi()", "pi() * " + CPUS);
  }

  private void dateAndTimeFunctions() {
    for (String f : DATES) {
      add(f + "()", f + "(" + BATCH + ")", f + "(" + BATCH + " offset 1h)", f + "(vector(0))", f + "(vector(1e10))",
          f + "(" + SPECIAL + ")", f + "(vector(time()))");
    }
    add("time()", "timestamp(" + CPUS + ")", "timestamp(timestamp(" + CPUS + "))", "timestamp(" + MEMORY + " offset 5m)",
        "timestamp(" + INTERMITTENT + ")", "timestamp(vector(1))", "time() - timestamp(" + MEMORY + ")",
        "timestamp(sum(" + MEMORY + "))", "timestamp(rate(" + CPU + "[5m]))", "time() - " + BATCH,
        "(time() - max(" + BATCH + ")) > bool 600");
  }

  private void labelFunctions() {
    add("label_replace(" + CPUS + ", \"job\", \"destination-value-$1\", \"instance\", \"demo.promlabs.com:(.*)\")",
        "label_replace(" + CPUS + ", \"job\", \"destination-value-$1\", \"instance\", \"host:(.*)\")",
        "label_replace(" + CPUS + ", \"job\", \"$1-$2\", \"instance\", \"(.*)\\\\.(.*)\")",
        "label_replace(" + CPUS + ", \"job\", \"$1-$2\", \"instance\", \"host-(.*)\\\\.example:(.*)\")",
        "label_replace(" + CPUS + ", \"job\", \"value-$1\", \"nonexistent-src\", \"source-value-(.*)\")",
        "label_replace(" + CPUS + ", \"job\", \"value-$1\", \"nonexistent-src\", \"(.*)\")",
        "label_replace(" + CPUS + ", \"job\", \"value-$1\", \"instance\", \"non-matching-regex\")",
        "label_replace(" + CPUS + ", \"job\", \"\", \"dst\", \".*\")",
        "label_replace(" + CPUS + ", \"job\", \"value-$1\", \"src\", \"(.*\")",
        "label_replace(" + CPUS + ", \"\\xff\", \"\", \"src\", \"(.*)\")",
        "label_replace(" + CPUS + ", \"instance\", \"\", \"\", \"\")",
        "label_replace(" + CPUS + ", \"port\", \"${1}0\", \"instance\", \".*:(\\\\d+)\")",
        "label_replace(" + CPUS + ", \"host\", \"$host\", \"instance\", \"(?P<host>[^:]+):.*\")",
        "label_replace(" + CPUS + ", \"x\", \"$1$2$3\", \"instance\", \"(d)(e)(m)o.*\")",
        "label_replace(" + CPUS + ", \"x\", \"$10\", \"instance\", \"(.*)\")",
        "label_replace(" + CPUS + ", \"x\", \"$$1\", \"instance\", \"(.*)\")",
        "label_replace(" + MEMORY + ", \"__name__\", \"renamed_$1\", \"type\", \"(.*)\")",
        "label_replace(" + MEMORY + ", \"type\", \"all\", \"type\", \".*\")",
        "label_replace(rate(" + CPU + "[5m]), \"mode\", \"$1\", \"mode\", \"(i).*\")",
        "label_replace(" + CPUS + ", \"job\", \"x\", \"instance\", \"(?i)DEMO.*\")",
        "label_replace(" + CPUS + ", \"1bad\", \"x\", \"instance\", \".*\")");
    add("label_join(" + CPUS + ", \"new_label\", \"-\", \"instance\", \"job\")",
        "label_join(" + CPUS + ", \"job\", \"-\", \"instance\", \"job\")",
        "label_join(" + CPUS + ", \"job\", \"-\", \"instance\")",
        "label_join(" + CPUS + ", \"\\xff\", \"-\", \"instance\")",
        "label_join(" + CPUS + ", \"x\", \"\", \"job\", \"instance\", \"job\")",
        "label_join(" + CPUS + ", \"x\", \",\")", "label_join(" + MEMORY + ", \"__name__\", \"_\", \"job\", \"type\")",
        "label_join(" + CPUS + ", \"instance\", \"\", \"nonexistent\")",
        "label_join(" + CPUS + ", \"x\", \"-\", \"__name__\", \"nonexistent\", \"job\")");
  }

  private void histogramsAndSummaries() {
    List<String> inputs = List.of("rate(" + BUCKET + "[1m])", "rate(" + BUCKET + "[5m])",
        "sum by (le) (rate(" + BUCKET + "[5m]))", "sum by (le, method) (rate(" + BUCKET + "[5m]))", BUCKET,
        "sum without (instance) (" + BUCKET + ")");
    for (String phi : List.of("-1", "0", "0.01", "0.25", "0.5", "0.9", "0.99", "1", "1.01", "2", "NaN", "Inf")) {
      each(inputs, in -> "histogram_quantile(" + phi + ", " + in + ")");
    }
    add("histogram_quantile(0.9, nonexistent_metric)", "histogram_quantile(0.9, " + MEMORY + ")",
        "histogram_quantile(0.9, {__name__=~\"demo_api_request_duration_seconds_.+\"})",
        "histogram_quantile(0.9, rate(" + BUCKET + "{le!=\"+Inf\"}[5m]))",
        "histogram_quantile(0.9, rate(" + BUCKET + "{status=\"500\"}[5m]))",
        "histogram_quantile(0.5, label_replace(" + BUCKET + ", \"le\", \"x$1\", \"le\", \"(0.1)\"))",
        "histogram_quantile(0.5, " + BUCKET + " offset 1h)",
        "histogram_quantile(0.5, rate(" + BUCKET + "[5m] @ " + at(middle()) + "))",
        "histogram_quantile(scalar(" + CPUS + "{instance=\"demo.promlabs.com:10000\"}) / 10, rate(" + BUCKET + "[5m]))",
        "histogram_count(" + BUCKET + ")", "histogram_sum(rate(" + BUCKET + "[5m]))",
        "histogram_fraction(0, 0.1, " + BUCKET + ")", "histogram_count(" + HIST_COUNT + ")");
    add(SUMMARY + "{quantile=\"0.9\"}", "max_over_time(" + SUMMARY + "[10m])", "avg by (quantile) (" + SUMMARY + ")",
        "rate(" + SUMMARY + "_sum[5m]) / rate(" + SUMMARY + "_count[5m])", "sum by (service) (rate(" + SUMMARY + "_count[5m]))",
        "count_over_time(" + SUMMARY + "{service=\"beta\"}[5m])", SUMMARY + " > 0.01");
  }

  private void absentSortScalarVector() {
    add("absent(" + MEMORY + ")", "absent(nonexistent_metric_name)", "absent(nonexistent_metric_name{job=\"x\"})",
        "absent(nonexistent_metric_name{job=~\"x\"})", "absent(nonexistent_metric_name{job=\"x\", job=\"y\"})",
        "absent(sum(nonexistent_metric_name))", "absent(" + MEMORY + "{type=\"nope\"})", "absent(vector(1))",
        "absent(rate(nonexistent_metric_name[5m]))", "absent(" + INTERMITTENT + "{instance=\"demo.promlabs.com:10000\"})",
        "absent(nonexistent_metric_name{instance=\"a\", job!=\"b\"})");
    for (String f : List.of("sort", "sort_desc")) {
      add(f + "(" + MEMORY + ")", f + "(rate(" + CPU + "[5m]))", f + "(" + SPECIAL + ")", f + "(sum by (instance) (" + MEMORY + "))",
          f + "(" + CPUS + ")", f + "(nonexistent_metric_name)", f + "(" + INTERMITTENT + ")");
    }
    add("sort_desc(topk(3, " + MEMORY + "))", "topk(3, sort(" + MEMORY + "))", "sort(-" + MEMORY + ")");
    add("vector(1.23)", "vector(time())", "vector(NaN)", "vector(-Inf)", "vector(scalar(sum(" + MEMORY + ")))",
        "scalar(" + CPUS + ")", "scalar(" + CPUS + "{instance=\"demo.promlabs.com:10000\"})",
        "scalar(nonexistent_metric_name)", "scalar(sum(" + CPUS + "))", "scalar(" + CPUS + ") + 1",
        "scalar(vector(1)) * " + MEMORY, "vector(1) + vector(2)", "vector(1) * " + CPUS);
  }

  private void subqueries() {
    add("max_over_time((time() - max(" + BATCH + ") < 1000)[5m:10s] offset 5m)",
        "avg_over_time(rate(" + CPU + "[1m])[2m:10s])", "rate(" + CPU + "[5m])[30m:1m]",
        "max_over_time(rate(" + CPU + "[1m])[10m:])", "max_over_time(avg_over_time(" + MEMORY + "[5m:1m])[15m:5m])",
        "min_over_time(rate(" + CPU + "[5m])[30m:1m])[1h:10m]", "sum_over_time(" + MEMORY + "[7m:13s])",
        "avg_over_time(" + MEMORY + "[5m:17s] offset 3m)", "vector(time())[5m:1m]", "deriv(sum(" + MEMORY + ")[30m:1m])",
        "rate(sum(" + CPU + ")[10m:30s])", "resets(sum(" + CPU + ")[1h:1m])", "changes(max(" + CPUS + ")[1h:5m])",
        "quantile_over_time(0.9, rate(" + CPU + "[1m])[10m:1m])", "predict_linear(sum(" + DISK + ")[1h:5m], 3600)",
        "absent_over_time(nonexistent_metric_name[5m:1m])", "last_over_time(" + INTERMITTENT + "[10m:1m])",
        "max_over_time(" + MEMORY + "[10m:1m] @ " + at(middle()) + ")", "max_over_time(" + MEMORY + "[10m:1m] @ end())",
        "max_over_time(" + MEMORY + "[10m:1m] @ start() offset -5m)", "count_over_time(" + MEMORY + "[10m:1m] offset -2m)",
        "sum_over_time(sum(" + MEMORY + " @ start())[5m:1m])", "timestamp(max_over_time(" + MEMORY + "[5m:1m]))",
        "present_over_time(" + INTERMITTENT + "[3m:30s])", "stddev_over_time(rate(" + CPU + "[5m])[20m:2m])",
        "irate(" + CPU + "[5m:15s])", "increase(" + ITEMS + "[10m:1m])", "delta(" + MEMORY + "[10m:90s])",
        "idelta(" + MEMORY + "[10m:1m])", "max_over_time(" + SPECIAL + "[5m:30s])",
        "sum_over_time((" + MEMORY + " > 1e9)[20m:2m] offset 10m)", "min_over_time(-" + MEMORY + "[10m:3m])",
        "holt_winters(sum(" + MEMORY + ")[30m:1m], 0.5, 0.5)", "avg_over_time(" + MEMORY + "[5m:1m])[20m:5m]");
    for (String f : List.of("avg", "min", "max", "sum", "count", "last", "stddev")) {
      each(List.of(MEMORY + "[10m:1m]", "rate(" + CPU + "[5m])[15m:45s]", "sum by (instance) (" + MEMORY + ")[1h:7m]"),
          sq -> f + "_over_time(" + sq + ")");
    }
  }

  private void dashboardShapes() {
    add("sum by (instance, job) (rate(" + CPU + "[5m]))",
        "sum by (mode) (rate(" + CPU + "[5m])) / ignoring(mode) group_left sum(rate(" + CPU + "[5m]))",
        "100 * (1 - avg by (instance) (rate(" + CPU + "{mode=\"idle\"}[5m])))",
        "sort_desc(sum by (instance) (rate(" + CPU + "[5m])))", "topk(3, sum by (instance) (rate(" + CPU + "[5m])))",
        "max by (instance) (" + BATCH + ") < time() - 60", "sum(increase(" + ITEMS + "[1h])) by (job)",
        "histogram_quantile(0.99, sum by (le, path) (rate(" + BUCKET + "[5m])))",
        "sum by (status) (rate(" + HIST_COUNT + "[5m]))",
        "sum(rate(" + HIST_COUNT + "{status=\"500\"}[5m])) / sum(rate(" + HIST_COUNT + "[5m]))",
        MEMORY + "{type=\"used\"} / on(instance, job) sum by (instance, job) (" + MEMORY + ")",
        "predict_linear(" + DISK + "[1h], 4 * 3600) > 1e10", "count by (job) (" + CPUS + ")",
        "avg_over_time(" + CPUS + "[1h]) != " + CPUS, "count(" + INTERMITTENT + ") or vector(0)",
        "rate(" + ITEMS + "[5m]) * 60", "deriv(" + DISK + "[30m]) * 3600");
  }

  private void errors() {
    add("{__name__=~\".*\"}", "{}", "{foo=~\".*\"}", MEMORY + "{type=~\"(.*\"}", MEMORY + "{__name__=\"other\"}",
        MEMORY + "[5m:1m:2m]", MEMORY + "[:1m]", MEMORY + "[5m][10m:1m]", MEMORY + "[0s]", MEMORY + "[5]",
        "sum(" + MEMORY, MEMORY + ")", "1 +", "+", "rate(" + CPU + "[5m] offset)", "sum by (instance) (" + MEMORY + ") by (type)",
        "1 == 1", MEMORY + " and bool " + MEMORY, "1_000", "foo{", "\"unterminated", MEMORY + " offset 5", "@ 100",
        MEMORY + " @ foo()", "#comment only", "1 + # comment\n 2", MEMORY + " {type=\"free\"}", "sum without(instance, ) (" + MEMORY + ")");
    add("foo(" + MEMORY + ")", "unknown_function()", "rate()", "rate(" + MEMORY + "[5m], 1)", "round(" + MEMORY + ", 1, 2)",
        "label_replace(" + MEMORY + ", \"a\")", "vector(\"a\")", "time(1)", "abs(1)", "abs(" + MEMORY + "[5m])",
        "sum_over_time(" + MEMORY + ")", "rate(" + MEMORY + ")", "absent_over_time(" + MEMORY + ")",
        "holt_winters(" + MEMORY + "[5m])", "label_join(" + MEMORY + ", \"a\", 1)", "histogram_quantile(" + MEMORY + ", " + BUCKET + ")",
        "sum(1)", "sum(" + MEMORY + "[5m])", "topk(" + CPUS + ", " + MEMORY + ")", "quantile(\"a\", " + MEMORY + ")",
        "count_values(1, " + MEMORY + ")", MEMORY + " + " + MEMORY + "[5m]", "\"a\" + 1", MEMORY + " and \"a\"",
        MEMORY + " and 1", "1 or 2", "scalar(" + MEMORY + "[5m])", "time()[5m:1m]", "sum(" + MEMORY + ")[5m]",
        "-\"a\"", "sort(1)", "timestamp(" + MEMORY + "[5m])");
    add(MEMORY + " + ignoring(type) " + MEMORY, MEMORY + " / on(instance) " + MEMORY,
        CPU + " + on(instance) group_left " + MEMORY, MEMORY + " * on(instance, job) group_right " + CPUS,
        MEMORY + " == ignoring(type) group_left " + MEMORY,
        "abs({__name__=~\"" + CPUS + "|" + BATCH + "\"})", "{__name__=~\"" + CPUS + "|" + ITEMS + "\"} * 2",
        "rate({__name__=~\"" + ITEMS + "|" + HIST_COUNT + "\"}[5m])", "label_replace(" + MEMORY + ", \"type\", \"x\", \"\", \"\")",
        "sum by (instance) (" + MEMORY + ") + on(job) sum by (instance, job) (" + MEMORY + ")");
  }
}
