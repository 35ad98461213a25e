package dev.vigil.it;

import dev.vigil.it.RawHttpTarget.Reply;

/**
 * One misbehaving scrape target: its job (also its path on the {@link RawHttpTarget}), what it answers,
 * the job's own settings (limits), and what Prometheus 2.42 makes of it.
 *
 * @param job the job name; the target serves {@code /<job>}
 * @param reply what the target answers, or null for a target that does not listen at all
 * @param settings one more key of the job's scrape config, such as {@code sample_limit: 5}, or ""
 * @param up whether Prometheus counts the scrape as a success despite the hostility
 * @param lastError Prometheus's {@code lastError}, with {@code {url}} standing for the scrape URL and
 *     {@code {address}} for the target's host:port
 */
record HostileCase(String job, Reply reply, String settings, boolean up, String lastError) {

  /** A target that fails with exactly Prometheus's {@code lastError}. */
  static HostileCase down(String job, Reply reply, String settings, String lastError) {
    return new HostileCase(job, reply, settings, false, lastError);
  }

  /** A target Prometheus scrapes successfully despite its hostility. */
  static HostileCase up(String job, Reply reply) {
    return new HostileCase(job, reply, "", true, "");
  }

  boolean listening() {
    return reply != null;
  }

  /** {@link #lastError} for a target at {@code address}. */
  String lastError(String address) {
    return lastError.replace("{url}", url(address)).replace("{address}", address);
  }

  String url(String address) {
    return "http://" + address + "/" + job;
  }

  @Override
  public String toString() {
    return job;
  }
}
