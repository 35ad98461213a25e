package dev.vigil.scrape.loop;

/**
 * What appending one scrape's body did.
 *
 * @param total the samples in the body ({@code scrape_samples_scraped})
 * @param added the samples left after metric relabeling ({@code scrape_samples_post_metric_relabeling})
 * @param seriesAdded the samples of series new to the target's cache ({@code scrape_series_added})
 * @param appended the samples storage accepted, staleness markers included
 * @param error why the append failed, in Prometheus 2.42's words; null when it went through
 */
record AppendResult(int total, int added, int seriesAdded, int appended, String error) {
  boolean failed() {
    return error != null;
  }
}
