package dev.vigil.core.storage;

import dev.vigil.core.chunkenc.Chunk;

/** An encoded chunk with the times of its first and last sample (inclusive). */
public record ChunkMeta(long minTime, long maxTime, Chunk chunk) {}
