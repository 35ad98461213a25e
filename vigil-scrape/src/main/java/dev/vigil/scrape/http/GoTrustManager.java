package dev.vigil.scrape.http;

import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Checks a target's certificate as Go 1.19's crypto/tls client does, in Go's order and with its texts:
 * the leaf's validity period, then the host name (the configured server_name, else the URL's host;
 * SANs only, wildcards in the leftmost label, IP SANs for IP hosts), then the chain up to the
 * configured CA file's certificates (or the JDK's default roots). With insecure_skip_verify nothing
 * is checked.
 */
final class GoTrustManager extends X509ExtendedTrustManager {
  /** A verification failure worded as Go words it; found by its type in the handshake's causes. */
  static final class GoCertificateException extends CertificateException {
    GoCertificateException(String message) {
      super(message);
    }
  }

  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private final X509TrustManager chainChecker; // null when insecure
  private final String serverName;
  private final boolean insecure;

  private GoTrustManager(X509TrustManager chainChecker, String serverName, boolean insecure) {
    this.chainChecker = chainChecker;
    this.serverName = serverName;
    this.insecure = insecure;
  }

  static GoTrustManager insecure() {
    return new GoTrustManager(null, "", true);
  }

  /** Verifies against {@code roots}, or the JDK's default trust store when null. */
  static GoTrustManager verifying(List<X509Certificate> roots, String serverName) throws GeneralSecurityException {
    return new GoTrustManager(roots == null ? DefaultRoots.CHECKER : pkix(roots), serverName, false);
  }

  private static X509TrustManager pkix(List<X509Certificate> roots) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
    for (int i = 0; i < roots.size(); i++) {
      store.setCertificateEntry("ca-" + i, roots.get(i));
    }
    return pkixFrom(store);
  }

  private static X509TrustManager pkixFrom(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store);
    for (TrustManager tm : factory.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }

  /** The JDK's default roots, loaded once for all clients that have no ca_file. */
  private static final class DefaultRoots {
    static final X509TrustManager CHECKER = load();

    private static X509TrustManager load() {
      try {
        return pkixFrom(null);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot load the JDK's default trust store", e);
      }
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    verify(chain, authType, engine == null ? null : engine.getPeerHost());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    verify(chain, authType, socket == null || socket.getInetAddress() == null ? null : socket.getInetAddress().getHostName());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    verify(chain, authType, null);
  }

  private void verify(X509Certificate[] chain, String authType, String peerHost) throws CertificateException {
    if (insecure) {
      return;
    }
    if (chain == null || chain.length == 0) {
      throw new GoCertificateException("tls: server's certificate contains an unsupported type of public key");
    }
    X509Certificate leaf = chain[0];
    checkValidity(leaf);
    String host = serverName.isEmpty() ? peerHost : serverName;
    if (host != null && !host.isEmpty()) {
      verifyHostname(leaf, host);
    }
    try {
      chainChecker.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      throw new GoCertificateException(chainError(chain, e));
    }
  }

  private static void checkValidity(X509Certificate cert) throws GoCertificateException {
    Instant now = Instant.now();
    Instant notBefore = cert.getNotBefore().toInstant();
    Instant notAfter = cert.getNotAfter().toInstant();
    if (now.isBefore(notBefore)) {
      throw new GoCertificateException("x509: certificate has expired or is not yet valid: current time "
          + goTime(now, ZoneId.systemDefault()) + " is before " + goTime(notBefore, ZoneOffset.UTC));
    }
    if (now.isAfter(notAfter)) {
      throw new GoCertificateException("x509: certificate has expired or is not yet valid: current time "
          + goTime(now, ZoneId.systemDefault()) + " is after " + goTime(notAfter, ZoneOffset.UTC));
    }
  }

  private static String goTime(Instant t, ZoneId zone) {
    return RFC3339.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }

  /** What Go reports when no chain reaches a root: the causes the JDK distinguishes, mapped. */
  private static String chainError(X509Certificate[] chain, CertificateException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertPathValidatorException cpve) {
        var reason = cpve.getReason();
        if (reason == CertPathValidatorException.BasicReason.EXPIRED
            || reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
          for (X509Certificate cert : chain) {
            try {
              checkValidity(cert);
            } catch (GoCertificateException invalid) {
              return invalid.getMessage();
            }
          }
        }
      }
      String message = t.getMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains("extended key usage")) {
        return "x509: certificate specifies an incompatible key usage";
      }
    }
    return "x509: certificate signed by unknown authority";
  }

  /** Go 1.19's {@code Certificate.VerifyHostname} and {@code HostnameError.Error}. */
  static void verifyHostname(X509Certificate cert, String host) throws GoCertificateException {
    String candidateIp = host;
    if (host.length() >= 3 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']') {
      candidateIp = host.substring(1, host.length() - 1);
    }
    List<String> dnsNames = new ArrayList<>();
    List<InetAddress> ips = new ArrayList<>();
    boolean hasSan = sans(cert, dnsNames, ips);
    InetAddress ip = parseIp(candidateIp);
    if (ip != null) {
      for (InetAddress candidate : ips) {
        if (sameIp(candidate, ip)) {
          return;
        }
      }
    } else {
      String candidateName = lowerAscii(host);
      boolean validCandidate = validHostname(candidateName, false);
      for (String match : dnsNames) {
        if (validCandidate && validHostname(match, true)) {
          if (matchHostnames(match, candidateName)) {
            return;
          }
        } else if (matchExactly(match, candidateName)) {
          return;
        }
      }
    }
    // HostnameError.Error
    String commonName = commonName(cert);
    if (!hasSan && commonName != null && matchHostnames(commonName, host)) {
      throw new GoCertificateException("x509: certificate relies on legacy Common Name field, use SANs instead");
    }
    String valid;
    if (ip != null) {
      if (ips.isEmpty()) {
        throw new GoCertificateException("x509: cannot validate certificate for " + host + " because it doesn't contain any IP SANs");
      }
      List<String> texts = new ArrayList<>();
      for (InetAddress san : ips) {
        texts.add(GoText.ip(san));
      }
      valid = String.join(", ", texts);
    } else {
      valid = String.join(", ", dnsNames);
    }
    if (valid.isEmpty()) {
      throw new GoCertificateException("x509: certificate is not valid for any names, but wanted to match " + host);
    }
    throw new GoCertificateException("x509: certificate is valid for " + valid + ", not " + host);
  }

  private static boolean sans(X509Certificate cert, List<String> dnsNames, List<InetAddress> ips) {
    Collection<List<?>> entries;
    try {
      entries = cert.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return false;
    }
    if (entries == null) {
      return false;
    }
    for (List<?> entry : entries) {
      int type = (Integer) entry.get(0);
      Object value = entry.get(1);
      if (type == 2 && value instanceof String dns) {
        dnsNames.add(dns);
      } else if (type == 7 && value instanceof String ipText) {
        InetAddress ip = parseIp(ipText);
        if (ip != null) {
          ips.add(ip);
        }
      }
    }
    return true;
  }

  private static String commonName(X509Certificate cert) {
    try {
      var name = new javax.naming.ldap.LdapName(cert.getSubjectX500Principal().getName());
      String cn = null;
      for (var rdn : name.getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          cn = String.valueOf(rdn.getValue()); // Go keeps the last CN
        }
      }
      return cn;
    } catch (javax.naming.InvalidNameException e) {
      return null;
    }
  }

  /** An IP literal as Go's {@code net.ParseIP} accepts it, never resolving names. */
  static InetAddress parseIp(String s) {
    if (s.isEmpty()) {
      return null;
    }
    boolean v6 = s.indexOf(':') >= 0;
    if (!v6 && !s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return null;
    }
    if (v6 && (s.indexOf('%') >= 0 || !s.matches("[0-9A-Fa-f:.]+"))) {
      return null;
    }
    try {
      return InetAddress.getByName(s);
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  private static boolean sameIp(InetAddress a, InetAddress b) {
    return java.util.Arrays.equals(v16(a.getAddress()), v16(b.getAddress()));
  }

  private static byte[] v16(byte[] ip) {
    if (ip.length == 16) {
      return ip;
    }
    byte[] out = new byte[16];
    out[10] = (byte) 0xff;
    out[11] = (byte) 0xff;
    System.arraycopy(ip, 0, out, 12, 4);
    return out;
  }

  private static String lowerAscii(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return b.toString();
  }

  /** Go's {@code validHostname}: labels of letters, digits, '-' and '_'; '*' alone as a pattern's first label. */
  private static boolean validHostname(String host, boolean isPattern) {
    if (!isPattern) {
      host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
    if (host.isEmpty()) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    for (int i = 0; i < labels.length; i++) {
      String part = labels[i];
      if (part.isEmpty()) {
        return false;
      }
      if (isPattern && i == 0 && part.equals("*")) {
        continue;
      }
      for (int j = 0; j < part.length(); j++) {
        char c = part.charAt(j);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || (c == '-' && j != 0) || c == '_';
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean matchExactly(String a, String b) {
    if (a.isEmpty() || a.equals(".") || b.isEmpty() || b.equals(".")) {
      return false;
    }
    return lowerAscii(a).equals(lowerAscii(b));
  }

  private static boolean matchHostnames(String pattern, String host) {
    pattern = lowerAscii(pattern);
    host = lowerAscii(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
    if (pattern.isEmpty() || host.isEmpty()) {
      return false;
    }
    String[] patternParts = pattern.split("\\.", -1);
    String[] hostParts = host.split("\\.", -1);
    if (patternParts.length != hostParts.length) {
      return false;
    }
    for (int i = 0; i < patternParts.length; i++) {
      if (i == 0 && patternParts[i].equals("*")) {
        continue;
      }
      if (!patternParts[i].equals(hostParts[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    throw new CertificateException("not a server");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    throw new CertificateException("not a server");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("not a server");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return chainChecker == null ? new X509Certificate[0] : chainChecker.getAcceptedIssuers();
  }
}
