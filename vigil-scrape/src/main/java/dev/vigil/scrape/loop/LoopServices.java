package dev.vigil.scrape.loop;

import dev.vigil.core.storage.Appendable;
import java.time.Clock;

/**
 * What the loops of one pool share: the storage they append to, the scheduler that runs them, the
 * wall clock that stamps samples, the server's jitter seed (fixed when the pool is made, as in 2.42)
 * and the counters.
 */
record LoopServices(Appendable storage, ScrapeScheduler scheduler, Clock clock, long jitterSeed,
    ScrapeMetrics metrics) {}
