/**
 * The PromQL syntax tree: immutable nodes shared by the parser, the printer and the engine. Nodes carry
 * their source position so that errors found after parsing can still point into the query text.
 */
package dev.vigil.promql.ast;
