package dev.vigil.web;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.model.GoFloat;
import dev.vigil.core.model.StaleMarker;
import dev.vigil.core.storage.MergeQuerier;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.Queryable;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SelectHints;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.core.storage.ValueType;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.PromqlParser;
import dev.vigil.web.api.Params;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /federate?match[]=...}: the latest sample within the lookback delta of every series the
 * selectors match, in the text exposition format, as Prometheus 2.42's federation handler writes it:
 * families by metric name, each {@code # TYPE <name> untyped}; empty labels left out; the external
 * labels appended (sorted by name) where the series has no label of that name, {@code instance}
 * among them with an empty value when the configuration gives none; stale series left out.
 */
final class FederateTarget implements RouteTarget {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Queryable storage;
  private final Supplier<Labels> externalLabels;
  private final long lookbackMillis;
  private final LongSupplier clock;

  FederateTarget(Queryable storage, Supplier<Labels> externalLabels, long lookbackMillis, LongSupplier clock) {
    this.storage = storage;
    this.externalLabels = externalLabels;
    this.lookbackMillis = lookbackMillis;
    this.clock = clock;
  }

  /** One series' newest sample. */
  private record Latest(Labels labels, long t, double v) {}

  @Override
  public void handle(Request request, Response response, Callback callback, Map<String, String> pathParams) {
    Params params = Params.decode(null, request.getHttpURI().getQuery());
    List<Matcher[]> sets = new ArrayList<>();
    for (String selector : params.all("match[]")) {
      try {
        sets.add(PromqlParser.parseMetricSelector(selector).toArray(Matcher[]::new));
      } catch (ParseException e) {
        PlainText.send(response, callback, HttpStatus.BAD_REQUEST_400, e.getMessage() + "\n");
        return;
      }
    }
    long maxt = clock.getAsLong();
    long mint = maxt - lookbackMillis;
    List<Latest> latest = new ArrayList<>();
    if (!sets.isEmpty()) {
      try (Querier querier = storage.querier(mint, maxt)) {
        SelectHints hints = new SelectHints(mint, maxt, 0, "", List.of(), false, 0);
        List<SeriesSet> selected = new ArrayList<>(sets.size());
        for (Matcher[] matchers : sets) {
          selected.add(querier.select(QueryContext.BACKGROUND, true, hints, matchers));
        }
        collect(MergeQuerier.mergeSorted(selected), maxt, latest);
      }
    }
    // Prometheus sorts by metric name only; series of one name keep their label order here.
    latest.sort(Comparator.comparing(l -> l.labels().get(Labels.METRIC_NAME)));
    byte[] body = render(latest, externalWithInstance()).getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static void collect(SeriesSet set, long maxt, List<Latest> out) {
    SampleIterator it = null;
    while (set.next()) {
      it = set.at().iterator(it);
      long t = Long.MIN_VALUE;
      double v = 0;
      while (it.next() == ValueType.FLOAT && it.atTime() <= maxt) {
        t = it.atTime();
        v = it.atValue();
      }
      // The exposition formats have no stale markers: a stale series is left out, as Prometheus does.
      if (t != Long.MIN_VALUE && !StaleMarker.isStale(v)) {
        out.add(new Latest(set.at().labels(), t, v));
      }
    }
  }

  private TreeMap<String, String> externalWithInstance() {
    TreeMap<String, String> external = new TreeMap<>();
    externalLabels.get().forEach(external::put);
    external.putIfAbsent("instance", "");
    return external;
  }

  private static String render(List<Latest> samples, TreeMap<String, String> external) {
    StringBuilder out = new StringBuilder(samples.size() * 96);
    String family = null;
    for (Latest s : samples) {
      String name = s.labels().get(Labels.METRIC_NAME);
      if (name == null || name.isEmpty()) {
        continue;
      }
      if (!name.equals(family)) {
        out.append("# TYPE ").append(name).append(" untyped\n");
        family = name;
      }
      out.append(name);
      List<String[]> pairs = new ArrayList<>();
      s.labels().forEach((label, value) -> {
        if (!value.isEmpty() && !label.equals(Labels.METRIC_NAME)) {
          pairs.add(new String[] {label, value});
        }
      });
      external.forEach((label, value) -> {
        if (!s.labels().has(label) || s.labels().get(label).isEmpty()) {
          pairs.add(new String[] {label, value});
        }
      });
      if (!pairs.isEmpty()) {
        out.append('{');
        for (int i = 0; i < pairs.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          out.append(pairs.get(i)[0]).append("=\"");
          escape(pairs.get(i)[1], out);
          out.append('"');
        }
        out.append('}');
      }
      out.append(' ').append(value(s.v())).append(' ').append(s.t()).append('\n');
    }
    return out.toString();
  }

  /**
   * expfmt's text value ({@code writeFloat}): Go's %g shortest digits, with +Inf, -Inf and NaN spelled
   * as the format wants, and any zero written as "0", negative zero included (expfmt tests {@code f == 0}).
   */
  static String value(double v) {
    if (v == 0) {
      return "0";
    }
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return GoFloat.formatG(v);
  }

  private static void escape(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '"') {
        out.append("\\\"");
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(c);
      }
    }
  }
}
