package dev.vigil.bench.query;

import dev.vigil.testkit.dataset.BlockDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes the query benchmark's blocks: the differential suite's dataset scaled to a series count and
 * a span. Prints what it wrote as {@code key=value} lines for the side-by-side script.
 *
 * <p>Usage: {@code java -cp vigil-benchmarks.jar dev.vigil.bench.query.QueryBenchData DIR SERIES HOURS SEED}
 */
public final class QueryBenchData {
  private QueryBenchData() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: QueryBenchData DIR SERIES HOURS SEED");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    BlockDataset.Spec spec = BlockDataset.Spec.forSeriesCount(Long.parseLong(args[3]), Integer.parseInt(args[1]),
        Duration.ofHours(Long.parseLong(args[2])));
    BlockDataset.Written written = BlockDataset.write(spec, dir);
    System.out.println("series=" + written.series());
    System.out.println("samples=" + written.samples());
    System.out.println("blocks=" + written.blocks().size());
    System.out.println("min_time_ms=" + written.timeline().minTime());
    System.out.println("max_time_ms=" + written.timeline().maxTime());
  }
}
