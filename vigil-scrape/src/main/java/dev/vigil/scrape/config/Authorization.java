package dev.vigil.scrape.config;

/**
 * The {@code Authorization} header: its scheme ("Bearer" unless given) and credentials, inline or in
 * a file. The older {@code bearer_token} and {@code bearer_token_file} fields arrive here as Bearer.
 */
public record Authorization(String type, String credentials, String credentialsFile) {
  /** Keeps the credentials out of logs. */
  @Override
  public String toString() {
    return "Authorization[type=" + type + ", credentials=" + (credentials.isEmpty() ? "" : "<secret>")
        + ", credentialsFile=" + credentialsFile + "]";
  }
}
