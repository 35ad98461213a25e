package dev.vigil.tsdb;

/**
 * How the series of one head (or block builder) make chunks: the chunk range whose windows no chunk
 * spans, and the arena their open chunks live in. One per head, shared by its series, so that a
 * series holds one reference for both.
 */
record SeriesChunking(long range, ChunkArena arena) {}
