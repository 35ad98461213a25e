/** Scrape targets for tests and benchmarks: HTTP servers serving expositions with known content. */
package dev.vigil.testkit.target;
