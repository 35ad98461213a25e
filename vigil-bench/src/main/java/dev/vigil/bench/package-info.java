/** JMH benchmarks and side-by-side harnesses; shared JMH counters live here. */
package dev.vigil.bench;
