package dev.vigil.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.loop.TargetSnapshot;
import dev.vigil.web.json.ValueJson;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code /api/v1/targets}: active targets (labels, discovered labels, URLs, health, last error, last
 * scrape and its duration, interval and timeout) and dropped targets (discovered labels), jobs in
 * name order, as Prometheus 2.42 answers; {@code state} (active, dropped, any) and {@code scrapePool}
 * narrow the answer.
 */
public final class TargetsEndpoint implements ApiEndpoint {
  private final Supplier<Map<String, List<TargetSnapshot>>> active;
  private final Supplier<Map<String, List<Labels>>> dropped;
  private final GlobalUrl globalUrl;
  private final ZoneId zone;

  /** @param zone the zone last scrape times are written in; Prometheus writes its local time */
  public TargetsEndpoint(Supplier<Map<String, List<TargetSnapshot>>> active,
      Supplier<Map<String, List<Labels>>> dropped, GlobalUrl globalUrl, ZoneId zone) {
    this.active = active;
    this.dropped = dropped;
    this.globalUrl = globalUrl;
    this.zone = zone;
  }

  @Override
  public ApiResult handle(ApiRequest request) {
    String pool = request.params().get("scrapePool");
    String state = request.params().get("state");
    state = state == null ? "" : state.toLowerCase(Locale.ROOT);
    boolean showActive = state.isEmpty() || state.equals("any") || state.equals("active");
    boolean showDropped = state.isEmpty() || state.equals("any") || state.equals("dropped");
    Map<String, List<TargetSnapshot>> activeTargets = showActive ? sorted(active.get()) : Map.of();
    Map<String, List<Labels>> droppedTargets = showDropped ? sorted(dropped.get()) : Map.of();
    return json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("activeTargets");
      for (Map.Entry<String, List<TargetSnapshot>> job : activeTargets.entrySet()) {
        if (pool == null || pool.isEmpty() || pool.equals(job.getKey())) {
          for (TargetSnapshot target : job.getValue()) {
            writeActive(json, job.getKey(), target);
          }
        }
      }
      json.writeEndArray();
      json.writeArrayFieldStart("droppedTargets");
      for (Map.Entry<String, List<Labels>> job : droppedTargets.entrySet()) {
        if (pool == null || pool.isEmpty() || pool.equals(job.getKey())) {
          for (Labels discovered : job.getValue()) {
            json.writeStartObject();
            json.writeFieldName("discoveredLabels");
            ValueJson.writeLabels(json, discovered);
            json.writeEndObject();
          }
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    };
  }

  private void writeActive(JsonGenerator json, String job, TargetSnapshot t) throws IOException {
    json.writeStartObject();
    json.writeFieldName("discoveredLabels");
    ValueJson.writeLabels(json, t.discoveredLabels());
    json.writeFieldName("labels");
    ValueJson.writeLabels(json, t.labels());
    json.writeStringField("scrapePool", job);
    json.writeStringField("scrapeUrl", t.scrapeUrl());
    json.writeStringField("globalUrl", globalUrl.of(t.scrapeUrl()));
    json.writeStringField("lastError", t.lastError());
    json.writeStringField("lastScrape", goTime(t.lastScrape()));
    json.writeFieldName("lastScrapeDuration");
    json.writeRawValue(ValueJson.goNumber(t.lastScrapeDuration().toNanos() / 1e9));
    json.writeStringField("health", t.health().text());
    json.writeStringField("scrapeInterval", t.scrapeInterval());
    json.writeStringField("scrapeTimeout", t.scrapeTimeout());
    json.writeEndObject();
  }

  /** Go's time.Time in JSON: RFC 3339 with nanoseconds, trailing zeros dropped; Go's zero time in UTC. */
  private String goTime(Instant instant) {
    if (instant.equals(TargetSnapshot.NEVER)) {
      return "0001-01-01T00:00:00Z";
    }
    ZonedDateTime at = instant.atZone(zone);
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d",
        at.getYear(), at.getMonthValue(), at.getDayOfMonth(), at.getHour(), at.getMinute(), at.getSecond()));
    int nanos = at.getNano();
    if (nanos != 0) {
      String fraction = String.format(Locale.ROOT, "%09d", nanos).replaceFirst("0+$", "");
      out.append('.').append(fraction);
    }
    int offset = at.getOffset().getTotalSeconds();
    if (offset == 0) {
      out.append('Z');
    } else {
      out.append(offset < 0 ? '-' : '+');
      int abs = Math.abs(offset);
      out.append(String.format(Locale.ROOT, "%02d:%02d", abs / 3600, abs / 60 % 60));
    }
    return out.toString();
  }

  /** Jobs in Go's sort order of strings (bytes). */
  private static <T> Map<String, T> sorted(Map<String, T> byJob) {
    TreeMap<String, T> sorted = new TreeMap<>(dev.vigil.core.labels.Utf8Order::compare);
    sorted.putAll(byJob);
    return sorted;
  }
}
