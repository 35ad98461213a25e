/** Interop tests: Vigil's blocks and tools against the real promtool and Prometheus 2.42. */
package dev.vigil.it;
