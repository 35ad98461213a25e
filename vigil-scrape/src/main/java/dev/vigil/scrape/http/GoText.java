package dev.vigil.scrape.http;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Map;

/** Texts as Go and its standard library word them, for errors that must read as Prometheus's. */
final class GoText {
  private GoText() {}

  /** Go 1.19's {@code http.StatusText}. */
  private static final Map<Integer, String> STATUS_TEXT = Map.ofEntries(
      Map.entry(100, "Continue"), Map.entry(101, "Switching Protocols"), Map.entry(102, "Processing"),
      Map.entry(103, "Early Hints"),
      Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
      Map.entry(203, "Non-Authoritative Information"), Map.entry(204, "No Content"),
      Map.entry(205, "Reset Content"), Map.entry(206, "Partial Content"), Map.entry(207, "Multi-Status"),
      Map.entry(208, "Already Reported"), Map.entry(226, "IM Used"),
      Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
      Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(305, "Use Proxy"),
      Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
      Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
      Map.entry(406, "Not Acceptable"), Map.entry(407, "Proxy Authentication Required"),
      Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
      Map.entry(411, "Length Required"), Map.entry(412, "Precondition Failed"),
      Map.entry(413, "Request Entity Too Large"), Map.entry(414, "Request URI Too Long"),
      Map.entry(415, "Unsupported Media Type"), Map.entry(416, "Requested Range Not Satisfiable"),
      Map.entry(417, "Expectation Failed"), Map.entry(418, "I'm a teapot"),
      Map.entry(421, "Misdirected Request"), Map.entry(422, "Unprocessable Entity"), Map.entry(423, "Locked"),
      Map.entry(424, "Failed Dependency"), Map.entry(425, "Too Early"), Map.entry(426, "Upgrade Required"),
      Map.entry(428, "Precondition Required"), Map.entry(429, "Too Many Requests"),
      Map.entry(431, "Request Header Fields Too Large"), Map.entry(451, "Unavailable For Legal Reasons"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"),
      Map.entry(505, "HTTP Version Not Supported"), Map.entry(506, "Variant Also Negotiates"),
      Map.entry(507, "Insufficient Storage"), Map.entry(508, "Loop Detected"), Map.entry(510, "Not Extended"),
      Map.entry(511, "Network Authentication Required"));

  /** Go's {@code http.StatusText}: "" for codes it does not know. */
  static String statusText(int code) {
    return STATUS_TEXT.getOrDefault(code, "");
  }

  /**
   * {@code resp.Status} as Go forms it from a code: "500 Internal Server Error". A code Go has no text
   * for is given alone; over HTTP/1.1 Go would echo the server's own reason phrase, which the JDK's
   * client does not expose.
   */
  static String status(int code) {
    String text = statusText(code);
    return text.isEmpty() ? Integer.toString(code) : code + " " + text;
  }

  /** Go's {@code strconv.Quote}, as {@code %q} prints a string. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case 0x07 -> b.append("\\a");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case 0x0b -> b.append("\\v");
        default -> {
          if (isPrint(cp)) {
            b.appendCodePoint(cp);
          } else if (cp < 0x80) {
            b.append(String.format(Locale.ROOT, "\\x%02x", cp));
          } else if (cp < 0x10000) {
            b.append(String.format(Locale.ROOT, "\\u%04x", cp));
          } else {
            b.append(String.format(Locale.ROOT, "\\U%08x", cp));
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static boolean isPrint(int cp) {
    if (cp < 0x80) {
      return cp >= 0x20 && cp < 0x7f;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }

  /**
   * {@code strconv.FormatFloat(d.Seconds(), 'f', -1, 64)} for a duration of whole milliseconds: the
   * shortest decimal that reads back as the same float64, never in exponent form.
   */
  static String formatSeconds(long millis) {
    long sec = millis / 1000;
    long nsec = (millis % 1000) * 1_000_000L;
    double seconds = (double) sec + (double) nsec / 1e9; // Go's Duration.Seconds, step by step
    return formatFloat(seconds);
  }

  /** Go's {@code strconv.FormatFloat(v, 'f', -1, 64)} for finite values. */
  static String formatFloat(double v) {
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(v);
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == v) {
        return rounded.stripTrailingZeros().toPlainString();
      }
    }
    return exact.toPlainString();
  }

  /** Go's {@code strings.TrimSpace} on raw bytes (UTF-8 white space per {@code unicode.IsSpace}). */
  static byte[] trimSpace(byte[] b) {
    int start = 0;
    int end = b.length;
    int n;
    while (start < end && (n = spaceAt(b, start, end)) > 0) {
      start += n;
    }
    while (end > start && (n = spaceEndingAt(b, start, end)) > 0) {
      end -= n;
    }
    return (start == 0 && end == b.length) ? b : java.util.Arrays.copyOfRange(b, start, end);
  }

  /** The length of a white space rune starting at {@code i}, or 0. */
  private static int spaceAt(byte[] b, int i, int end) {
    int c = b[i] & 0xff;
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      return 1;
    }
    for (byte[] space : MULTIBYTE_SPACES) {
      if (i + space.length <= end && java.util.Arrays.equals(b, i, i + space.length, space, 0, space.length)) {
        return space.length;
      }
    }
    return 0;
  }

  /** The length of a white space rune ending just before {@code end}, or 0. */
  private static int spaceEndingAt(byte[] b, int start, int end) {
    int c = b[end - 1] & 0xff;
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      return 1;
    }
    for (byte[] space : MULTIBYTE_SPACES) {
      int from = end - space.length;
      if (from >= start && java.util.Arrays.equals(b, from, end, space, 0, space.length)) {
        return space.length;
      }
    }
    return 0;
  }

  private static final byte[][] MULTIBYTE_SPACES = multibyteSpaces();

  private static byte[][] multibyteSpaces() {
    int[] runes = {0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
        0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000};
    byte[][] out = new byte[runes.length][];
    for (int i = 0; i < runes.length; i++) {
      out[i] = new String(Character.toChars(runes[i])).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return out;
  }

  /** Go's {@code httpguts.ValidHeaderFieldValue}: no control bytes other than horizontal tab. */
  static boolean validHeaderValue(byte[] value) {
    for (byte v : value) {
      int c = v & 0xff;
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * Go's {@code os.ReadFile}. A path the JDK cannot represent fails as Go's "invalid argument".
   *
   * @throws InterruptedException when the reading thread was interrupted (the JDK then closes the file)
   */
  static byte[] readFile(String path) throws IOException, InterruptedException {
    try {
      return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path));
    } catch (java.nio.channels.ClosedByInterruptException e) {
      throw new InterruptedException("interrupted while reading " + path);
    } catch (java.nio.file.InvalidPathException e) {
      throw new FileSystemException(path, null, "invalid argument");
    }
  }

  /**
   * How Go's {@code os.ReadFile} reports a failure: {@code open /path: no such file or directory},
   * {@code read /path: is a directory}.
   */
  static String readFileError(String path, IOException e) {
    if (e instanceof NoSuchFileException) {
      return "open " + path + ": no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "open " + path + ": permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "open " + path + ": not a directory";
    }
    String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
    if (reason == null) {
      reason = e.getClass().getSimpleName();
    }
    if (reason.equalsIgnoreCase("Is a directory")) {
      return "read " + path + ": is a directory";
    }
    return "open " + path + ": " + reason.toLowerCase(Locale.ROOT);
  }

  /**
   * A URL as Go's {@code url.Error} shows it: the password in the user info replaced by {@code ***}
   * (net/http's {@code stripPassword}).
   */
  static String redactedUrl(URI url) {
    String text = url.toString();
    String userInfo = url.getRawUserInfo();
    if (userInfo == null) {
      return text;
    }
    int colon = userInfo.indexOf(':');
    if (colon < 0) {
      return text;
    }
    return text.replaceFirst(java.util.regex.Pattern.quote(userInfo + "@"),
        java.util.regex.Matcher.quoteReplacement(userInfo.substring(0, colon) + ":***@"));
  }

  /** Go's {@code url.Error} text for a GET: {@code Get "<url>": <err>}. */
  static String urlError(String urlText, String err) {
    return "Get " + quote(urlText) + ": " + err;
  }

  /** A host:port as Go's net package prints it, IPv6 literals in brackets. */
  static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** An IP address as Go's {@code net.IP.String} prints it (IPv6 compressed per RFC 5952). */
  static String ip(java.net.InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      return address.getHostAddress();
    }
    boolean v4Mapped = true;
    for (int i = 0; i < 10; i++) {
      v4Mapped &= b[i] == 0;
    }
    if (v4Mapped && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
      return (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1; // a single zero group is not compressed
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append("::");
        i += bestLen - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(Integer.toHexString(groups[i]));
    }
    return s.toString();
  }
}
