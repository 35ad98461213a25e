/** File-system chores shared by block writing, the WAL and compaction: tree deletion, directory fsync. */
package dev.vigil.tsdb.fs;
