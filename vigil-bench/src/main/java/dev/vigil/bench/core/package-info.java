/** JMH benchmarks of vigil-core: XOR chunk encoding and decoding in samples/s per core. */
package dev.vigil.bench.core;
