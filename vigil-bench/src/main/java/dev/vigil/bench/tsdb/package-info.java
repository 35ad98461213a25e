/** JMH benchmarks of vigil-tsdb: block writing, postings set operations and series selection. */
package dev.vigil.bench.tsdb;
