package dev.vigil.scrape.http;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Certificates for tests, built in-process: a small DER writer and the JDK's key generators and
 * signatures, so no keytool or openssl is needed and nothing is slow.
 */
final class TestPki {
  private TestPki() {}

  /** A key pair with its certificate. */
  record Identity(KeyPair keys, X509Certificate cert) {}

  static KeyPair ecKeys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair rsaKeys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(1024); // the smallest size the JDK's TLS still accepts: quick to generate
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a certificate should say. */
  static final class Spec {
    String cn = "test";
    boolean ca;
    boolean san = true;
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    String eku; // "server", "client" or null
    Instant notBefore = Instant.now().minus(1, ChronoUnit.HOURS);
    Instant notAfter = Instant.now().plus(1, ChronoUnit.DAYS);

    Spec cn(String v) {
      cn = v;
      return this;
    }

    Spec ca() {
      ca = true;
      return this;
    }

    Spec noSan() {
      san = false;
      return this;
    }

    Spec dns(String... v) {
      dns.addAll(List.of(v));
      return this;
    }

    Spec ip(String... v) {
      ips.addAll(List.of(v));
      return this;
    }

    Spec server() {
      eku = "server";
      return this;
    }

    Spec client() {
      eku = "client";
      return this;
    }

    Spec valid(Instant from, Instant to) {
      notBefore = from;
      notAfter = to;
      return this;
    }
  }

  static Identity selfSignedCa(String cn) {
    KeyPair keys = ecKeys();
    return new Identity(keys, certificate(new Spec().cn(cn).ca(), keys, cn, keys.getPrivate()));
  }

  static Identity issue(Identity issuer, Spec spec) {
    return issue(issuer, spec, ecKeys());
  }

  static Identity issue(Identity issuer, Spec spec, KeyPair keys) {
    return new Identity(keys, certificate(spec, keys, cnOf(issuer.cert()), issuer.keys().getPrivate()));
  }

  private static String cnOf(X509Certificate cert) {
    String name = cert.getSubjectX500Principal().getName();
    return name.substring(name.indexOf("CN=") + 3).split(",")[0];
  }

  static X509Certificate certificate(Spec spec, KeyPair subject, String issuerCn, PrivateKey issuerKey) {
    try {
      boolean rsaIssuer = issuerKey.getAlgorithm().equals("RSA");
      byte[] sigAlg = rsaIssuer
          ? seq(oid("1.2.840.113549.1.1.11"), tlv(0x05, new byte[0]))
          : seq(oid("1.2.840.10045.4.3.2"));
      List<byte[]> extensions = new ArrayList<>();
      extensions.add(ext("2.5.29.19", true, spec.ca ? seq(tlv(0x01, new byte[] {(byte) 0xff})) : seq()));
      extensions.add(ext("2.5.29.15", true, spec.ca ? tlv(0x03, new byte[] {1, 0x06}) : tlv(0x03, new byte[] {7, (byte) 0x80})));
      if (spec.eku != null) {
        extensions.add(ext("2.5.29.37", false, seq(oid(spec.eku.equals("server") ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2"))));
      }
      if (spec.san && (!spec.dns.isEmpty() || !spec.ips.isEmpty())) {
        List<byte[]> names = new ArrayList<>();
        for (String d : spec.dns) {
          names.add(tlv(0x82, d.getBytes(StandardCharsets.US_ASCII)));
        }
        for (String ip : spec.ips) {
          names.add(tlv(0x87, InetAddress.getByName(ip).getAddress()));
        }
        extensions.add(ext("2.5.29.17", false, seq(names.toArray(new byte[0][]))));
      }
      byte[] tbs = seq(
          tlv(0xa0, tlv(0x02, new byte[] {2})),
          tlv(0x02, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray()),
          sigAlg,
          name(issuerCn),
          seq(time(spec.notBefore), time(spec.notAfter)),
          name(spec.cn),
          subject.getPublic().getEncoded(),
          tlv(0xa3, seq(extensions.toArray(new byte[0][]))));
      Signature signer = Signature.getInstance(rsaIssuer ? "SHA256withRSA" : "SHA256withECDSA");
      signer.initSign(issuerKey);
      signer.update(tbs);
      byte[] signature = signer.sign();
      byte[] bits = new byte[signature.length + 1];
      System.arraycopy(signature, 0, bits, 1, signature.length);
      return TlsFiles.certificate(seq(tbs, sigAlg, tlv(0x03, bits)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] ext(String oid, boolean critical, byte[] value) {
    return critical ? seq(oid(oid), tlv(0x01, new byte[] {(byte) 0xff}), tlv(0x04, value)) : seq(oid(oid), tlv(0x04, value));
  }

  private static byte[] name(String cn) {
    return seq(tlv(0x31, seq(oid("2.5.4.3"), tlv(0x0c, cn.getBytes(StandardCharsets.UTF_8)))));
  }

  private static byte[] time(Instant t) {
    String text = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(t.atOffset(ZoneOffset.UTC));
    return tlv(0x17, text.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] oid(String dotted) {
    return tlv(0x06, TlsFiles.Der.encodeOid(dotted));
  }

  static byte[] tlv(int tag, byte[] content) {
    return TlsFiles.Der.tlv(tag, content);
  }

  static byte[] seq(byte[]... parts) {
    return TlsFiles.Der.sequence(parts);
  }

  // PEM output

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  static String pem(X509Certificate... chain) {
    StringBuilder b = new StringBuilder();
    for (X509Certificate c : chain) {
      try {
        b.append(pem("CERTIFICATE", c.getEncoded()));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return b.toString();
  }

  /** The key in PKCS#8 ("PRIVATE KEY"). */
  static String pkcs8(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  /** An RSA key in PKCS#1 ("RSA PRIVATE KEY"): the inner structure of its PKCS#8 encoding. */
  static String pkcs1(PrivateKey key) {
    return pem("RSA PRIVATE KEY", pkcs8Inner(key));
  }

  /** An EC key in SEC1 ("EC PRIVATE KEY") with its curve named inside, as openssl writes it. */
  static String sec1(PrivateKey key) {
    byte[] inner = pkcs8Inner(key);
    TlsFiles.Der.Node ecPrivateKey = TlsFiles.Der.parse(inner);
    List<TlsFiles.Der.Node> fields = ecPrivateKey.children();
    List<TlsFiles.Der.Node> pkcs8 = TlsFiles.Der.parse(key.getEncoded()).children();
    byte[] curve = pkcs8.get(1).children().get(1).content();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(tlv(fields.get(0).tag(), fields.get(0).content()));
    body.writeBytes(tlv(fields.get(1).tag(), fields.get(1).content()));
    body.writeBytes(tlv(0xa0, tlv(0x06, curve)));
    for (TlsFiles.Der.Node f : fields.subList(2, fields.size())) {
      if (f.tag() == 0xa1) {
        body.writeBytes(tlv(0xa1, f.content()));
      }
    }
    return pem("EC PRIVATE KEY", tlv(0x30, body.toByteArray()));
  }

  private static byte[] pkcs8Inner(PrivateKey key) {
    List<TlsFiles.Der.Node> fields = TlsFiles.Der.parse(key.getEncoded()).children();
    return fields.get(2).content();
  }

  static Path write(Path dir, String name, String content) throws java.io.IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.ISO_8859_1);
    return p;
  }
}
