/** The block index (format v2): symbols, series, label indices, postings, offset tables and TOC. */
package dev.vigil.tsdb.index;
