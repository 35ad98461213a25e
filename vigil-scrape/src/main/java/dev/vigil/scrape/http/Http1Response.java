package dev.vigil.scrape.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 response read from an {@link Http1Connection} as Go 1.19's {@code net/http} reads it:
 * the status line, the headers ({@code textproto.ReadMIMEHeader}), informational responses skipped,
 * the body framed by {@code Transfer-Encoding: chunked}, {@code Content-Length} or the end of the
 * stream, with Go's checks and error texts. The body is handed out as views of the connection's read
 * buffer. Read to its end, the connection goes back to its transport for the next scrape (unless the
 * response or the deadline says otherwise); cancelled before, the connection is closed.
 */
final class Http1Response implements Exchange, BodySource {
  /** Go's default {@code Transport.MaxResponseHeaderBytes}. */
  static final int MAX_HEAD_BYTES = 10 << 20;
  /** How Go's transport words a response it could not read once bytes of it had arrived. */
  static final String BROKEN = "net/http: HTTP/1.x transport connection broken: ";
  private static final int MAX_INFORMATIONAL = 5;
  private static final int MAX_CHUNK_LINE = 4096;
  private static final int MAX_TRAILER = 4096;

  /** No byte of the response arrived: the connection ended or failed first (a reused one may be retried). */
  static final class NoResponse extends GoIoException {
    NoResponse(String goText, Throwable cause) {
      super(goText, cause);
    }
  }

  private enum Framing { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

  private final Http1Connection conn;
  private final ExchangeTimer timer;
  private final Http1Transport owner;
  private final List<String> headers = new ArrayList<>(); // name, value, name, value, …
  private int statusCode;
  private String status;
  private int protoMajor;
  private int protoMinor;
  private int headBudget;
  private Framing framing;
  private long contentLength = -1;
  private boolean keepAlive;
  private long left; // LENGTH: bytes of the body not yet handed out; CHUNKED: of the current chunk
  private boolean chunkEndPending;
  private boolean done;
  private ByteBuffer view;
  private ByteBuffer viewOf;
  private boolean lastLineTooLong;

  private Http1Response(Http1Connection conn, ExchangeTimer timer, Http1Transport owner) {
    this.conn = conn;
    this.timer = timer;
    this.owner = owner;
  }

  /**
   * Reads the head of the response to a request just written on {@code conn}.
   *
   * @throws NoResponse when not one byte of a response arrived
   * @throws GoIoException with Go's text when the head is malformed or breaks off
   */
  static Http1Response read(Http1Connection conn, ExchangeTimer timer, Http1Transport owner)
      throws DeadlineExceeded, InterruptedException, IOException {
    Http1Response r = new Http1Response(conn, timer, owner);
    if (!conn.in.hasRemaining()) {
      int n;
      try {
        n = conn.fill();
      } catch (Http1Connection.Canceled e) {
        throw e;
      } catch (GoIoException e) {
        throw new NoResponse(e.getMessage(), e);
      }
      if (n < 0) {
        throw new NoResponse("EOF", null);
      }
    }
    try {
      r.readHead();
    } catch (Http1Connection.Canceled e) {
      throw e;
    } catch (GoIoException e) {
      conn.close();
      throw new GoIoException(BROKEN + e.getMessage(), e);
    }
    return r;
  }

  @Override
  public int statusCode() {
    return statusCode;
  }

  @Override
  public String status() {
    return status;
  }

  @Override
  public String header(String name) {
    for (int i = 0; i < headers.size(); i += 2) {
      if (headers.get(i).equalsIgnoreCase(name)) {
        return headers.get(i + 1);
      }
    }
    return null;
  }

  @Override
  public long contentLength() {
    return contentLength;
  }

  @Override
  public BodySource body() {
    return this;
  }

  /** Whether the connection may carry the next request once the body is read. */
  boolean keepAlive() {
    return keepAlive;
  }

  @Override
  public ByteBuffer next(long deadlineNanos) throws DeadlineExceeded, IOException, InterruptedException {
    if (done) {
      return null;
    }
    try {
      switch (framing) {
        case LENGTH:
          if (left == 0) {
            return finish();
          }
          requireBuffered(1, "unexpected EOF");
          return takeUpTo(left);
        case CHUNKED:
          while (left == 0) {
            if (chunkEndPending) {
              readChunkEnd();
            }
            left = readChunkSize();
            if (left == 0) {
              readTrailer();
              return finish();
            }
          }
          requireBuffered(1, "unexpected EOF");
          return takeUpTo(left);
        case UNTIL_CLOSE:
          if (!conn.in.hasRemaining() && conn.fill() < 0) {
            return finish();
          }
          return takeUpTo(conn.in.remaining());
        default:
          return finish();
      }
    } catch (DeadlineExceeded | IOException | InterruptedException | RuntimeException e) {
      cancel();
      throw e;
    }
  }

  @Override
  public void cancel() {
    if (!done) {
      done = true;
      timer.stop();
      conn.close();
    }
  }

  private ByteBuffer finish() {
    done = true;
    boolean inTime = timer.stop();
    owner.release(conn, keepAlive && inTime);
    return null;
  }

  /** Reads until {@code bytes} are buffered; the stream ending first is {@code endOfStream} in Go's words. */
  private void requireBuffered(int bytes, String endOfStream) throws DeadlineExceeded, InterruptedException, IOException {
    while (conn.in.remaining() < bytes) {
      if (conn.fill() < 0) {
        throw new GoIoException(endOfStream);
      }
    }
  }

  /** The next buffered bytes of the body, at most {@code max}, as a reused view. */
  private ByteBuffer takeUpTo(long max) {
    ByteBuffer in = conn.in;
    int k = (int) Math.min(in.remaining(), max);
    if (viewOf != in) {
      view = in.duplicate();
      viewOf = in;
    }
    int p = in.position();
    view.clear();
    view.position(p).limit(p + k);
    in.position(p + k);
    if (framing != Framing.UNTIL_CLOSE) {
      left -= k;
      chunkEndPending = framing == Framing.CHUNKED && left == 0;
    }
    return view;
  }

  // The head.

  private void readHead() throws DeadlineExceeded, InterruptedException, IOException {
    for (int informational = 0; ; informational++) {
      headBudget = MAX_HEAD_BYTES;
      headers.clear();
      String line = readHeadLine();
      parseStatusLine(line);
      readHeaders();
      if (statusCode < 100 || statusCode > 199 || statusCode == 101) {
        break;
      }
      if (informational + 1 > MAX_INFORMATIONAL) {
        throw new GoIoException("net/http: too many 1xx informational responses");
      }
    }
    frameBody();
  }

  private String readHeadLine() throws DeadlineExceeded, InterruptedException, IOException {
    String line = readLine(headBudget);
    if (line == null) {
      throw new GoIoException(lastLineTooLong
          ? "net/http: server response headers exceeded " + MAX_HEAD_BYTES + " bytes; aborted"
          : "unexpected EOF");
    }
    headBudget -= line.length() + 1;
    return line;
  }

  /** Go's {@code ReadResponse}: {@code HTTP/1.1 200 OK}, checked in its order. */
  private void parseStatusLine(String line) throws GoIoException {
    int space = line.indexOf(' ');
    if (space < 0) {
      throw new GoIoException("malformed HTTP response " + GoText.quote(line));
    }
    String proto = line.substring(0, space);
    int from = space + 1;
    while (from < line.length() && line.charAt(from) == ' ') {
      from++;
    }
    status = line.substring(from);
    int codeEnd = status.indexOf(' ');
    String code = codeEnd < 0 ? status : status.substring(0, codeEnd);
    if (code.length() != 3) {
      throw new GoIoException("malformed HTTP status code " + GoText.quote(code));
    }
    try {
      statusCode = Integer.parseInt(code);
    } catch (NumberFormatException e) {
      statusCode = -1;
    }
    if (statusCode < 0) {
      throw new GoIoException("malformed HTTP status code " + GoText.quote(code));
    }
    if (!parseVersion(proto)) {
      throw new GoIoException("malformed HTTP version " + GoText.quote(proto));
    }
  }

  /** Go's {@code ParseHTTPVersion}. */
  private boolean parseVersion(String proto) {
    if (proto.length() != "HTTP/X.Y".length() || !proto.startsWith("HTTP/") || proto.charAt(6) != '.') {
      return false;
    }
    char major = proto.charAt(5);
    char minor = proto.charAt(7);
    if (major < '0' || major > '9' || minor < '0' || minor > '9') {
      return false;
    }
    protoMajor = major - '0';
    protoMinor = minor - '0';
    return true;
  }

  /** Go's {@code textproto.ReadMIMEHeader}: continuation lines folded, values trimmed. */
  private void readHeaders() throws DeadlineExceeded, InterruptedException, IOException {
    String line = readHeadLine();
    if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
      throw new GoIoException("malformed MIME header initial line: " + line);
    }
    while (!line.isEmpty()) {
      StringBuilder folded = null;
      String next = readHeadLine();
      while (!next.isEmpty() && (next.charAt(0) == ' ' || next.charAt(0) == '\t')) {
        if (folded == null) {
          folded = new StringBuilder(trim(line));
        }
        folded.append(' ').append(trim(next));
        next = readHeadLine();
      }
      String field = folded == null ? trim(line) : folded.toString();
      int colon = field.indexOf(':');
      if (colon < 0) {
        throw new GoIoException("malformed MIME header: missing colon: " + GoText.quote(field));
      }
      if (colon > 0) { // Go skips fields with an empty name
        headers.add(field.substring(0, colon));
        headers.add(trim(field.substring(colon + 1)));
      }
      line = next;
    }
  }

  /** Go's {@code readTransfer} for a response to a GET: chunked, a length, or until the connection ends. */
  private void frameBody() throws GoIoException {
    boolean http11 = protoMajor > 1 || (protoMajor == 1 && protoMinor >= 1);
    List<String> encodings = values("Transfer-Encoding");
    boolean chunked = false;
    if (!encodings.isEmpty() && http11) {
      if (encodings.size() != 1) {
        throw new GoIoException("too many transfer encodings: " + quoteAll(encodings));
      }
      if (!trim(encodings.get(0)).equalsIgnoreCase("chunked")) {
        throw new GoIoException("unsupported transfer encoding: " + GoText.quote(encodings.get(0)));
      }
      chunked = true;
    }
    List<String> lengths = chunked ? List.of() : values("Content-Length");
    for (String other : lengths) {
      if (!trim(other).equals(trim(lengths.get(0)))) {
        throw new GoIoException("http: message cannot contain multiple Content-Length headers; got "
            + quoteAll(lengths));
      }
    }
    String length = lengths.isEmpty() ? "" : trim(lengths.get(0));
    if (statusCode / 100 == 1 || statusCode == 204 || statusCode == 304) {
      framing = Framing.NONE;
      contentLength = 0;
    } else if (chunked) {
      framing = Framing.CHUNKED;
    } else if (!length.isEmpty()) {
      framing = Framing.LENGTH;
      contentLength = parseLength(length);
      left = contentLength;
    } else {
      framing = Framing.UNTIL_CLOSE;
    }
    List<String> connection = values("Connection");
    boolean close = hasToken(connection, "close");
    if (protoMajor < 1) {
      close = true;
    } else if (protoMajor == 1 && protoMinor == 0) {
      close = close || !hasToken(connection, "keep-alive");
    }
    keepAlive = !close && framing != Framing.UNTIL_CLOSE;
  }

  /** {@code strconv.ParseUint(s, 10, 63)}. */
  private static long parseLength(String s) throws GoIoException {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9' || n > (Long.MAX_VALUE - (c - '0')) / 10) {
        throw new GoIoException("bad Content-Length " + GoText.quote(s));
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  // Chunks.

  private void readChunkEnd() throws DeadlineExceeded, InterruptedException, IOException {
    requireBuffered(2, "unexpected EOF");
    ByteBuffer in = conn.in;
    int p = in.position();
    if (in.get(p) != '\r' || in.get(p + 1) != '\n') {
      throw new GoIoException("malformed chunked encoding");
    }
    in.position(p + 2);
    chunkEndPending = false;
  }

  /** Go's {@code readChunkLine} and {@code parseHexUint}. */
  private long readChunkSize() throws DeadlineExceeded, InterruptedException, IOException {
    String line = readLine(MAX_CHUNK_LINE);
    if (line == null) {
      throw new GoIoException(lastLineTooLong ? "header line too long" : "unexpected EOF");
    }
    if (line.length() + 1 >= MAX_CHUNK_LINE) {
      throw new GoIoException("header line too long");
    }
    int end = line.length();
    while (end > 0 && " \t\r\n".indexOf(line.charAt(end - 1)) >= 0) {
      end--;
    }
    int semicolon = line.indexOf(';');
    if (semicolon >= 0 && semicolon < end) {
      end = semicolon;
    }
    long n = 0;
    for (int i = 0; i < end; i++) {
      int d = hexDigit(line.charAt(i));
      if (d < 0) {
        throw new GoIoException("invalid byte in chunk length");
      }
      if (i == 16) {
        throw new GoIoException("http chunk length too large");
      }
      n = (n << 4) | d;
    }
    if (n < 0) {
      throw new GoIoException("http chunk length too large");
    }
    return n;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** Go's {@code body.readTrailer}: the empty line after the last chunk, or trailer fields up to it. */
  private void readTrailer() throws DeadlineExceeded, InterruptedException, IOException {
    requireBuffered(2, "http: unexpected EOF reading trailer");
    ByteBuffer in = conn.in;
    int p = in.position();
    if (in.get(p) == '\r' && in.get(p + 1) == '\n') {
      in.position(p + 2);
      return;
    }
    int budget = MAX_TRAILER;
    while (true) {
      String line = readLine(budget);
      if (line == null) {
        throw new GoIoException(lastLineTooLong ? "http: suspiciously long trailer after chunked body"
            : "http: unexpected EOF reading trailer");
      }
      budget -= line.length() + 2;
      if (line.isEmpty()) {
        return;
      }
    }
  }

  // Lines.

  /**
   * The next line without its {@code \n} or {@code \r\n}; null at the end of the stream, or when more
   * than {@code max} bytes pass without a line end ({@link #lastLineTooLong} then says so).
   */
  private String readLine(int max) throws DeadlineExceeded, InterruptedException, IOException {
    lastLineTooLong = false;
    int scanned = 0;
    while (true) {
      ByteBuffer in = conn.in;
      int start = in.position();
      for (int i = start + scanned; i < in.limit(); i++) {
        if (in.get(i) == '\n') {
          if (i - start > max) {
            lastLineTooLong = true; // the end came in the same read as more than max bytes
            return null;
          }
          int end = i > start && in.get(i - 1) == '\r' ? i - 1 : i;
          String line = new String(in.array(), in.arrayOffset() + start, end - start, StandardCharsets.UTF_8);
          in.position(i + 1);
          return line;
        }
      }
      scanned = in.remaining();
      if (scanned > max) {
        lastLineTooLong = true;
        return null;
      }
      if (conn.fill() < 0) {
        return null;
      }
    }
  }

  private List<String> values(String name) {
    List<String> found = new ArrayList<>(1);
    for (int i = 0; i < headers.size(); i += 2) {
      if (headers.get(i).equalsIgnoreCase(name)) {
        found.add(headers.get(i + 1));
      }
    }
    return found;
  }

  /** Go's {@code httpguts.HeaderValuesContainsToken}. */
  private static boolean hasToken(List<String> values, String token) {
    for (String v : values) {
      for (String t : v.split(",", -1)) {
        if (trim(t).toLowerCase(Locale.ROOT).equals(token)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Go's {@code textproto.TrimString}. */
  private static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isAsciiSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && isAsciiSpace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Go's {@code %q} of a {@code []string}. */
  private static String quoteAll(List<String> values) {
    StringBuilder b = new StringBuilder("[");
    for (String v : values) {
      if (b.length() > 1) {
        b.append(' ');
      }
      b.append(GoText.quote(v));
    }
    return b.append(']').toString();
  }
}
