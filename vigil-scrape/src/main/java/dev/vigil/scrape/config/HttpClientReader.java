package dev.vigil.scrape.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the HTTP client fields that Prometheus inlines into a scrape config, then checks them together
 * as its HTTPClientConfig.Validate does, folding a legacy bearer token into an Authorization.
 */
final class HttpClientReader {
  private static final Set<String> TLS_VERSIONS = Set.of("TLS10", "TLS11", "TLS12", "TLS13");

  private final YamlReader yaml;
  private BasicAuth basicAuth;
  private Authorization authorization;
  private String bearerToken = "";
  private String bearerTokenFile = "";
  private TlsConfig tls = TlsConfig.NONE;
  private boolean followRedirects = true;
  private boolean enableHttp2 = true;

  HttpClientReader(YamlReader yaml) {
    this.yaml = yaml;
  }

  /** Adds the inlined fields' readers to a scrape config's. */
  void addFields(Map<String, Consumer<Node>> fields) {
    fields.put("basic_auth", n -> basicAuth = YamlReader.isNull(n) ? null : basicAuth(n));
    fields.put("authorization", n -> authorization = YamlReader.isNull(n) ? null : authorization(n));
    fields.put("bearer_token", n -> bearerToken = yaml.string(n));
    fields.put("bearer_token_file", n -> bearerTokenFile = yaml.string(n));
    fields.put("tls_config", n -> tls = tls(n));
    fields.put("follow_redirects", n -> followRedirects = yaml.bool(n));
    fields.put("enable_http2", n -> enableHttp2 = yaml.bool(n));
  }

  /** @throws InvalidConfig at {@code line} when the fields contradict each other */
  HttpClientConfig validate(int line) {
    boolean bearer = !bearerToken.isEmpty() || !bearerTokenFile.isEmpty();
    if (!bearerToken.isEmpty() && !bearerTokenFile.isEmpty()) {
      throw new InvalidConfig(line, "at most one of bearer_token & bearer_token_file must be configured");
    }
    if (basicAuth != null && bearer) {
      throw new InvalidConfig(line, "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
    }
    if (basicAuth != null && !basicAuth.password().isEmpty() && !basicAuth.passwordFile().isEmpty()) {
      throw new InvalidConfig(line, "at most one of basic_auth password & password_file must be configured");
    }
    Authorization auth = authorization;
    if (auth != null) {
      if (bearer) {
        throw new InvalidConfig(line, "authorization is not compatible with bearer_token & bearer_token_file");
      }
      if (!auth.credentials().isEmpty() && !auth.credentialsFile().isEmpty()) {
        throw new InvalidConfig(line, "at most one of authorization credentials & credentials_file must be configured");
      }
      String type = auth.type().strip();
      type = type.isEmpty() ? "Bearer" : type;
      if (type.toLowerCase(Locale.ROOT).equals("basic")) {
        throw new InvalidConfig(line, "authorization type cannot be set to \"basic\", use \"basic_auth\" instead");
      }
      if (basicAuth != null) {
        throw new InvalidConfig(line, "at most one of basic_auth, oauth2 & authorization must be configured");
      }
      auth = new Authorization(type, auth.credentials(), auth.credentialsFile());
    } else if (!bearerToken.isEmpty()) {
      auth = new Authorization("Bearer", bearerToken, "");
    } else if (!bearerTokenFile.isEmpty()) {
      auth = new Authorization("Bearer", "", bearerTokenFile);
    }
    return new HttpClientConfig(basicAuth, auth, tls, followRedirects, enableHttp2);
  }

  private BasicAuth basicAuth(Node node) {
    String[] f = {"", "", ""};
    yaml.struct(node, "config.plain", Map.of(
        "username", n -> f[0] = yaml.string(n),
        "password", n -> f[1] = yaml.string(n),
        "password_file", n -> f[2] = yaml.string(n)));
    return new BasicAuth(f[0], f[1], f[2]);
  }

  private Authorization authorization(Node node) {
    String[] f = {"", "", ""};
    yaml.struct(node, "config.Authorization", Map.of(
        "type", n -> f[0] = yaml.string(n),
        "credentials", n -> f[1] = yaml.string(n),
        "credentials_file", n -> f[2] = yaml.string(n)));
    return new Authorization(f[0], f[1], f[2]);
  }

  private TlsConfig tls(Node node) {
    String[] f = {"", "", "", "", "", ""};
    boolean[] insecure = {false};
    yaml.struct(node, "config.plain", Map.of(
        "ca_file", n -> f[0] = yaml.string(n),
        "cert_file", n -> f[1] = yaml.string(n),
        "key_file", n -> f[2] = yaml.string(n),
        "server_name", n -> f[3] = yaml.string(n),
        "insecure_skip_verify", n -> insecure[0] = yaml.bool(n),
        "min_version", n -> f[4] = tlsVersion(n),
        "max_version", n -> f[5] = tlsVersion(n)));
    return new TlsConfig(f[0], f[1], f[2], f[3], insecure[0], f[4], f[5]);
  }

  private String tlsVersion(Node node) {
    if (YamlReader.isNull(node)) {
      return "";
    }
    int before = yaml.errorCount();
    String version = yaml.string(node);
    if (yaml.errorCount() == before && !TLS_VERSIONS.contains(version)) {
      throw new InvalidConfig(YamlReader.line(node), "unknown TLS version: " + version);
    }
    return version;
  }
}
