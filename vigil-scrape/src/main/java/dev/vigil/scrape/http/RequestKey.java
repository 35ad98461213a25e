package dev.vigil.scrape.http;

import java.net.URI;

/**
 * What a scrape's GET is made of besides the fixed headers: the URL, the timeout it announces, its
 * Authorization and Referer (null when absent). A transport keeps the request it built last and reuses
 * it while the key is equal, as it is from scrape to scrape of one target.
 */
record RequestKey(URI url, long timeoutMillis, String authorization, String referer) {}
