/**
 * The pure computations behind PromQL's functions and aggregation operators, float for float as
 * Prometheus 2.42 computes them: the same formulas, the same order of summation and the same special
 * cases, so results agree with Prometheus to the last bits wherever Go's arithmetic allows.
 *
 * <p>Nothing here knows about series, steps or the query's syntax: the engine hands over sample arrays,
 * values, labels and scalar parameters and gets numbers or labels back.
 */
package dev.vigil.promql.functions;
