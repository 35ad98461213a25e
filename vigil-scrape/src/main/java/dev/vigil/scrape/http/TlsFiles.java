package dev.vigil.scrape.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM files as Go's crypto/tls and crypto/x509 read them: a CA bundle as {@code AppendCertsFromPEM},
 * a certificate chain and key as {@code tls.X509KeyPair} (keys in PKCS#1 RSA, PKCS#8 or SEC1 EC form,
 * tried in Go's order), with Go's error texts.
 */
final class TlsFiles {
  private TlsFiles() {}

  /** A failure worded as Go words it. */
  static final class GoError extends Exception {
    GoError(String message) {
      super(message, null, false, false);
    }
  }

  /** A client certificate chain, leaf first, and its private key. */
  record KeyPair(X509Certificate[] chain, PrivateKey key) {}

  record Block(String type, boolean hasHeaders, byte[] bytes) {}

  /** Go's {@code pem.Decode} applied repeatedly: the well-formed blocks, in order. */
  static List<Block> blocks(byte[] data) {
    String rest = new String(data, StandardCharsets.ISO_8859_1);
    List<Block> out = new ArrayList<>();
    while (true) {
      // Go 1.19's Decode, with its "continue" after a malformed block scanning on from the BEGIN line.
      if (rest.startsWith("-----BEGIN ")) {
        rest = rest.substring(11);
      } else {
        int at = rest.indexOf("\n-----BEGIN ");
        if (at < 0) {
          return out;
        }
        rest = rest.substring(at + 12);
      }
      String[] line = getLine(rest);
      rest = line[1];
      if (!line[0].endsWith("-----")) {
        continue;
      }
      String type = line[0].substring(0, line[0].length() - 5);
      boolean headers = false;
      String body = rest;
      boolean truncated = false;
      while (true) {
        if (body.isEmpty()) {
          truncated = true;
          break;
        }
        String[] headerLine = getLine(body);
        if (headerLine[0].indexOf(':') < 0) {
          break;
        }
        headers = true;
        body = headerLine[1];
      }
      if (truncated) {
        return out;
      }
      int endIndex;
      int endTrailerIndex;
      if (!headers && body.startsWith("-----END ")) {
        endIndex = 0;
        endTrailerIndex = 9;
      } else {
        endIndex = body.indexOf("\n-----END ");
        endTrailerIndex = endIndex + 10;
      }
      if (endIndex < 0) {
        continue;
      }
      String endTrailer = body.substring(endTrailerIndex);
      int endTrailerLen = type.length() + 5;
      if (endTrailer.length() < endTrailerLen) {
        continue;
      }
      String restOfEndLine = endTrailer.substring(endTrailerLen);
      endTrailer = endTrailer.substring(0, endTrailerLen);
      if (!endTrailer.startsWith(type) || !endTrailer.endsWith("-----")) {
        continue;
      }
      if (!getLine(restOfEndLine)[0].isEmpty()) {
        continue;
      }
      String base64 = body.substring(0, endIndex).replace(" ", "").replace("\t", "").replace("\r", "").replace("\n", "");
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        continue;
      }
      out.add(new Block(type, headers, bytes));
      rest = getLine(body.substring(endIndex + 10 - 1))[1];
    }
  }

  /** Go's pem {@code getLine}: the first line without trailing blanks, and the rest after it. */
  private static String[] getLine(String data) {
    int nl = data.indexOf('\n');
    int end = nl < 0 ? data.length() : nl;
    int next = nl < 0 ? data.length() : nl + 1;
    int trimmed = end;
    while (trimmed > 0 && " \t\r".indexOf(data.charAt(trimmed - 1)) >= 0) {
      trimmed--;
    }
    return new String[] {data.substring(0, trimmed), data.substring(next)};
  }

  /** Go's {@code CertPool.AppendCertsFromPEM}: every parseable CERTIFICATE block without headers. */
  static List<X509Certificate> caCertificates(byte[] pem) {
    List<X509Certificate> certs = new ArrayList<>();
    for (Block block : blocks(pem)) {
      if (!block.type().equals("CERTIFICATE") || block.hasHeaders()) {
        continue;
      }
      try {
        certs.add(certificate(block.bytes()));
      } catch (CertificateException e) {
        // Go skips certificates it cannot parse.
      }
    }
    return certs;
  }

  static X509Certificate certificate(byte[] der) throws CertificateException {
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  /** Go's {@code tls.X509KeyPair}. */
  static KeyPair keyPair(byte[] certPem, byte[] keyPem) throws GoError {
    List<byte[]> ders = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Block block : blocks(certPem)) {
      if (block.type().equals("CERTIFICATE")) {
        ders.add(block.bytes());
      } else {
        skipped.add(block.type());
      }
    }
    if (ders.isEmpty()) {
      if (skipped.isEmpty()) {
        throw new GoError("tls: failed to find any PEM data in certificate input");
      }
      if (skipped.size() == 1 && skipped.get(0).endsWith("PRIVATE KEY")) {
        throw new GoError("tls: failed to find certificate PEM data in certificate input, but did find a private key;"
            + " PEM inputs may have been switched");
      }
      throw new GoError("tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks"
          + " of the following types: " + goList(skipped));
    }
    skipped.clear();
    Block keyBlock = null;
    for (Block block : blocks(keyPem)) {
      if (block.type().equals("PRIVATE KEY") || block.type().endsWith(" PRIVATE KEY")) {
        keyBlock = block;
        break;
      }
      skipped.add(block.type());
    }
    if (keyBlock == null) {
      if (skipped.isEmpty()) {
        throw new GoError("tls: failed to find any PEM data in key input");
      }
      if (skipped.size() == 1 && skipped.get(0).equals("CERTIFICATE")) {
        throw new GoError("tls: found a certificate rather than a key in the PEM for the private key");
      }
      throw new GoError("tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after"
          + " skipping PEM blocks of the following types: " + goList(skipped));
    }
    X509Certificate[] chain = new X509Certificate[ders.size()];
    for (int i = 0; i < chain.length; i++) {
      try {
        chain[i] = certificate(ders.get(i));
      } catch (CertificateException e) {
        // Go parses only the leaf here; the JDK needs every certificate of the chain it sends.
        throw new GoError("x509: malformed certificate");
      }
    }
    PrivateKey key = privateKey(keyBlock.bytes());
    checkMatch(chain[0].getPublicKey(), key);
    return new KeyPair(chain, key);
  }

  private static String goList(List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }

  /** Go's {@code parsePrivateKey}: PKCS#1, then PKCS#8, then SEC1. */
  static PrivateKey privateKey(byte[] der) throws GoError {
    PrivateKey key = pkcs1(der);
    if (key != null) {
      return key;
    }
    Der.Node top = Der.parse(der);
    if (top != null && top.tag() == 0x30) {
      List<Der.Node> fields = top.children();
      if (fields != null && fields.size() >= 3 && fields.get(0).tag() == 0x02 && fields.get(1).tag() == 0x30) {
        List<Der.Node> algorithm = fields.get(1).children();
        if (algorithm != null && !algorithm.isEmpty() && algorithm.get(0).tag() == 0x06) {
          String oid = Der.oid(algorithm.get(0).content());
          String keyAlgorithm = switch (oid) {
            case "1.2.840.113549.1.1.1" -> "RSA";
            case "1.2.840.10045.2.1" -> "EC";
            case "1.3.101.112" -> "Ed25519";
            default -> null;
          };
          PrivateKey parsed = null;
          if (keyAlgorithm != null) {
            parsed = generate(keyAlgorithm, der);
          }
          if (parsed != null) {
            return parsed;
          }
          if (keyAlgorithm == null && parsesAsPkcs8(fields)) {
            throw new GoError("tls: found unknown private key type in PKCS#8 wrapping");
          }
        }
      }
    }
    key = sec1(der);
    if (key != null) {
      return key;
    }
    throw new GoError("tls: failed to parse private key");
  }

  private static boolean parsesAsPkcs8(List<Der.Node> fields) {
    return fields.get(2).tag() == 0x04;
  }

  /** An RSAPrivateKey (PKCS#1), wrapped into PKCS#8 for the JDK; null when {@code der} is not one. */
  private static PrivateKey pkcs1(byte[] der) {
    Der.Node top = Der.parse(der);
    if (top == null || top.tag() != 0x30) {
      return null;
    }
    List<Der.Node> fields = top.children();
    if (fields == null || fields.size() < 9) {
      return null;
    }
    for (int i = 0; i < 9; i++) {
      if (fields.get(i).tag() != 0x02) {
        return null;
      }
    }
    byte[] rsaAlgorithm = Der.sequence(Der.tlv(0x06, Der.encodeOid("1.2.840.113549.1.1.1")), Der.tlv(0x05, new byte[0]));
    byte[] pkcs8 = Der.sequence(Der.tlv(0x02, new byte[] {0}), rsaAlgorithm, Der.tlv(0x04, der));
    return generate("RSA", pkcs8);
  }

  /** An ECPrivateKey (SEC1) carrying its curve, wrapped into PKCS#8; null when {@code der} is not one. */
  private static PrivateKey sec1(byte[] der) {
    Der.Node top = Der.parse(der);
    if (top == null || top.tag() != 0x30) {
      return null;
    }
    List<Der.Node> fields = top.children();
    if (fields == null || fields.size() < 2 || fields.get(0).tag() != 0x02 || fields.get(1).tag() != 0x04) {
      return null;
    }
    byte[] curve = null;
    for (Der.Node field : fields.subList(2, fields.size())) {
      if (field.tag() == 0xa0) {
        List<Der.Node> inner = field.children();
        if (inner != null && inner.size() == 1 && inner.get(0).tag() == 0x06) {
          curve = inner.get(0).content();
        }
      }
    }
    if (curve == null) {
      return null; // Go needs the curve too, having no other place to find it
    }
    byte[] ecAlgorithm = Der.sequence(Der.tlv(0x06, Der.encodeOid("1.2.840.10045.2.1")), Der.tlv(0x06, curve));
    byte[] pkcs8 = Der.sequence(Der.tlv(0x02, new byte[] {0}), ecAlgorithm, Der.tlv(0x04, der));
    return generate("EC", pkcs8);
  }

  private static PrivateKey generate(String algorithm, byte[] pkcs8) {
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | RuntimeException e) {
      return null;
    }
  }

  /** Go's check that the private key belongs to the leaf certificate's public key. */
  private static void checkMatch(PublicKey pub, PrivateKey key) throws GoError {
    String pubAlgorithm = family(pub.getAlgorithm());
    String keyAlgorithm = family(key.getAlgorithm());
    if (pubAlgorithm == null) {
      throw new GoError("tls: unknown public key algorithm");
    }
    if (!pubAlgorithm.equals(keyAlgorithm)) {
      throw new GoError("tls: private key type does not match public key type");
    }
    if (pub instanceof RSAPublicKey rsaPub && key instanceof RSAPrivateCrtKey rsaKey) {
      BigInteger n = rsaPub.getModulus();
      if (!n.equals(rsaKey.getModulus())) {
        throw new GoError("tls: private key does not match public key");
      }
      return;
    }
    String signatureAlgorithm = switch (pubAlgorithm) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> "Ed25519";
    };
    try {
      byte[] probe = new byte[32];
      new SecureRandom().nextBytes(probe);
      Signature signer = Signature.getInstance(signatureAlgorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(signatureAlgorithm);
      verifier.initVerify(pub);
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new GoError("tls: private key does not match public key");
      }
    } catch (GeneralSecurityException e) {
      throw new GoError("tls: private key does not match public key");
    }
  }

  private static String family(String algorithm) {
    return switch (algorithm) {
      case "RSA" -> "RSA";
      case "EC" -> "EC";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
  }

  /** Just enough DER to tell key encodings apart and re-wrap them. */
  static final class Der {
    private Der() {}

    record Node(int tag, byte[] content) {
      /** The nested nodes of a constructed node, or null when they do not parse exactly. */
      List<Node> children() {
        List<Node> out = new ArrayList<>();
        int pos = 0;
        while (pos < content.length) {
          int[] header = header(content, pos);
          if (header == null) {
            return null;
          }
          int start = header[1];
          int end = start + header[2];
          out.add(new Node(header[0], java.util.Arrays.copyOfRange(content, start, end)));
          pos = end;
        }
        return out;
      }
    }

    /** The single node spanning all of {@code der}, or null. */
    static Node parse(byte[] der) {
      int[] header = header(der, 0);
      if (header == null || header[1] + header[2] != der.length) {
        return null;
      }
      return new Node(header[0], java.util.Arrays.copyOfRange(der, header[1], der.length));
    }

    /** {tag, content start, content length} of the node at {@code pos}, or null when malformed. */
    private static int[] header(byte[] b, int pos) {
      if (pos + 2 > b.length) {
        return null;
      }
      int tag = b[pos] & 0xff;
      if ((tag & 0x1f) == 0x1f) {
        return null; // high tag numbers never occur in the structures read here
      }
      int len = b[pos + 1] & 0xff;
      int at = pos + 2;
      if (len >= 0x80) {
        int count = len & 0x7f;
        if (count == 0 || count > 4 || at + count > b.length) {
          return null;
        }
        long value = 0;
        for (int i = 0; i < count; i++) {
          value = value << 8 | (b[at + i] & 0xff);
        }
        at += count;
        if (value > Integer.MAX_VALUE) {
          return null;
        }
        len = (int) value;
      }
      if ((long) at + len > b.length) {
        return null;
      }
      return new int[] {tag, at, len};
    }

    static byte[] tlv(int tag, byte[] content) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
      out.write(tag);
      int len = content.length;
      if (len < 0x80) {
        out.write(len);
      } else if (len < 0x100) {
        out.write(0x81);
        out.write(len);
      } else if (len < 0x10000) {
        out.write(0x82);
        out.write(len >> 8);
        out.write(len);
      } else {
        out.write(0x84);
        out.write(len >>> 24);
        out.write(len >> 16);
        out.write(len >> 8);
        out.write(len);
      }
      out.writeBytes(content);
      return out.toByteArray();
    }

    static byte[] sequence(byte[]... parts) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (byte[] part : parts) {
        body.writeBytes(part);
      }
      return tlv(0x30, body.toByteArray());
    }

    static String oid(byte[] content) {
      StringBuilder s = new StringBuilder();
      long value = 0;
      boolean first = true;
      for (byte b : content) {
        value = value << 7 | (b & 0x7f);
        if ((b & 0x80) == 0) {
          if (first) {
            long head = Math.min(value / 40, 2);
            s.append(head).append('.').append(value - head * 40);
            first = false;
          } else {
            s.append('.').append(value);
          }
          value = 0;
        }
      }
      return s.toString();
    }

    static byte[] encodeOid(String dotted) {
      String[] parts = dotted.split("\\.");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      writeBase128(out, Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
      for (int i = 2; i < parts.length; i++) {
        writeBase128(out, Long.parseLong(parts[i]));
      }
      return out.toByteArray();
    }

    private static void writeBase128(ByteArrayOutputStream out, long value) {
      int groups = 1;
      for (long v = value >>> 7; v != 0; v >>>= 7) {
        groups++;
      }
      for (int i = groups - 1; i >= 0; i--) {
        int b = (int) (value >>> (7 * i)) & 0x7f;
        out.write(i == 0 ? b : b | 0x80);
      }
    }
  }
}
