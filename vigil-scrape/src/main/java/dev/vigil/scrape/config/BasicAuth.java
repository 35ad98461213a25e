package dev.vigil.scrape.config;

/** HTTP basic authentication; at most one of the password and the file holding it is set. */
public record BasicAuth(String username, String password, String passwordFile) {
  /** Keeps the password out of logs. */
  @Override
  public String toString() {
    return "BasicAuth[username=" + username + ", password=" + (password.isEmpty() ? "" : "<secret>")
        + ", passwordFile=" + passwordFile + "]";
  }
}
