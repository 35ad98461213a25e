package dev.vigil.scrape.http;

import dev.vigil.scrape.config.Authorization;
import dev.vigil.scrape.config.BasicAuth;
import dev.vigil.scrape.config.HttpClientConfig;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.config.TlsConfig;
import dev.vigil.scrape.loop.ScrapeFailure;
import dev.vigil.scrape.loop.ScraperFactory;
import dev.vigil.scrape.loop.TargetScraper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * The HTTP client of one scrape config, as prometheus/common's {@code NewClientFromConfig} builds it
 * for Prometheus 2.42, and the {@link TargetScraper}s of that config's targets, which share it.
 *
 * <p>Made once per scrape config (and again on reload) with {@link #create}; which refuses, as
 * Prometheus refuses to create the scrape pool, when TLS files are unusable. Safe for use by many
 * threads; each scraper it makes is used by one scrape loop at a time. {@link #close()} shuts the
 * client's threads down.
 *
 * <p>Per request, as Prometheus: credentials files ({@code password_file}, {@code credentials_file},
 * legacy {@code bearer_token_file}) are read again; with a {@code ca_file}, the CA, certificate and
 * key files are read again and a changed one makes a new client; the client certificate is read again
 * at every TLS handshake.
 */
public final class HttpScraperFactory implements ScraperFactory {
  /** The Prometheus version Vigil identifies as in the User-Agent. */
  public static final String PROMETHEUS_VERSION = "2.42.0";
  /** 2.42's {@code scrape.UserAgent}. */
  public static final String USER_AGENT = "Prometheus/" + PROMETHEUS_VERSION;
  /** 2.42's {@code scrapeAcceptHeader} (protobuf negotiation is a feature flag Vigil does not have). */
  public static final String ACCEPT_HEADER = "application/openmetrics-text;version=1.0.0,"
      + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
  /**
   * 2.42's {@code errBodySizeLimit} text: a failure with exactly this message means the body reached
   * body_size_limit (the loop reports {@code scrape_response_size_bytes} -1 for it, as Prometheus does).
   */
  public static final String BODY_SIZE_LIMIT_EXCEEDED = "body size limit exceeded";

  /** Go's http.Client gives up on the 10th redirect in a row. */
  static final int MAX_REQUESTS = 10;

  private static final Map<String, Integer> TLS_VERSIONS = Map.of("TLS10", 0x0301, "TLS11", 0x0302, "TLS12", 0x0303,
      "TLS13", 0x0304);
  private static final AtomicInteger FACTORIES = new AtomicInteger();

  /**
   * The TLS files' bytes (null when not read) and the roots read from the CA file, and the TLS context
   * and the JDK's client made from them at the first HTTPS request: plain HTTP uses neither, and a
   * TLS context costs a server that never scrapes HTTPS a few hundred classes and the system's
   * certificates in memory, and each client a thread.
   */
  final class ClientState {
    private final List<X509Certificate> roots;
    private final byte[] ca;
    private final byte[] cert;
    private final byte[] key;
    private HttpClient client;

    ClientState(List<X509Certificate> roots, byte[] ca, byte[] cert, byte[] key) {
      this.roots = roots;
      this.ca = ca;
      this.cert = cert;
      this.key = key;
    }

    boolean matches(byte[] otherCa, byte[] otherCert, byte[] otherKey) {
      return Arrays.equals(ca, otherCa) && Arrays.equals(cert, otherCert) && Arrays.equals(key, otherKey);
    }

    /** The JDK's client for HTTPS requests, made on first use; fails once the factory is closed. */
    HttpClient client(String urlText) throws ScrapeFailure {
      synchronized (stateLock) {
        if (state == null) {
          throw new ScrapeFailure(GoText.urlError(urlText, "context canceled"));
        }
        if (client == null) {
          try {
            client = httpsClient(roots);
          } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            // The JDK's TLS setup failing (a broken trust store fails loading the system's roots) fails
            // this scrape with the reason, as it failed the config when the context was made there.
            throw new ScrapeFailure(GoText.urlError(urlText, String.valueOf(e.getMessage())), e);
          }
          clients.add(client);
        }
        return client;
      }
    }
  }

  /** Why no Authorization header could be made, in Go's words (without the URL). */
  private static final class AuthError extends Exception {
    AuthError(String message) {
      super(message, null, false, false);
    }
  }

  private final String jobName;
  private final HttpClientConfig config;
  private final long bodySizeLimit;
  private final String[] tlsProtocols;
  private final ClientCertificates clientCertificates;
  private final String staticAuthorization;
  private final String staticAuthorizationError;
  private final ExecutorService executor;
  private final DeadlineWatch deadlines;
  private final Set<Http1Connection> connections = ConcurrentHashMap.newKeySet();
  private final Object stateLock = new Object();
  private final List<HttpClient> clients = new ArrayList<>();
  private volatile ClientState state;
  private final BufferPool buffers = new BufferPool();
  /**
   * Gzip decoders not in use. Each holds zlib's state and window (about 40 KB outside the heap), so
   * there are as many as scrapes have decoded at once rather than one per target.
   */
  private final ConcurrentLinkedDeque<GzipDecoder> decoders = new ConcurrentLinkedDeque<>();

  private HttpScraperFactory(String jobName, HttpClientConfig config, long bodySizeLimit, String[] tlsProtocols,
      ClientCertificates clientCertificates, String staticAuthorization, String staticAuthorizationError) {
    this.jobName = jobName;
    this.config = config;
    this.bodySizeLimit = bodySizeLimit <= 0 ? Long.MAX_VALUE : bodySizeLimit;
    this.tlsProtocols = tlsProtocols;
    this.clientCertificates = clientCertificates;
    this.staticAuthorization = staticAuthorization;
    this.staticAuthorizationError = staticAuthorizationError;
    ThreadFactory threads = daemonThreads(jobName);
    this.executor = Executors.newCachedThreadPool(threads);
    this.deadlines = new DeadlineWatch(threads);
  }

  /**
   * The client for a scrape config: its {@link ScrapeConfig#http()} settings and body size limit.
   *
   * @throws HttpClientSetupException where Prometheus fails with {@code error creating HTTP client}
   */
  public static HttpScraperFactory create(ScrapeConfig config) throws HttpClientSetupException {
    return create(config.jobName(), config.http(), config.bodySizeLimitBytes());
  }

  /**
   * The client for a job's HTTP settings.
   *
   * @param bodySizeLimitBytes the largest uncompressed body accepted, 0 (or less) for none
   * @throws HttpClientSetupException where Prometheus fails with {@code error creating HTTP client}
   */
  public static HttpScraperFactory create(String jobName, HttpClientConfig http, long bodySizeLimitBytes)
      throws HttpClientSetupException {
    Objects.requireNonNull(jobName, "jobName");
    TlsConfig tls = http.tls();
    // prometheus/common's NewTLSConfig, in its order.
    int min = tlsVersion(tls.minVersion());
    int max = tlsVersion(tls.maxVersion());
    if (min != 0 && max != 0 && max < min) {
      throw new HttpClientSetupException(
          "tls_config.max_version must be greater than or equal to tls_config.min_version if both are specified", null);
    }
    byte[] ca = null;
    List<X509Certificate> roots = null;
    if (!tls.caFile().isEmpty()) {
      ca = readCaFile(tls.caFile());
      roots = TlsFiles.caCertificates(ca);
      if (roots.isEmpty()) {
        throw new HttpClientSetupException("unable to use specified CA cert " + tls.caFile(), null);
      }
    }
    ClientCertificates certificates = null;
    if (!tls.certFile().isEmpty() && tls.keyFile().isEmpty()) {
      throw new HttpClientSetupException(
          "client cert file " + GoText.quote(tls.certFile()) + " specified without client key file", null);
    } else if (!tls.keyFile().isEmpty() && tls.certFile().isEmpty()) {
      throw new HttpClientSetupException(
          "client key file " + GoText.quote(tls.keyFile()) + " specified without client cert file", null);
    } else if (!tls.certFile().isEmpty()) {
      certificates = new ClientCertificates(tls.certFile(), tls.keyFile());
      try {
        certificates.load();
      } catch (TlsFiles.GoError e) {
        throw new HttpClientSetupException(e.getMessage(), null);
      }
    }
    byte[] cert = null;
    byte[] key = null;
    if (ca != null && certificates != null) { // NewTLSRoundTripper hashes them along with the CA
      try {
        cert = GoText.readFile(tls.certFile());
        key = GoText.readFile(tls.keyFile());
      } catch (IOException e) {
        throw new HttpClientSetupException(GoText.readFileError(failedPath(e, tls.certFile()), e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HttpClientSetupException("interrupted", e);
      }
    }
    String staticAuthorization = null;
    String staticAuthorizationError = null;
    if (!usesCredentialFiles(http)) {
      try {
        staticAuthorization = authorizationHeader(http);
      } catch (AuthError e) {
        staticAuthorizationError = e.getMessage(); // Go fails each request, not the client
      } catch (InterruptedException e) {
        throw new IllegalStateException("no file is read here", e);
      }
    }
    HttpScraperFactory factory = new HttpScraperFactory(jobName, http, bodySizeLimitBytes,
        protocols(min, max), certificates, staticAuthorization, staticAuthorizationError);
    factory.state = factory.new ClientState(roots, ca, cert, key);
    return factory;
  }

  /** A scraper for one target's full URL (scheme, address, metrics path and params already in it). */
  @Override
  public TargetScraper forTarget(URI url) {
    return new HttpTargetScraper(this, Objects.requireNonNull(url, "url"));
  }

  /**
   * Shuts the client's threads down and closes its connections; exchanges in progress and scrapers made
   * here fail with {@code context canceled} afterwards.
   */
  @Override
  public void close() {
    List<HttpClient> toShut;
    synchronized (stateLock) {
      state = null;
      toShut = new ArrayList<>(clients);
      clients.clear();
    }
    executor.shutdownNow();
    deadlines.close();
    for (Http1Connection conn : connections) {
      conn.close();
    }
    for (HttpClient client : toShut) {
      shutdownNow(client);
    }
  }

  /** The job this client belongs to. */
  public String jobName() {
    return jobName;
  }

  /** The pool the body buffers of this factory's scrapers come from. */
  BufferPool buffers() {
    return buffers;
  }

  /** A gzip decoder for one body, to be given back once it is decoded. */
  GzipDecoder takeDecoder() {
    GzipDecoder idle = decoders.pollFirst();
    return idle != null ? idle : new GzipDecoder();
  }

  void giveDecoder(GzipDecoder decoder) {
    decoders.addFirst(decoder);
  }

  /** The body size limit in bytes, {@link Long#MAX_VALUE} when none. */
  public long bodySizeLimit() {
    return bodySizeLimit;
  }

  boolean followRedirects() {
    return config.followRedirects();
  }

  boolean isClosed() {
    return state == null;
  }

  /** The client to use now: with a ca_file, rebuilt when the CA, certificate or key file changed. */
  ClientState clientFor(String urlText) throws ScrapeFailure, InterruptedException {
    ClientState current = state;
    if (current == null) {
      throw new ScrapeFailure(GoText.urlError(urlText, "context canceled"));
    }
    TlsConfig tls = config.tls();
    if (tls.caFile().isEmpty()) {
      return current;
    }
    byte[] ca;
    try {
      ca = GoText.readFile(tls.caFile());
    } catch (IOException e) {
      throw new ScrapeFailure(GoText.urlError(urlText,
          "unable to load specified CA cert " + tls.caFile() + ": " + GoText.readFileError(tls.caFile(), e)));
    }
    byte[] cert = null;
    byte[] key = null;
    if (!tls.certFile().isEmpty()) {
      try {
        cert = GoText.readFile(tls.certFile());
        key = GoText.readFile(tls.keyFile());
      } catch (IOException e) {
        throw new ScrapeFailure(GoText.urlError(urlText, GoText.readFileError(failedPath(e, tls.certFile()), e)));
      }
    }
    if (current.matches(ca, cert, key)) {
      return current;
    }
    synchronized (stateLock) {
      current = state;
      if (current == null) {
        throw new ScrapeFailure(GoText.urlError(urlText, "context canceled"));
      }
      if (current.matches(ca, cert, key)) {
        return current;
      }
      List<X509Certificate> roots = TlsFiles.caCertificates(ca);
      if (roots.isEmpty()) {
        throw new ScrapeFailure(GoText.urlError(urlText, "unable to use specified CA cert " + tls.caFile()));
      }
      ClientState next = new ClientState(roots, ca, cert, key);
      state = next;
      return next;
    }
  }

  /** The Authorization header value for a request now, or null for none; credentials files are read again. */
  String authorization(String urlText) throws ScrapeFailure, InterruptedException {
    if (staticAuthorizationError != null) {
      throw new ScrapeFailure(GoText.urlError(urlText, staticAuthorizationError));
    }
    if (!usesCredentialFiles(config)) {
      return staticAuthorization;
    }
    try {
      return authorizationHeader(config);
    } catch (AuthError e) {
      throw new ScrapeFailure(GoText.urlError(urlText, e.getMessage()));
    }
  }

  /** Why the last handshake offered no client certificate, or null. */
  String clientCertificateError() {
    return clientCertificates == null ? null : clientCertificates.lastError();
  }

  private static boolean usesCredentialFiles(HttpClientConfig http) {
    return (http.basicAuth() != null && !http.basicAuth().passwordFile().isEmpty())
        || (http.authorization() != null && http.authorization().credentials().isEmpty()
            && !http.authorization().credentialsFile().isEmpty());
  }

  /** The basic auth and authorization round trippers of prometheus/common, which only set a header. */
  private static String authorizationHeader(HttpClientConfig http) throws AuthError, InterruptedException {
    BasicAuth basic = http.basicAuth();
    if (basic != null) {
      byte[] password;
      if (!basic.passwordFile().isEmpty()) {
        try {
          password = GoText.readFile(basic.passwordFile());
        } catch (IOException e) {
          throw new AuthError("unable to read basic auth password file " + basic.passwordFile() + ": "
              + GoText.readFileError(basic.passwordFile(), e));
        }
      } else {
        password = basic.password().getBytes(StandardCharsets.UTF_8);
      }
      byte[] user = basic.username().getBytes(StandardCharsets.UTF_8);
      password = GoText.trimSpace(password);
      byte[] pair = Arrays.copyOf(user, user.length + 1 + password.length);
      pair[user.length] = ':';
      System.arraycopy(password, 0, pair, user.length + 1, password.length);
      return "Basic " + Base64.getEncoder().encodeToString(pair);
    }
    Authorization auth = http.authorization();
    if (auth == null) {
      return null;
    }
    byte[] credentials;
    if (!auth.credentials().isEmpty()) {
      credentials = auth.credentials().getBytes(StandardCharsets.UTF_8);
    } else if (!auth.credentialsFile().isEmpty()) {
      try {
        credentials = GoText.trimSpace(GoText.readFile(auth.credentialsFile()));
      } catch (IOException e) {
        throw new AuthError("unable to read authorization credentials file " + auth.credentialsFile() + ": "
            + GoText.readFileError(auth.credentialsFile(), e));
      }
    } else {
      return null;
    }
    byte[] prefix = (auth.type() + " ").getBytes(StandardCharsets.UTF_8);
    byte[] value = Arrays.copyOf(prefix, prefix.length + credentials.length);
    System.arraycopy(credentials, 0, value, prefix.length, credentials.length);
    if (!GoText.validHeaderValue(value)) {
      throw new AuthError("net/http: invalid header field value for \"Authorization\"");
    }
    for (byte b : value) {
      if (b < 0) { // Go sends such bytes as they are; the JDK's client would send '?' for each
        throw new AuthError("authorization credentials are not ASCII, which Java's HTTP client cannot send");
      }
    }
    return new String(value, StandardCharsets.ISO_8859_1);
  }

  /**
   * The JDK's client for this config's HTTPS requests, on a TLS context of its roots (the system's
   * when null), client certificate, versions and server name.
   */
  private HttpClient httpsClient(List<X509Certificate> roots) throws GeneralSecurityException {
    TlsConfig tls = config.tls();
    GoTrustManager trust = tls.insecureSkipVerify() ? GoTrustManager.insecure()
        : GoTrustManager.verifying(roots, tls.serverName());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(clientCertificates == null ? null : new KeyManager[] {clientCertificates},
        new TrustManager[] {trust}, null);
    SSLParameters parameters = context.getDefaultSSLParameters();
    if (tlsProtocols.length > 0) {
      parameters.setProtocols(tlsProtocols);
    }
    return HttpClient.newBuilder()
        .executor(executor)
        .sslContext(tls.serverName().isEmpty() ? context : new ServerNameSslContext(context, tls.serverName()))
        .sslParameters(parameters)
        .followRedirects(HttpClient.Redirect.NEVER) // followed by the scraper, as Go's client does
        .proxy(HttpClient.Builder.NO_PROXY) // Prometheus uses proxy_url only, never the environment
        .version(config.enableHttp2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** The connections of this client's plain-HTTP scrapers, closed with it. */
  Set<Http1Connection> connections() {
    return connections;
  }

  /**
   * Arms the deadline of one plain-HTTP exchange.
   *
   * @throws java.util.concurrent.RejectedExecutionException once the factory is closed
   */
  ExchangeTimer exchangeTimer(long deadlineNanos) {
    return deadlines.arm(deadlineNanos);
  }

  /** Whether TLS is impossible for want of a version both min_version and Go's defaults allow. */
  boolean noTlsVersions() {
    return tlsProtocols.length == 0;
  }

  private static int tlsVersion(String name) {
    return name == null || name.isEmpty() ? 0 : TLS_VERSIONS.getOrDefault(name, 0);
  }

  /** The JDK's protocol names from min to max; Go 1.19's client defaults are TLS 1.2 and TLS 1.3. */
  private static String[] protocols(int min, int max) {
    int from = min == 0 ? 0x0303 : min;
    int to = max == 0 ? 0x0304 : max;
    List<String> names = new ArrayList<>();
    for (int v = from; v <= to; v++) {
      names.add(switch (v) {
        case 0x0301 -> "TLSv1";
        case 0x0302 -> "TLSv1.1";
        case 0x0303 -> "TLSv1.2";
        default -> "TLSv1.3";
      });
    }
    return names.toArray(new String[0]);
  }

  private static byte[] readCaFile(String path) throws HttpClientSetupException {
    try {
      return GoText.readFile(path);
    } catch (IOException e) {
      throw new HttpClientSetupException(
          "unable to load specified CA cert " + path + ": " + GoText.readFileError(path, e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpClientSetupException("interrupted", e);
    }
  }

  private static String failedPath(IOException e, String fallback) {
    return e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null ? fse.getFile() : fallback;
  }

  private static ThreadFactory daemonThreads(String jobName) {
    String prefix = "vigil-scrape-http-" + FACTORIES.incrementAndGet() + "-" + jobName + "-";
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** {@code HttpClient.shutdownNow()} where the JDK has it (21+); before, the client ends when collected. */
  private static void shutdownNow(HttpClient client) {
    try {
      HttpClient.class.getMethod("shutdownNow").invoke(client);
    } catch (NoSuchMethodException e) {
      // JDK 17 to 20: the selector thread stops once the client is unreachable.
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Shutting down is best effort.
    }
  }
}
