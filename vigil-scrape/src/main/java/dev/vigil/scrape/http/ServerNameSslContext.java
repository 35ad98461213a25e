package dev.vigil.scrape.http;

import java.nio.ByteBuffer;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An SSL context whose engines send the configured server_name as SNI, as Go does. The JDK's client
 * otherwise sends the URL's host name, overwriting any server names set on its SSL parameters; here
 * the engine's {@code setSSLParameters} puts the configured name back (none for an IP literal, as Go
 * sends no SNI for IPs).
 */
final class ServerNameSslContext extends SSLContext {
  ServerNameSslContext(SSLContext delegate, String serverName) {
    super(new Spi(delegate, sniFor(serverName)), delegate.getProvider(), delegate.getProtocol());
  }

  private static List<SNIServerName> sniFor(String serverName) {
    String name = serverName.endsWith(".") ? serverName.substring(0, serverName.length() - 1) : serverName;
    String ip = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    if (GoTrustManager.parseIp(ip) != null) {
      return List.of();
    }
    try {
      return List.of(new SNIHostName(name));
    } catch (IllegalArgumentException e) {
      return List.of(); // a name the JDK cannot send; the host check still uses it
    }
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext delegate;
    private final List<SNIServerName> names;

    Spi(SSLContext delegate, List<SNIServerName> names) {
      this.delegate = delegate;
      this.names = names;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
      throw new KeyManagementException("already initialized");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return delegate.getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return delegate.getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return new Engine(delegate.createSSLEngine(), names);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return new Engine(delegate.createSSLEngine(host, port), names);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return delegate.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return delegate.getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return delegate.getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return delegate.getSupportedSSLParameters();
    }
  }

  /** Delegates everything, replacing the server names of parameters set on it. */
  private static final class Engine extends SSLEngine {
    private final SSLEngine d;
    private final List<SNIServerName> names;

    Engine(SSLEngine delegate, List<SNIServerName> names) {
      super(delegate.getPeerHost(), delegate.getPeerPort());
      this.d = delegate;
      this.names = names;
      SSLParameters p = d.getSSLParameters();
      p.setServerNames(names);
      d.setSSLParameters(p);
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
      params.setServerNames(names);
      d.setSSLParameters(params);
    }

    @Override
    public SSLParameters getSSLParameters() {
      return d.getSSLParameters();
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
      return d.wrap(srcs, offset, length, dst);
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer src, ByteBuffer dst) throws SSLException {
      return d.wrap(src, dst);
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, ByteBuffer dst) throws SSLException {
      return d.wrap(srcs, dst);
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
      return d.unwrap(src, dsts, offset, length);
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer dst) throws SSLException {
      return d.unwrap(src, dst);
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts) throws SSLException {
      return d.unwrap(src, dsts);
    }

    @Override
    public Runnable getDelegatedTask() {
      return d.getDelegatedTask();
    }

    @Override
    public void closeInbound() throws SSLException {
      d.closeInbound();
    }

    @Override
    public boolean isInboundDone() {
      return d.isInboundDone();
    }

    @Override
    public void closeOutbound() {
      d.closeOutbound();
    }

    @Override
    public boolean isOutboundDone() {
      return d.isOutboundDone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return d.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
      return d.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
      d.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
      return d.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
      return d.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
      d.setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getSession() {
      return d.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
      return d.getHandshakeSession();
    }

    @Override
    public void beginHandshake() throws SSLException {
      d.beginHandshake();
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
      return d.getHandshakeStatus();
    }

    @Override
    public void setUseClientMode(boolean mode) {
      d.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
      return d.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
      d.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
      return d.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
      d.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
      return d.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
      d.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
      return d.getEnableSessionCreation();
    }

    @Override
    public String getApplicationProtocol() {
      return d.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
      return d.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
      d.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
      return d.getHandshakeApplicationProtocolSelector();
    }

    @Override
    public String toString() {
      return d.toString();
    }
  }
}
