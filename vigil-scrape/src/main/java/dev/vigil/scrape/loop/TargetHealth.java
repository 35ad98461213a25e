package dev.vigil.scrape.loop;

/** A target's health after its last scrape, named as Prometheus 2.42's API names it. */
public enum TargetHealth {
  /** Not scraped yet. */
  UNKNOWN("unknown"),
  /** The last scrape succeeded. */
  UP("up"),
  /** The last scrape failed; the target's last error says why. */
  DOWN("down");

  private final String text;

  TargetHealth(String text) {
    this.text = text;
  }

  /** The word the targets API shows: {@code up}, {@code down} or {@code unknown}. */
  public String text() {
    return text;
  }
}
