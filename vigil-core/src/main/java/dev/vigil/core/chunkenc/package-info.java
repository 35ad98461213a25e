/**
 * Chunk encodings, bit for bit as Prometheus writes them. XOR (Gorilla with millisecond timestamps)
 * is specified in {@link dev.vigil.core.chunkenc.XorChunk}.
 */
package dev.vigil.core.chunkenc;
