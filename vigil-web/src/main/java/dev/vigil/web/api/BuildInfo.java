package dev.vigil.web.api;

/**
 * What {@code /api/v1/status/buildinfo} reports. The member names are Prometheus's, as clients such
 * as Grafana read them; {@code goVersion} carries the Java runtime's version instead.
 */
public record BuildInfo(String version, String revision, String branch, String buildUser, String buildDate,
    String goVersion) {

  /** This build, from the jar's manifest where there is one. */
  public static BuildInfo current() {
    String version = BuildInfo.class.getPackage().getImplementationVersion();
    return new BuildInfo(version == null ? "development" : version, "unknown", "unknown", "unknown", "unknown",
        "java" + System.getProperty("java.version"));
  }
}
