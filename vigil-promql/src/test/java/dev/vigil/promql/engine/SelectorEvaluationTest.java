package dev.vigil.promql.engine;

import org.junit.jupiter.api.Test;

class SelectorEvaluationTest {
  @Test
  void instantSelectorSeesASampleUpToFiveMinutesOldInclusive() {
    PromqlScript.run("""
        load 1m
          metric{job="a"} 1
        eval instant at 5m metric
          metric{job="a"} 1
        eval instant at 5m1s metric
        """);
  }

  @Test
  void lookbackDeltaComesFromTheEngineOptions() {
    PromqlScript.run("""
        load 1m
          metric 1
        eval instant at 1m metric
          metric 1
        eval instant at 1m1s metric
        """, new EngineOptions(120_000, 50_000_000, 20, 60_000));
  }

  @Test
  void staleMarkerEndsTheSeriesAtOnce() {
    PromqlScript.run("""
        load 1m
          metric 1 stale
        eval instant at 30s metric
          metric 1
        eval instant at 1m metric
        eval instant at 3m metric
        """);
  }

  @Test
  void offsetReadsThePast() {
    PromqlScript.run("""
        load 1m
          metric 0+1x10
        eval instant at 10m metric offset 5m
          metric 5
        eval instant at 2m metric offset -3m
          metric 5
        """);
  }

  @Test
  void atModifierFixesTheEvaluationTime() {
    PromqlScript.run("""
        load 1m
          metric 0+1x10
        eval instant at 10m metric @ 180
          metric 3
        eval instant at 10m metric @ 180 offset 1m
          metric 2
        eval range from 2m to 4m step 1m metric @ start()
          metric 2 2 2
        eval range from 2m to 4m step 1m metric @ end()
          metric 4 4 4
        """);
  }

  @Test
  void rangeQueryEvaluatesEveryStep() {
    PromqlScript.run("""
        load 1m
          metric{a="x"} 0+1x4 _ _ _ _ _ _ 10
        eval range from 0 to 12m step 2m metric
          metric{a="x"} 0 2 4 4 4 _ 10
        """);
  }

  @Test
  void timestampReadsTheSampleTimeNotTheStep() {
    PromqlScript.run("""
        load 1m
          metric 1 _ _
        eval instant at 2m timestamp(metric)
          {} 0
        eval instant at 2m timestamp(metric + 1)
          {} 120
        """);
  }

  @Test
  void unaryMinusDropsTheName() {
    PromqlScript.run("""
        load 1m
          metric{a="1"} 3
        eval instant at 0 -metric
          {a="1"} -3
        """);
  }

  @Test
  void rangeVectorAtTheTopOfAnInstantQueryIsAMatrix() {
    PromqlScript.run("""
        load 1m
          metric 1 2 3
        eval range from 0 to 2m step 1m metric * 2
          {} 2 4 6
        """);
  }

  @Test
  void rangeQueryRejectsRangeVectors() {
    PromqlScript.run("""
        load 1m
          metric 1 2 3
        eval_fail range from 0 to 2m step 1m metric[5m]
          invalid expression type "range vector" for range query, must be Scalar or instant Vector
        """);
  }
}
