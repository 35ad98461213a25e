/** Seeded benchmark inputs: synthetic sample shapes and the OpenMetrics generator corpus as chunks. */
package dev.vigil.bench.data;
