package dev.vigil.scrape.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.vigil.scrape.config.HttpClientConfig;
import dev.vigil.scrape.config.TlsConfig;
import dev.vigil.scrape.loop.ScrapeBody;
import dev.vigil.scrape.loop.ScrapeFailure;
import dev.vigil.scrape.loop.TargetScraper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpScraperTlsTest {
  private static final TestPki.Identity CA = TestPki.selfSignedCa("Vigil Test CA");
  private static final TestPki.Identity OTHER_CA = TestPki.selfSignedCa("Other CA");
  private static final TestPki.Identity SERVER = TestPki.issue(CA,
      new TestPki.Spec().cn("server").dns("localhost").ip("127.0.0.1").server());
  private static final TestPki.Identity CLIENT = TestPki.issue(CA, new TestPki.Spec().cn("client-a").client());

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<String> sniSeen = new CopyOnWriteArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : resources) {
      c.close();
    }
  }

  /** A TLS server presenting {@code chain}; with {@code clientCa}, it requires a client certificate from it. */
  private String serve(TestPki.Identity server, X509Certificate[] chain, X509Certificate clientCa, String[] protocols)
      throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", server.keys().getPrivate(), "pw".toCharArray(), chain);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "pw".toCharArray());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    if (clientCa != null) {
      trust.setCertificateEntry("client-ca", clientCa);
    }
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = context.getDefaultSSLParameters();
        p.setNeedClientAuth(clientCa != null);
        if (protocols != null) {
          p.setProtocols(protocols);
        }
        p.setSNIMatchers(List.of(new SNIMatcher(0) {
          @Override
          public boolean matches(SNIServerName name) {
            sniSeen.add(new String(name.getEncoded(), StandardCharsets.US_ASCII));
            return true;
          }
        }));
        params.setSSLParameters(p);
      }
    });
    https.createContext("/", ex -> {
      String who = "none";
      try {
        Certificate[] peer = ((HttpsExchange) ex).getSSLSession().getPeerCertificates();
        who = ((X509Certificate) peer[0]).getSubjectX500Principal().getName();
      } catch (SSLPeerUnverifiedException e) {
        // no client certificate
      }
      byte[] body = ("peer " + who + "\n").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    https.start();
    resources.add(() -> https.stop(0));
    return "https://127.0.0.1:" + https.getAddress().getPort() + "/metrics";
  }

  private String serve() throws Exception {
    return serve(SERVER, new X509Certificate[] {SERVER.cert(), CA.cert()}, null, null);
  }

  private Path file(String name, String content) throws IOException {
    return TestPki.write(dir, name, content);
  }

  private static TlsConfig tls(Path ca, Path cert, Path key, String serverName, boolean insecure) {
    return new TlsConfig(ca == null ? "" : ca.toString(), cert == null ? "" : cert.toString(),
        key == null ? "" : key.toString(), serverName, insecure, "", "");
  }

  private TargetScraper scraper(TlsConfig tls, String url) throws HttpClientSetupException {
    return scraper(new HttpClientConfig(null, null, tls, true, true), url);
  }

  private TargetScraper scraper(HttpClientConfig http, String url) throws HttpClientSetupException {
    HttpScraperFactory f = HttpScraperFactory.create("tls", http, 0);
    resources.add(f);
    return f.forTarget(URI.create(url));
  }

  private static String text(ScrapeBody body) {
    return new String(body.bytes(), 0, body.length(), StandardCharsets.UTF_8);
  }

  private static String failure(TargetScraper s) {
    try {
      ScrapeBody body = s.scrape(5000);
      throw new AssertionError("scrape succeeded: " + text(body));
    } catch (ScrapeFailure e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static String setupFailure(TlsConfig tls) {
    try {
      HttpScraperFactory.create("bad", new HttpClientConfig(null, null, tls, true, true), 0).close();
      throw new AssertionError("client created");
    } catch (HttpClientSetupException e) {
      return e.getMessage();
    }
  }

  @Test
  void verifiesTheTargetAgainstTheCaFile() throws Exception {
    String url = serve();
    Path ca = file("ca.pem", TestPki.pem(CA.cert()));
    assertThat(text(scraper(tls(ca, null, null, "", false), url).scrape(5000))).isEqualTo("peer none\n");
    assertThat(sniSeen).as("no SNI for an IP address, as in Go").isEmpty();

    HttpClientConfig http1 = new HttpClientConfig(null, null, tls(ca, null, null, "", false), true, false);
    assertThat(text(scraper(http1, url).scrape(5000))).isEqualTo("peer none\n");

    if (InetAddress.getByName("localhost").equals(InetAddress.getByName("127.0.0.1"))) {
      String byName = url.replace("127.0.0.1", "localhost");
      assertThat(text(scraper(tls(ca, null, null, "", false), byName).scrape(5000))).isEqualTo("peer none\n");
      assertThat(sniSeen).containsExactly("localhost");
    }
  }

  @Test
  void refusesAnUnknownAuthority() throws Exception {
    String url = serve();
    assertThat(failure(scraper(TlsConfig.NONE, url)))
        .isEqualTo("Get \"" + url + "\": x509: certificate signed by unknown authority");
    Path other = file("other.pem", TestPki.pem(OTHER_CA.cert()));
    assertThat(failure(scraper(tls(other, null, null, "", false), url)))
        .isEqualTo("Get \"" + url + "\": x509: certificate signed by unknown authority");
  }

  @Test
  void insecureSkipVerifyAcceptsAnyCertificate() throws Exception {
    String url = serve();
    assertThat(text(scraper(tls(null, null, null, "", true), url).scrape(5000))).isEqualTo("peer none\n");
    assertThat(text(scraper(tls(null, null, null, "wrong.example", true), url).scrape(5000))).isEqualTo("peer none\n");
  }

  @Test
  void refusesAWrongServerName() throws Exception {
    String url = serve();
    Path ca = file("ca.pem", TestPki.pem(CA.cert()));
    assertThat(failure(scraper(tls(ca, null, null, "wrong.example", false), url)))
        .isEqualTo("Get \"" + url + "\": x509: certificate is valid for localhost, not wrong.example");
    assertThat(sniSeen).contains("wrong.example");

    TestPki.Identity dnsOnly = TestPki.issue(CA, new TestPki.Spec().cn("dns-only").dns("scrape.internal").server());
    String dnsUrl = serve(dnsOnly, new X509Certificate[] {dnsOnly.cert()}, null, null);
    assertThat(failure(scraper(tls(ca, null, null, "", false), dnsUrl)))
        .isEqualTo("Get \"" + dnsUrl + "\": x509: cannot validate certificate for 127.0.0.1 because it doesn't contain any IP SANs");
  }

  @Test
  void sendsAndChecksTheConfiguredServerName() throws Exception {
    TestPki.Identity named = TestPki.issue(CA, new TestPki.Spec().cn("named").dns("*.internal", "other.example").server());
    String url = serve(named, new X509Certificate[] {named.cert(), CA.cert()}, null, null);
    Path ca = file("ca.pem", TestPki.pem(CA.cert()));
    assertThat(text(scraper(tls(ca, null, null, "scrape.internal", false), url).scrape(5000))).isEqualTo("peer none\n");
    assertThat(sniSeen).containsExactly("scrape.internal");
    assertThat(failure(scraper(tls(ca, null, null, "a.b.internal", false), url)))
        .isEqualTo("Get \"" + url + "\": x509: certificate is valid for *.internal, other.example, not a.b.internal");
  }

  @Test
  void presentsClientCertificatesInEveryKeyFormat() throws Exception {
    String url = serve(SERVER, new X509Certificate[] {SERVER.cert(), CA.cert()}, CA.cert(), null);
    Path ca = file("ca.pem", TestPki.pem(CA.cert()));

    Path cert = file("client.pem", TestPki.pem(CLIENT.cert()));
    Path pkcs8 = file("client.key", TestPki.pkcs8(CLIENT.keys().getPrivate()));
    assertThat(text(scraper(tls(ca, cert, pkcs8, "", false), url).scrape(5000))).isEqualTo("peer CN=client-a\n");

    Path sec1 = file("client-sec1.key", "leading text is ignored\n" + TestPki.sec1(CLIENT.keys().getPrivate()));
    assertThat(text(scraper(tls(ca, cert, sec1, "", false), url).scrape(5000))).isEqualTo("peer CN=client-a\n");

    TestPki.Identity rsaClient = TestPki.issue(CA, new TestPki.Spec().cn("client-rsa").client(), TestPki.rsaKeys());
    Path rsaCert = file("rsa.pem", TestPki.pem(rsaClient.cert()));
    Path pkcs1 = file("rsa.key", TestPki.pkcs1(rsaClient.keys().getPrivate()));
    assertThat(text(scraper(tls(ca, rsaCert, pkcs1, "", false), url).scrape(5000))).isEqualTo("peer CN=client-rsa\n");

    // A chain: the leaf is signed by an intermediate the server does not know; the file carries both.
    TestPki.Identity intermediate = TestPki.issue(CA, new TestPki.Spec().cn("Intermediate").ca());
    TestPki.Identity leaf = TestPki.issue(intermediate, new TestPki.Spec().cn("client-chained").client());
    Path chain = file("chain.pem", TestPki.pem(leaf.cert(), intermediate.cert()));
    Path leafKey = file("leaf.key", TestPki.pkcs8(leaf.keys().getPrivate()));
    // Without a ca_file: the server is checked against the JDK's roots, so skip that check here.
    assertThat(text(scraper(tls(null, chain, leafKey, "", true), url).scrape(5000))).isEqualTo("peer CN=client-chained\n");
  }

  @Test
  void aRequiredClientCertificateThatIsMissingIsARemoteError() throws Exception {
    String url = serve(SERVER, new X509Certificate[] {SERVER.cert(), CA.cert()}, CA.cert(), null);
    Path ca = file("ca.pem", TestPki.pem(CA.cert()));
    // The JDK's test server hangs up without an alert the client can read, or resets the connection;
    // Go would read the same bytes the same way.
    assertThat(failure(scraper(tls(ca, null, null, "", false), url))).matches("Get \"" + java.util.regex.Pattern.quote(url)
        + "\": (EOF|remote error: tls: .+|read tcp 127\\.0\\.0\\.1:\\d+: read: connection reset by peer)");
  }

  @Test
  void changedTlsFilesAreUsedByTheNextScrape() throws Exception {
    String url = serve(SERVER, new X509Certificate[] {SERVER.cert(), CA.cert()}, CA.cert(), null);
    Path ca = file("ca.pem", TestPki.pem(OTHER_CA.cert()));
    Path cert = file("client.pem", TestPki.pem(CLIENT.cert()));
    Path key = file("client.key", TestPki.pkcs8(CLIENT.keys().getPrivate()));
    TargetScraper scraper = scraper(tls(ca, cert, key, "", false), url);
    assertThat(failure(scraper)).isEqualTo("Get \"" + url + "\": x509: certificate signed by unknown authority");

    Files.writeString(ca, TestPki.pem(CA.cert()));
    assertThat(text(scraper.scrape(5000))).isEqualTo("peer CN=client-a\n");

    TestPki.Identity renewed = TestPki.issue(CA, new TestPki.Spec().cn("client-b").client());
    Files.writeString(cert, TestPki.pem(renewed.cert()));
    Files.writeString(key, TestPki.pkcs8(renewed.keys().getPrivate()));
    assertThat(text(scraper.scrape(5000))).isEqualTo("peer CN=client-b\n");

    Files.delete(ca);
    assertThat(failure(scraper)).isEqualTo("Get \"" + url + "\": unable to load specified CA cert " + ca + ": open "
        + ca + ": no such file or directory");
    Files.writeString(ca, "not a certificate");
    assertThat(failure(scraper)).isEqualTo("Get \"" + url + "\": unable to use specified CA cert " + ca);
  }

  @Test
  void refusesAnExpiredCertificate() throws Exception {
    TestPki.Identity expired = TestPki.issue(CA, new TestPki.Spec().cn("old").ip("127.0.0.1").server()
        .valid(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z")));
    String url = serve(expired, new X509Certificate[] {expired.cert(), CA.cert()}, null, null);
    Path ca = file("ca.pem", TestPki.pem(CA.cert()));
    assertThat(failure(scraper(tls(ca, null, null, "", false), url))).matches("Get \"" + java.util.regex.Pattern.quote(url)
        + "\": x509: certificate has expired or is not yet valid: current time \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"
        + "(Z|[+-]\\d\\d:\\d\\d) is after 2021-01-01T00:00:00Z");
  }

  @Test
  void tlsVersionsAreBounded() throws Exception {
    String url = serve(SERVER, new X509Certificate[] {SERVER.cert(), CA.cert()}, null, new String[] {"TLSv1.2"});
    Path ca = file("ca.pem", TestPki.pem(CA.cert()));
    TlsConfig tls12 = new TlsConfig(ca.toString(), "", "", "", false, "TLS12", "TLS12");
    assertThat(text(scraper(tls12, url).scrape(5000))).isEqualTo("peer none\n");
    TlsConfig tls13 = new TlsConfig(ca.toString(), "", "", "", false, "TLS13", "");
    assertThat(failure(scraper(tls13, url))).matches("Get \"" + java.util.regex.Pattern.quote(url)
        + "\": (EOF|remote error: tls: .+|read tcp 127\\.0\\.0\\.1:\\d+: read: connection reset by peer)");
  }

  @Test
  void httpsToAPlainServerIsNotATlsHandshake() throws Exception {
    try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread answer = new Thread(() -> {
        try (java.net.Socket s = plain.accept()) {
          s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
          Thread.sleep(500);
        } catch (Exception e) {
          // the client went away
        }
      });
      answer.setDaemon(true);
      answer.start();
      String url = "https://127.0.0.1:" + plain.getLocalPort() + "/metrics";
      assertThat(failure(scraper(TlsConfig.NONE, url)))
          .isEqualTo("Get \"" + url + "\": tls: first record does not look like a TLS handshake");
    }
  }

  @Test
  void unusableTlsFilesRefuseTheClientAsPrometheusRefusesThePool() throws Exception {
    Path missing = dir.resolve("missing.pem");
    assertThat(setupFailure(tls(missing, null, null, "", false))).isEqualTo("error creating HTTP client: "
        + "unable to load specified CA cert " + missing + ": open " + missing + ": no such file or directory");
    Path garbage = file("garbage.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assertThat(setupFailure(tls(garbage, null, null, "", false)))
        .isEqualTo("error creating HTTP client: unable to use specified CA cert " + garbage);

    Path cert = file("client.pem", TestPki.pem(CLIENT.cert()));
    Path key = file("client.key", TestPki.pkcs8(CLIENT.keys().getPrivate()));
    assertThat(setupFailure(tls(null, cert, null, "", false)))
        .isEqualTo("error creating HTTP client: client cert file \"" + cert + "\" specified without client key file");
    assertThat(setupFailure(tls(null, null, key, "", false)))
        .isEqualTo("error creating HTTP client: client key file \"" + key + "\" specified without client cert file");
    assertThat(setupFailure(tls(null, cert, missing, "", false))).isEqualTo("error creating HTTP client: "
        + "unable to read specified client cert (" + cert + ") & key (" + missing + "): open " + missing
        + ": no such file or directory");
    Path otherKey = file("other.key", TestPki.pkcs8(TestPki.ecKeys().getPrivate()));
    assertThat(setupFailure(tls(null, cert, otherKey, "", false))).isEqualTo("error creating HTTP client: "
        + "unable to use specified client cert (" + cert + ") & key (" + otherKey + "): tls: private key does not match public key");
    assertThat(setupFailure(tls(null, key, cert, "", false))).isEqualTo("error creating HTTP client: "
        + "unable to use specified client cert (" + key + ") & key (" + cert + "): tls: failed to find certificate PEM data"
        + " in certificate input, but did find a private key; PEM inputs may have been switched");

    assertThat(setupFailure(new TlsConfig("", "", "", "", false, "TLS13", "TLS12"))).isEqualTo("error creating HTTP client: "
        + "tls_config.max_version must be greater than or equal to tls_config.min_version if both are specified");
    assertThatThrownBy(() -> HttpScraperFactory.create("bad", new HttpClientConfig(null, null, tls(missing, null, null, "", false), true, true), 0))
        .isInstanceOfSatisfying(HttpClientSetupException.class, e -> assertThat(e.reason()).startsWith("unable to load specified CA cert "));
  }

  @Test
  void expiredNotYetValidUsesTheLocalZoneForNow() {
    Instant future = Instant.now().plus(10, ChronoUnit.DAYS);
    TestPki.Identity early = TestPki.issue(CA, new TestPki.Spec().cn("early").ip("127.0.0.1").server()
        .valid(future, future.plus(1, ChronoUnit.DAYS)));
    assertThatThrownBy(() -> GoTrustManager.verifying(List.of(CA.cert()), "")
        .checkServerTrusted(new X509Certificate[] {early.cert()}, "ECDHE_ECDSA"))
        .hasMessageContaining("x509: certificate has expired or is not yet valid: current time ")
        .hasMessageContaining(" is before ");
  }
}
