/** The tombstones file of a block: deleted time intervals per series. */
package dev.vigil.tsdb.tombstones;
