/**
 * The storage seams: the read path (Queryable, Querier, SeriesSet, Series, SampleIterator), the
 * chunk read path used by compaction and the Store API, and the write path (Appendable, Appender).
 * The query engine sees only these, so one engine serves a block, a TSDB or the global view.
 */
package dev.vigil.core.storage;
