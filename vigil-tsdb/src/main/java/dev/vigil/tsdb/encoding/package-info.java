/** Byte-level encoding shared by the TSDB files: big-endian integers, Go varints, CRC32C, bounds-checked reads. */
package dev.vigil.tsdb.encoding;
