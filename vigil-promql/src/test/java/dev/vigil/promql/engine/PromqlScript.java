package dev.vigil.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.labels.SelectorParser;
import dev.vigil.core.model.GoFloat;
import dev.vigil.core.model.PromDuration;
import dev.vigil.core.model.StaleMarker;
import dev.vigil.promql.value.InstantVector;
import dev.vigil.promql.value.Matrix;
import dev.vigil.promql.value.RangeSeries;
import dev.vigil.promql.value.Sample;
import dev.vigil.promql.value.Scalar;
import dev.vigil.promql.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs engine specifications written as small scripts, in the spirit of Prometheus's test files:
 *
 * <pre>
 * load 1m
 *   http_requests{job="api"} 0+10x5 _ stale
 * eval instant at 3m rate(http_requests[2m])
 *   {job="api"} 0.16666666666666666
 * eval range from 0 to 4m step 2m sum(http_requests)
 *   {} 0 20 40
 * eval_fail instant at 0 foo[5m] + 1
 *   binary expression must contain only scalar and instant vector types
 * </pre>
 *
 * Series values: numbers (Go syntax: NaN, Inf), {@code _} for no sample, {@code stale}, and
 * {@code a+bxN} / {@code a-bxN} for N+1 evenly changing values. {@code eval_ordered} also checks the
 * order of an instant vector. Values match within 1e-9 relative, NaN matches NaN.
 */
final class PromqlScript {
  private PromqlScript() {}

  static void run(String script) {
    run(script, EngineOptions.DEFAULTS);
  }

  static void run(String script, EngineOptions options) {
    Engine engine = new Engine(options);
    MemoryStorage storage = new MemoryStorage();
    String[] lines = script.strip().split("\n");
    int i = 0;
    while (i < lines.length) {
      String line = lines[i].strip();
      i++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> body = new ArrayList<>();
      while (i < lines.length && lines[i].startsWith(" ") && !lines[i].isBlank()) {
        body.add(lines[i].strip());
        i++;
      }
      if (line.startsWith("load ")) {
        load(storage, PromDuration.parseMillis(line.substring(5).strip()), body);
      } else if (line.equals("clear")) {
        storage = new MemoryStorage();
      } else if (line.startsWith("eval")) {
        eval(engine, storage, line, body);
      } else {
        fail("unknown script command: " + line);
      }
    }
  }

  private static void load(MemoryStorage storage, long interval, List<String> body) {
    for (String line : body) {
      int split = line.lastIndexOf('}') + 1;
      if (split == 0) {
        split = line.indexOf(' ');
      }
      Labels labels = labelsOf(line.substring(0, split).strip());
      List<Double> values = values(line.substring(split).strip());
      for (int n = 0; n < values.size(); n++) {
        if (values.get(n) != null) {
          storage.add(labels, n * interval, values.get(n));
        }
      }
    }
  }

  static Labels labelsOf(String descriptor) {
    LabelsBuilder b = Labels.builder();
    String selector = descriptor.equals("{}") ? "" : descriptor;
    if (!selector.isEmpty()) {
      for (Matcher m : SelectorParser.parse(selector)) {
        b.set(m.name(), m.value());
      }
    }
    return b.build();
  }

  /** Expands a values notation; null stands for "no sample". */
  static List<Double> values(String text) {
    List<Double> out = new ArrayList<>();
    for (String token : text.split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (token.equals("_")) {
        out.add(null);
      } else if (token.equals("stale")) {
        out.add(StaleMarker.STALE_NAN);
      } else if (token.matches("_x\\d+")) {
        for (int n = Integer.parseInt(token.substring(2)); n > 0; n--) {
          out.add(null);
        }
      } else if (token.matches("-?[^-+x]+[-+][^x]+x\\d+")) {
        int x = token.lastIndexOf('x');
        int sign = Math.max(token.lastIndexOf('+', x), token.lastIndexOf('-', x));
        double start = GoFloat.parse(token.substring(0, sign));
        double step = GoFloat.parse(token.substring(sign, x));
        int count = Integer.parseInt(token.substring(x + 1));
        for (int n = 0; n <= count; n++) {
          out.add(start + n * step);
        }
      } else {
        out.add(GoFloat.parse(token));
      }
    }
    return out;
  }

  private static void eval(Engine engine, MemoryStorage storage, String line, List<String> body) {
    String[] words = line.split(" ", 2);
    String kind = words[0];
    String rest = words[1];
    Value value;
    String query;
    String context;
    try {
      if (rest.startsWith("instant at ")) {
        String[] parts = rest.substring("instant at ".length()).split(" ", 2);
        query = parts[1];
        context = "instant query at " + parts[0] + ": " + query;
        if (kind.equals("eval_fail")) {
          expectFailure(() -> engine.instant(storage, query, PromDuration.parseMillis(parts[0]),
              QueryControl.unlimited()), body, context);
          return;
        }
        value = engine.instant(storage, query, PromDuration.parseMillis(parts[0]), QueryControl.unlimited()).value();
      } else if (rest.startsWith("range from ")) {
        String[] parts = rest.substring("range from ".length()).split(" ", 6);
        long start = PromDuration.parseMillis(parts[0]);
        long end = PromDuration.parseMillis(parts[2]);
        long step = PromDuration.parseMillis(parts[4]);
        query = parts[5];
        context = "range query " + parts[0] + ".." + parts[2] + "/" + parts[4] + ": " + query;
        if (kind.equals("eval_fail")) {
          expectFailure(() -> engine.range(storage, query, start, end, step, QueryControl.unlimited()), body,
              context);
          return;
        }
        value = engine.range(storage, query, start, end, step, QueryControl.unlimited()).value();
        checkMatrix((Matrix) value, body, start, step, context);
        return;
      } else {
        fail("unknown eval form: " + line);
        return;
      }
    } catch (PromqlException e) {
      throw new AssertionError(line + " failed: " + e.getMessage(), e);
    }
    checkInstant(value, body, kind.equals("eval_ordered"), context);
  }

  private static void expectFailure(Runnable query, List<String> body, String context) {
    try {
      query.run();
    } catch (PromqlException e) {
      if (!body.isEmpty()) {
        assertThat(e.getMessage()).as(context).isEqualTo(body.get(0));
      }
      return;
    }
    fail("expected an error from " + context);
  }

  private static void checkInstant(Value value, List<String> body, boolean ordered, String context) {
    if (value instanceof Scalar s) {
      assertThat(body).as(context).hasSize(1);
      assertClose(s.value(), GoFloat.parse(body.get(0)), context);
      return;
    }
    List<Sample> samples = ((InstantVector) value).samples();
    Map<Labels, Double> expected = new LinkedHashMap<>();
    for (String line : body) {
      int split = line.lastIndexOf(' ');
      expected.put(labelsOf(line.substring(0, split).strip()), GoFloat.parse(line.substring(split + 1)));
    }
    assertThat(samples.stream().map(Sample::labels).toList()).as(context)
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    if (ordered) {
      assertThat(samples.stream().map(Sample::labels).toList()).as(context + " (order)")
          .containsExactlyElementsOf(expected.keySet());
    }
    for (Sample s : samples) {
      assertClose(s.value(), expected.get(s.labels()), context + " " + s.labels());
    }
  }

  private static void checkMatrix(Matrix matrix, List<String> body, long start, long step, String context) {
    Map<Labels, List<Double>> expected = new LinkedHashMap<>();
    for (String line : body) {
      int split = line.lastIndexOf('}') + 1;
      if (split == 0) {
        split = line.indexOf(' ');
      }
      expected.put(labelsOf(line.substring(0, split).strip()), values(line.substring(split).strip()));
    }
    assertThat(matrix.series().stream().map(RangeSeries::labels).toList()).as(context)
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (RangeSeries s : matrix.series()) {
      List<Double> want = expected.get(s.labels());
      List<Double> got = new ArrayList<>();
      for (int i = 0; i < s.count(); i++) {
        int stepIndex = (int) ((s.timestamps()[i] - start) / step);
        while (got.size() < stepIndex) {
          got.add(null);
        }
        got.add(s.values()[i]);
      }
      while (got.size() < want.size()) {
        got.add(null);
      }
      assertThat(got).as(context + " " + s.labels() + " length").hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        if (want.get(i) == null || got.get(i) == null) {
          assertThat(got.get(i)).as(context + " " + s.labels() + " step " + i).isEqualTo(want.get(i));
        } else {
          assertClose(got.get(i), want.get(i), context + " " + s.labels() + " step " + i);
        }
      }
    }
  }

  private static void assertClose(double got, double want, String context) {
    if (Double.isNaN(want)) {
      assertThat(got).as(context).isNaN();
    } else if (Double.isInfinite(want) || want == 0) {
      assertThat(got).as(context).isEqualTo(want);
    } else {
      assertThat(Math.abs(got - want) / Math.abs(want)).as(context + ": got " + got + ", want " + want)
          .isLessThanOrEqualTo(1e-9);
    }
  }
}
