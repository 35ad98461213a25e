/**
 * Scraping over HTTP as Prometheus 2.42 does it. {@link dev.vigil.scrape.http.HttpScraperFactory} is a
 * scrape config's client (prometheus/common's {@code NewClientFromConfig}: basic auth, authorization and
 * bearer tokens with their files read per request, TLS with a CA file, client certificates, server_name,
 * versions, redirects, HTTP/2 over TLS). Its scrapers are 2.42's {@code targetScraper}: the same request
 * headers, gzip, the body size limit on the uncompressed bytes, one deadline over the whole exchange,
 * and Go's error texts.
 *
 * <p>Plain HTTP goes over Vigil's own HTTP/1.1 transport ({@link dev.vigil.scrape.http.Http1Transport},
 * {@link dev.vigil.scrape.http.Http1Response}): one kept-alive blocking connection per target, read the
 * way Go 1.19's {@code net/http} reads a response (status line, MIME headers, 1xx skipped, chunked,
 * Content-Length or until close, trailers), with Go's texts for every malformed response, and no thread
 * of its own but one deadline watch per scrape config ({@link dev.vigil.scrape.http.DeadlineWatch}) that
 * closes a connection whose deadline passed. HTTPS goes over the JDK's {@code java.net.http.HttpClient}
 * ({@link dev.vigil.scrape.http.JdkTransport}).
 *
 * <p>Where Vigil differs from Go, and how:
 * <ul>
 *   <li>HTTPS status errors use Go's {@code http.StatusText} ({@code 500 Internal Server Error}); the
 *       JDK's client does not expose the server's reason phrase, which Go echoes (plain HTTP echoes it).
 *   <li>The JDK's client refuses host names that {@code java.net.URI} does not take for host names,
 *       notably names with '_' (docker-compose service names), for HTTPS only; such targets fail with a
 *       message saying so. Plain HTTP dials them as Go does.
 *   <li>Host names are resolved by the JVM's resolver, without the DNS server in Go's
 *       {@code lookup <host> on <server>: no such host}; a lookup is not bounded by the scrape timeout.
 *   <li>HTTPS: JDK 17 and 18 send {@code Content-Length: 0} with each GET; the JDK retries a GET once
 *       when a new connection closes before any response (Go retries only on reused connections, as the
 *       plain transport does). Dial errors: the JDK loses the socket's reason, so a failed connect is
 *       retried once as a plain connect to learn it; resets read {@code read tcp <remote>: read:
 *       connection reset by peer}, without Go's local address (plain HTTP shows both).
 *   <li>{@code flate: corrupt input before offset N} counts what zlib consumed, which can differ from
 *       Go's offset.
 *   <li>TLS: x509 errors are Go's own (checked here in Go's order); peer alerts read
 *       {@code remote error: tls: …}; a handshake the server drops reads {@code EOF}; other JDK TLS
 *       failures keep the JDK's message. When the client certificate files cannot be used at a handshake,
 *       no certificate is offered (Go fails that handshake with the reason, which is reported here when
 *       the handshake fails). TLS 1.0/1.1 can be refused by the JDK's security policy whatever min_version.
 *   <li>Authorization credentials with non-ASCII bytes are refused: Go sends them raw.
 *   <li>A non-200 body is read up to 64 KiB before the connection is dropped (Go reads all of it).
 *   <li>No proxy is used (proxy_url is not read yet); on JDK 17 to 20 a closed client's HTTPS selector
 *       thread ends when the client is collected.
 * </ul>
 */
package dev.vigil.scrape.http;
