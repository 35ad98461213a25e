/** The chunks/ directory of a block: numbered segment files of CRC-protected chunk records. */
package dev.vigil.tsdb.chunks;
