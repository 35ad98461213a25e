package dev.vigil.promql.engine;

import org.junit.jupiter.api.Test;

class OperatorEvaluationTest {
  private static final String DATA = """
      load 1m
        x{a="1", b="1"} 1
        x{a="1", b="2"} 2
        x{a="2", b="1"} 4
        y{a="1"} 10
        y{a="2"} 20
      """;

  @Test
  void sumGroupsByTheListedLabels() {
    PromqlScript.run(DATA + """
        eval instant at 0 sum by (a) (x)
          {a="1"} 3
          {a="2"} 4
        eval instant at 0 sum without (b) (x)
          {a="1"} 3
          {a="2"} 4
        eval instant at 0 avg(x)
          {} 2.3333333333333335
        """);
  }

  @Test
  void topkReturnsTheLargestFirst() {
    PromqlScript.run(DATA + """
        eval_ordered instant at 0 topk(2, x)
          x{a="2", b="1"} 4
          x{a="1", b="2"} 2
        eval_ordered instant at 0 bottomk(1, x)
          x{a="1", b="1"} 1
        """);
  }

  @Test
  void countValuesCountsEachDistinctValue() {
    PromqlScript.run(DATA + """
        eval instant at 0 count_values("v", x)
          {v="1"} 1
          {v="2"} 1
          {v="4"} 1
        """);
  }

  @Test
  void groupLeftCopiesLabelsFromTheOneSide() {
    PromqlScript.run(DATA + """
        eval instant at 0 x * on (a) group_left y
          {a="1", b="1"} 10
          {a="1", b="2"} 20
          {a="2", b="1"} 80
        """);
  }

  @Test
  void manyToManyMatchingIsAnError() {
    PromqlScript.run(DATA + """
        eval_fail instant at 0 y * on (a) x
          found duplicate series for the match group {a="1"} on the right hand-side of the operation: \
        [{__name__="x", a="1", b="2"}, {__name__="x", a="1", b="1"}];many-to-many matching not allowed: \
        matching labels must be unique on one side
        """.replace("\\\n", ""));
  }

  @Test
  void comparisonFiltersUnlessBool() {
    PromqlScript.run(DATA + """
        eval instant at 0 x > 1
          x{a="1", b="2"} 2
          x{a="2", b="1"} 4
        eval instant at 0 x > bool 1
          {a="1", b="1"} 0
          {a="1", b="2"} 1
          {a="2", b="1"} 1
        eval instant at 0 1 < x
          x{a="1", b="2"} 2
          x{a="2", b="1"} 4
        """);
  }

  @Test
  void setOperatorsMatchOnAllLabelsButTheName() {
    PromqlScript.run(DATA + """
        eval instant at 0 y and on (a) x{b="2"}
          y{a="1"} 10
        eval instant at 0 y unless on (a) x{b="2"}
          y{a="2"} 20
        eval instant at 0 x{b="2"} or y
          x{a="1", b="2"} 2
          y{a="1"} 10
          y{a="2"} 20
        """);
  }

  @Test
  void scalarArithmeticFollowsGo() {
    PromqlScript.run("""
        eval instant at 0 2 ^ 3 ^ 2
          512
        eval instant at 0 -7 % 3
          -1
        eval instant at 0 1 / 0
          +Inf
        eval instant at 0 0 / 0
          NaN
        """);
  }
}
