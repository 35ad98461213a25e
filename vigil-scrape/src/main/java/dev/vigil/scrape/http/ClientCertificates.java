package dev.vigil.scrape.http;

import java.io.IOException;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client certificate, read from cert_file and key_file at every handshake as Go's
 * {@code GetClientCertificate} does, so renewed files are used by the next new connection; parsed
 * again only when the files' bytes change. It is offered whatever the server asks for, as Go does.
 * When the files cannot be read or used, no certificate is offered and {@link #lastError()} says why
 * in Go's words (Go fails the handshake with that error instead).
 */
final class ClientCertificates extends X509ExtendedKeyManager {
  private record Loaded(String alias, byte[] certBytes, byte[] keyBytes, TlsFiles.KeyPair pair) {}

  private final String certFile;
  private final String keyFile;
  private volatile Loaded current;
  private volatile Loaded previous; // an alias chosen just before a reload still resolves
  private volatile String lastError;
  private int generation;

  ClientCertificates(String certFile, String keyFile) {
    this.certFile = certFile;
    this.keyFile = keyFile;
  }

  /**
   * Reads and checks the pair now, as Prometheus does when it creates the client.
   *
   * @throws TlsFiles.GoError with Go's text when the files cannot be read or used
   */
  void load() throws TlsFiles.GoError {
    byte[] cert;
    byte[] key;
    try {
      cert = GoText.readFile(certFile);
      key = GoText.readFile(keyFile);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TlsFiles.GoError("interrupted while reading the client certificate");
    } catch (IOException e) {
      String path = e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null ? fse.getFile() : certFile;
      throw new TlsFiles.GoError("unable to read specified client cert (" + certFile + ") & key (" + keyFile + "): "
          + GoText.readFileError(path, e));
    }
    Loaded loaded = current;
    if (loaded != null && Arrays.equals(loaded.certBytes(), cert) && Arrays.equals(loaded.keyBytes(), key)) {
      return;
    }
    TlsFiles.KeyPair pair;
    try {
      pair = TlsFiles.keyPair(cert, key);
    } catch (TlsFiles.GoError e) {
      throw new TlsFiles.GoError("unable to use specified client cert (" + certFile + ") & key (" + keyFile + "): "
          + e.getMessage());
    }
    synchronized (this) {
      previous = current;
      current = new Loaded("client-" + (++generation), cert, key, pair);
    }
  }

  /** Why the last handshake offered no certificate, in Go's words; null when it did. */
  String lastError() {
    return lastError;
  }

  private String chooseAlias() {
    try {
      load();
      lastError = null;
      return current.alias();
    } catch (TlsFiles.GoError e) {
      lastError = e.getMessage();
      return null;
    }
  }

  private Loaded find(String alias) {
    Loaded c = current;
    if (c != null && c.alias().equals(alias)) {
      return c;
    }
    Loaded p = previous;
    return p != null && p.alias().equals(alias) ? p : null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return chooseAlias();
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return chooseAlias();
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    Loaded c = current;
    return c == null ? null : new String[] {c.alias()};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    Loaded l = find(alias);
    return l == null ? null : l.pair().chain().clone();
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    Loaded l = find(alias);
    return l == null ? null : l.pair().key();
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return null;
  }
}
