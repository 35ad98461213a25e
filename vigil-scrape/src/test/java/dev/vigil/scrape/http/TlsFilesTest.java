package dev.vigil.scrape.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class TlsFilesTest {
  private static final TestPki.Identity CA = TestPki.selfSignedCa("CA");
  private static final TestPki.Identity LEAF = TestPki.issue(CA, new TestPki.Spec().cn("leaf").client());

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void pemBlocksAreFoundAsPemDecodeFindsThem() {
    String cert = TestPki.pem(CA.cert());
    assertThat(TlsFiles.caCertificates(b("Subject: CA\nissuer: ...\n" + cert + "trailing\n"))).hasSize(1);
    assertThat(TlsFiles.caCertificates(b(cert.replace("\n", "\r\n")))).hasSize(1);
    assertThat(TlsFiles.caCertificates(b(cert + TestPki.pem(LEAF.cert())))).hasSize(2);
    // Blocks with headers, of another type, or that do not parse are skipped, as AppendCertsFromPEM does.
    String withHeaders = cert.replace("-----\n", "-----\nProc-Type: 4,ENCRYPTED\n\n");
    assertThat(TlsFiles.caCertificates(b(withHeaders))).isEmpty();
    assertThat(TlsFiles.caCertificates(b(cert.replace("CERTIFICATE", "TRUSTED CERTIFICATE")))).isEmpty();
    assertThat(TlsFiles.caCertificates(b("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))).isEmpty();
    assertThat(TlsFiles.caCertificates(b("no pem at all"))).isEmpty();
    // An END line of another type makes the block malformed.
    assertThat(TlsFiles.caCertificates(b(cert.replace("END CERTIFICATE", "END OTHER")))).isEmpty();
  }

  @Test
  void keysAreReadInGoOrderAndChecked() throws Exception {
    String chain = TestPki.pem(LEAF.cert(), CA.cert());
    assertThat(TlsFiles.keyPair(b(chain), b(TestPki.pkcs8(LEAF.keys().getPrivate()))).chain()).hasSize(2);
    assertThat(TlsFiles.keyPair(b(chain), b(TestPki.sec1(LEAF.keys().getPrivate()))).key().getAlgorithm()).isEqualTo("EC");
    // Go takes the first block whose type ends in PRIVATE KEY, skipping others such as EC PARAMETERS.
    String withParams = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
        + TestPki.sec1(LEAF.keys().getPrivate());
    assertThat(TlsFiles.keyPair(b(chain), b(withParams)).key()).isNotNull();

    KeyPair rsa = TestPki.rsaKeys();
    TestPki.Identity rsaLeaf = TestPki.issue(CA, new TestPki.Spec().cn("rsa").client(), rsa);
    assertThat(TlsFiles.keyPair(b(TestPki.pem(rsaLeaf.cert())), b(TestPki.pkcs1(rsa.getPrivate()))).key().getAlgorithm())
        .isEqualTo("RSA");
    assertThat(TlsFiles.keyPair(b(TestPki.pem(rsaLeaf.cert())), b(TestPki.pkcs8(rsa.getPrivate()))).key().getAlgorithm())
        .isEqualTo("RSA");

    assertThatThrownBy(() -> TlsFiles.keyPair(b(TestPki.pem(rsaLeaf.cert())), b(TestPki.pkcs8(LEAF.keys().getPrivate()))))
        .hasMessage("tls: private key type does not match public key type");
    assertThatThrownBy(() -> TlsFiles.keyPair(b(TestPki.pem(rsaLeaf.cert())), b(TestPki.pkcs1(TestPki.rsaKeys().getPrivate()))))
        .hasMessage("tls: private key does not match public key");
  }

  @Test
  void keyPairErrorsAreGoTexts() {
    String cert = TestPki.pem(LEAF.cert());
    String key = TestPki.pkcs8(LEAF.keys().getPrivate());
    assertThatThrownBy(() -> TlsFiles.keyPair(b("nothing"), b(key)))
        .hasMessage("tls: failed to find any PEM data in certificate input");
    assertThatThrownBy(() -> TlsFiles.keyPair(b(key), b(cert)))
        .hasMessage("tls: failed to find certificate PEM data in certificate input, but did find a private key;"
            + " PEM inputs may have been switched");
    assertThatThrownBy(() -> TlsFiles.keyPair(b(TestPki.pem("FOO", new byte[] {1}) + TestPki.pem("BAR", new byte[] {2})), b(key)))
        .hasMessage("tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks of"
            + " the following types: [FOO BAR]");
    assertThatThrownBy(() -> TlsFiles.keyPair(b(cert), b("nothing")))
        .hasMessage("tls: failed to find any PEM data in key input");
    assertThatThrownBy(() -> TlsFiles.keyPair(b(cert), b(cert)))
        .hasMessage("tls: found a certificate rather than a key in the PEM for the private key");
    assertThatThrownBy(() -> TlsFiles.keyPair(b(cert), b(TestPki.pem("FOO", new byte[] {1}))))
        .hasMessage("tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM"
            + " blocks of the following types: [FOO]");
    assertThatThrownBy(() -> TlsFiles.keyPair(b(cert), b(TestPki.pem("PRIVATE KEY", new byte[] {0x30, 0}))))
        .hasMessage("tls: failed to parse private key");
  }
}
