/**

import dev.vigil.testkit.dataset.BlockDataset;

 * The differential PromQL test: generated data written as blocks ({@link
 * dev.vigil.it.promql.BlockDataset}), served by real Prometheus 2.42 and by Vigil, asked
 * the same corpus of queries ({@link dev.vigil.it.promql.QueryCorpus}), their answers compared
 * ({@link dev.vigil.it.promql.ResultComparator}).
 */
package dev.vigil.it.promql;
