/**
 * The PromQL parser and printers, reproducing Prometheus 2.42 to the byte: the same trees, the same
 * first error with the same position and wording, and the same one-line ({@link
 * dev.vigil.promql.parser.Printer}) and multi-line ({@link dev.vigil.promql.parser.Prettifier})
 * forms. {@link dev.vigil.promql.parser.PromqlParser} is the entry point.
 */
package dev.vigil.promql.parser;
