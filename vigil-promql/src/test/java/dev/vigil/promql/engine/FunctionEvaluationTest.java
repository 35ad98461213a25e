package dev.vigil.promql.engine;

import org.junit.jupiter.api.Test;

class FunctionEvaluationTest {
  @Test
  void rateOfASteadyCounterIsItsSlope() {
    PromqlScript.run("""
        load 1m
          http{job="a"} 0+60x10
        eval instant at 5m rate(http[5m])
          {job="a"} 1
        eval instant at 5m increase(http[5m])
          {job="a"} 300
        """);
  }

  @Test
  void increaseCorrectsForCounterResets() {
    PromqlScript.run("""
        load 1m
          c 0 10 20 5 15
        eval instant at 4m increase(c[4m])
          {} 35
        eval instant at 4m resets(c[4m])
          {} 1
        """);
  }

  @Test
  void rateNeedsTwoSamples() {
    PromqlScript.run("""
        load 1m
          c 5
        eval instant at 1m rate(c[5m])
        eval instant at 1m count_over_time(c[5m])
          {} 1
        """);
  }

  @Test
  void lastOverTimeKeepsTheName() {
    PromqlScript.run("""
        load 1m
          metric{a="1"} 1 2 3
        eval instant at 2m last_over_time(metric[5m])
          metric{a="1"} 3
        eval instant at 2m max_over_time(metric[5m])
          {a="1"} 3
        """);
  }

  @Test
  void rangeFunctionsRejectSeriesThatCollideOnceTheNameIsGone() {
    PromqlScript.run("""
        load 1m
          x{a="1"} 1 2
          y{a="1"} _ _ 1 2
        eval_fail instant at 3m rate({__name__=~"x|y"}[10m])
          vector cannot contain metrics with the same labelset
        """);
  }

  @Test
  void absentDescribesTheMissingSeries() {
    PromqlScript.run("""
        load 1m
          x{a="1"} 1
        eval instant at 0 absent(nonexistent{job="api", env=~"p.*"})
          {job="api"} 1
        eval instant at 0 absent(x)
        eval instant at 0 absent_over_time(nonexistent{job="api"}[5m])
          {job="api"} 1
        """);
  }

  @Test
  void histogramQuantileInterpolatesWithinTheBucket() {
    PromqlScript.run("""
        load 1m
          h_bucket{le="0.1"} 1
          h_bucket{le="0.5"} 3
          h_bucket{le="+Inf"} 4
        eval instant at 0 histogram_quantile(0.5, h_bucket)
          {} 0.3
        """);
  }

  @Test
  void labelReplaceRewritesWithCaptureGroups() {
    PromqlScript.run("""
        load 1m
          x{a="foo"} 1
        eval instant at 0 label_replace(x, "b", "$1-z", "a", "f(.*)")
          x{a="foo", b="oo-z"} 1
        eval instant at 0 label_replace(x, "b", "$1", "a", "nomatch")
          x{a="foo"} 1
        """);
  }

  @Test
  void scalarOfMoreThanOneSeriesIsNaN() {
    PromqlScript.run("""
        load 1m
          x{a="1"} 1
          x{a="2"} 2
        eval instant at 0 scalar(x)
          NaN
        eval instant at 0 scalar(x{a="2"})
          2
        eval instant at 1m vector(time())
          {} 60
        """);
  }

  @Test
  void sortDescOrdersByValueWithNaNLast() {
    PromqlScript.run("""
        load 1m
          x{a="1"} 1
          x{a="2"} NaN
          x{a="3"} 3
        eval_ordered instant at 0 sort_desc(x)
          x{a="3"} 3
          x{a="1"} 1
          x{a="2"} NaN
        eval_ordered instant at 0 sort(x)
          x{a="1"} 1
          x{a="3"} 3
          x{a="2"} NaN
        """);
  }

  @Test
  void subqueryEvaluatesItsBodyAtAlignedSteps() {
    PromqlScript.run("""
        load 1m
          x 0+1x10
        eval instant at 10m max_over_time(x[5m:1m])
          {} 10
        eval instant at 10m count_over_time(x[5m:2m])
          {} 3
        """);
  }

  @Test
  void timestampOfAFixedVectorIsEachStepsTime() {
    PromqlScript.run("""
        eval range from 0 to 2m step 1m timestamp(vector(1))
          {} 0 60 120
        """);
  }
}
