package dev.vigil.scrape.discovery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * DNS messages (RFC 1035, EDNS0 of RFC 6891): the query dns_sd sends, and a strict reader of responses.
 * A response is checked against its own length everywhere: counts that the message cannot hold, records
 * or names running past the end, record data of the wrong length, compression pointers that loop or
 * point outside, names over 255 octets, reserved label types. Each is a {@link DnsException} saying what
 * is wrong; nothing is allocated from a count before the bytes are there. (miekg/dns, which Prometheus
 * uses, is laxer: it keeps the records of a message whose counts claim more than it holds.)
 *
 * <p>Names are given and returned in presentation form, fully qualified, with miekg/dns's escapes
 * ({@code \.} and the like for special characters, {@code \DDD} for bytes outside printable ASCII).
 */
public final class DnsMessage {
  public static final int TYPE_A = 1;
  public static final int TYPE_CNAME = 5;
  public static final int TYPE_MX = 15;
  public static final int TYPE_AAAA = 28;
  public static final int TYPE_SRV = 33;
  public static final int TYPE_OPT = 41;
  static final int CLASS_IN = 1;
  public static final int RCODE_SUCCESS = 0;
  public static final int RCODE_NAME_ERROR = 3;
  static final int HEADER_SIZE = 12;
  /** miekg/dns's DefaultMsgSize, advertised with EDNS0. */
  static final int EDNS_UDP_SIZE = 4096;
  /** The classic UDP limit, without EDNS0. */
  static final int MIN_MSG_SIZE = 512;
  private static final int MAX_NAME_OCTETS = 255;
  /** As miekg/dns: (255 + 1) / 2 - 2 pointers can be followed in one name. */
  private static final int MAX_POINTERS = 126;

  private DnsMessage() {}

  /** A record of the answer section. */
  public sealed interface Record permits A, Aaaa, Srv, Mx, Cname, Other {
    String name();
  }

  /** @param ip as Go prints it */
  public record A(String name, long ttl, String ip) implements Record {}

  /** @param ip as Go's net.IP prints it: RFC 5952 compressed, IPv4-mapped addresses dotted */
  public record Aaaa(String name, long ttl, String ip) implements Record {}

  public record Srv(String name, long ttl, int priority, int weight, int port, String target) implements Record {}

  public record Mx(String name, long ttl, int preference, String mx) implements Record {}

  public record Cname(String name, long ttl, String target) implements Record {}

  /** A record of a type dns_sd does not use; its data is skipped. */
  public record Other(String name, long ttl, int type) implements Record {}

  /**
   * A decoded response.
   *
   * @param rcode the response code, extended by the OPT record when there is one
   */
  public record Response(int id, boolean response, boolean truncated, int rcode, List<Record> answers) {
    public static final Response EMPTY = new Response(0, true, false, RCODE_SUCCESS, List.of());

    public Response {
      answers = List.copyOf(answers);
    }
  }

  // ---- queries ----

  /**
   * A query with recursion desired for one name, type and class IN, as miekg's SetQuestion, and an OPT
   * record advertising {@link #EDNS_UDP_SIZE} when {@code edns}.
   *
   * @throws DnsException when the name cannot be a domain name
   */
  static byte[] query(int id, String name, int type, boolean edns) throws DnsException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    writeShort(out, id);
    writeShort(out, 0x0100);
    writeShort(out, 1);
    writeShort(out, 0);
    writeShort(out, 0);
    writeShort(out, edns ? 1 : 0);
    out.writeBytes(encodeName(name));
    writeShort(out, type);
    writeShort(out, CLASS_IN);
    if (edns) {
      out.write(0);
      writeShort(out, TYPE_OPT);
      writeShort(out, EDNS_UDP_SIZE);
      writeShort(out, 0);
      writeShort(out, 0);
      writeShort(out, 0);
    }
    return out.toByteArray();
  }

  private static void writeShort(ByteArrayOutputStream out, int v) {
    out.write((v >> 8) & 0xFF);
    out.write(v & 0xFF);
  }

  /** A presentation-form name in wire form (uncompressed); a missing final dot is implied. */
  static byte[] encodeName(String name) throws DnsException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 2);
    if (name.equals(".")) {
      out.write(0);
      return out.toByteArray();
    }
    byte[] text = name.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream label = new ByteArrayOutputStream(63);
    int i = 0;
    while (i < text.length) {
      int c = text[i] & 0xFF;
      if (c == '\\') {
        if (i + 3 < text.length && isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3])) {
          int v = (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
          if (v > 255) {
            throw new DnsException("dns: bad escape in domain name " + name);
          }
          label.write(v);
          i += 4;
        } else if (i + 1 < text.length) {
          label.write(text[i + 1]);
          i += 2;
        } else {
          throw new DnsException("dns: bad escape in domain name " + name);
        }
      } else if (c == '.') {
        flushLabel(out, label, name);
        i++;
      } else {
        label.write(c);
        i++;
      }
    }
    if (label.size() > 0) {
      flushLabel(out, label, name);
    }
    out.write(0);
    if (out.size() > MAX_NAME_OCTETS) {
      throw new DnsException("dns: domain name exceeded 255 wire-format octets: " + name);
    }
    return out.toByteArray();
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static void flushLabel(ByteArrayOutputStream out, ByteArrayOutputStream label, String name)
      throws DnsException {
    if (label.size() == 0) {
      throw new DnsException("dns: empty label in domain name " + name);
    }
    if (label.size() > 63) {
      throw new DnsException("dns: label longer than 63 octets in domain name " + name);
    }
    out.write(label.size());
    out.writeBytes(label.toByteArray());
    label.reset();
  }

  // ---- responses ----

  /**
   * Reads a response strictly.
   *
   * @throws DnsException saying what is malformed
   */
  static Response parse(byte[] msg, int length) throws DnsException {
    if (length < HEADER_SIZE) {
      throw new DnsException("dns: short response: " + length + " bytes, a header needs " + HEADER_SIZE);
    }
    Reader r = new Reader(msg, length);
    int id = r.u16();
    int flags = r.u16();
    int qdcount = r.u16();
    int ancount = r.u16();
    int nscount = r.u16();
    int arcount = r.u16();
    // Every question takes at least 5 bytes, every record at least 11: refuse counts the message cannot hold.
    long least = 5L * qdcount + 11L * (ancount + nscount + arcount);
    if (least > length - HEADER_SIZE) {
      throw new DnsException("dns: section counts (" + qdcount + " questions, " + ancount + " answers, " + nscount
          + " authority, " + arcount + " additional records) exceed what " + length + " bytes can hold");
    }
    for (int i = 0; i < qdcount; i++) {
      r.name("question");
      r.need(4, "question");
      r.skip(4);
    }
    List<Record> answers = new ArrayList<>(Math.min(ancount, 1024));
    for (int i = 0; i < ancount; i++) {
      answers.add(r.record());
    }
    for (int i = 0; i < nscount; i++) {
      r.record();
    }
    int rcode = flags & 0x0F;
    for (int i = 0; i < arcount; i++) {
      r.name("additional record");
      r.need(10, "additional record");
      int type = r.u16();
      r.u16();
      long ttl = r.u32();
      int rdlength = r.u16();
      r.need(rdlength, "additional record data");
      r.skip(rdlength);
      if (type == TYPE_OPT) {
        rcode |= (int) ((ttl >>> 24) & 0xFF) << 4;
      }
    }
    return new Response(id, (flags & 0x8000) != 0, (flags & 0x0200) != 0, rcode, answers);
  }

  private static final class Reader {
    final byte[] msg;
    final int length;
    int pos;

    Reader(byte[] msg, int length) {
      this.msg = msg;
      this.length = length;
    }

    void need(int n, String what) throws DnsException {
      if (pos + n > length) {
        throw new DnsException("dns: truncated message: " + what + " at offset " + pos + " needs " + n
            + " bytes, " + (length - pos) + " left");
      }
    }

    void skip(int n) {
      pos += n;
    }

    int u8() {
      return msg[pos++] & 0xFF;
    }

    int u16() {
      int v = ((msg[pos] & 0xFF) << 8) | (msg[pos + 1] & 0xFF);
      pos += 2;
      return v;
    }

    long u32() {
      long v = ((long) (msg[pos] & 0xFF) << 24) | ((msg[pos + 1] & 0xFF) << 16) | ((msg[pos + 2] & 0xFF) << 8)
          | (msg[pos + 3] & 0xFF);
      pos += 4;
      return v;
    }

    Record record() throws DnsException {
      String name = name("record");
      need(10, "record header");
      int type = u16();
      u16();
      long ttl = u32();
      int rdlength = u16();
      need(rdlength, "record data");
      int end = pos + rdlength;
      Record record;
      switch (type) {
        case TYPE_A:
          exactLength(rdlength, 4, "A");
          record = new A(name, ttl, ipv4(msg, pos));
          break;
        case TYPE_AAAA:
          exactLength(rdlength, 16, "AAAA");
          record = new Aaaa(name, ttl, ipv6(msg, pos));
          break;
        case TYPE_SRV: {
          minLength(rdlength, 7, "SRV");
          int priority = u16();
          int weight = u16();
          int port = u16();
          String target = nameWithin(end, "SRV target");
          record = new Srv(name, ttl, priority, weight, port, target);
          break;
        }
        case TYPE_MX: {
          minLength(rdlength, 3, "MX");
          int preference = u16();
          record = new Mx(name, ttl, preference, nameWithin(end, "MX exchange"));
          break;
        }
        case TYPE_CNAME:
          minLength(rdlength, 1, "CNAME");
          record = new Cname(name, ttl, nameWithin(end, "CNAME target"));
          break;
        default:
          record = new Other(name, ttl, type);
          break;
      }
      pos = end;
      return record;
    }

    private void exactLength(int rdlength, int expected, String type) throws DnsException {
      if (rdlength != expected) {
        throw new DnsException("dns: bad rdlength " + rdlength + " for a " + type + " record, want " + expected);
      }
    }

    private void minLength(int rdlength, int least, String type) throws DnsException {
      if (rdlength < least) {
        throw new DnsException("dns: bad rdlength " + rdlength + " for a " + type + " record");
      }
    }

    /** A name inside record data that must end exactly where the data ends. */
    private String nameWithin(int end, String what) throws DnsException {
      Reader bounded = new Reader(msg, length);
      bounded.pos = pos;
      String name = bounded.name(what);
      if (bounded.pos != end) {
        throw new DnsException("dns: bad rdlength: the " + what + " ends at offset " + bounded.pos
            + ", the record data at " + end);
      }
      pos = end;
      return name;
    }

    /** A possibly compressed name; leaves pos after its in-place part. */
    String name(String what) throws DnsException {
      StringBuilder text = new StringBuilder();
      int p = pos;
      int after = -1;
      int pointers = 0;
      int octets = 1;
      while (true) {
        if (p >= length) {
          throw new DnsException("dns: truncated message: the " + what + " name runs past the end at offset " + p);
        }
        int c = msg[p] & 0xFF;
        switch (c & 0xC0) {
          case 0x00:
            if (c == 0) {
              p++;
              pos = after >= 0 ? after : p;
              return text.length() == 0 ? "." : text.toString();
            }
            if (p + 1 + c > length) {
              throw new DnsException("dns: truncated message: a label of the " + what + " name runs past the end at"
                  + " offset " + p);
            }
            octets += c + 1;
            if (octets > MAX_NAME_OCTETS) {
              throw new DnsException("dns: the " + what + " name exceeds 255 wire-format octets");
            }
            appendLabel(text, msg, p + 1, c);
            p += 1 + c;
            break;
          case 0xC0: {
            if (p + 1 >= length) {
              throw new DnsException("dns: truncated message: a compression pointer of the " + what + " name at"
                  + " offset " + p);
            }
            int target = ((c & 0x3F) << 8) | (msg[p + 1] & 0xFF);
            if (++pointers > MAX_POINTERS) {
              throw new DnsException("dns: too many compression pointers in the " + what + " name (a loop?)");
            }
            if (target >= length) {
              throw new DnsException("dns: compression pointer of the " + what + " name points to offset " + target
                  + ", past the end (" + length + ")");
            }
            if (after < 0) {
              after = p + 2;
            }
            p = target;
            break;
          }
          default:
            throw new DnsException("dns: reserved label type 0x" + Integer.toHexString(c & 0xC0) + " in the " + what
                + " name at offset " + p);
        }
      }
    }
  }

  /** Appends a label and a dot with miekg/dns's escapes. */
  private static void appendLabel(StringBuilder out, byte[] msg, int from, int n) {
    for (int i = from; i < from + n; i++) {
      int b = msg[i] & 0xFF;
      switch (b) {
        case '.': case ' ': case '\'': case '@': case ';': case '(': case ')': case '"': case '\\':
          out.append('\\').append((char) b);
          break;
        default:
          if (b < ' ' || b > '~') {
            out.append('\\').append((char) ('0' + b / 100)).append((char) ('0' + b / 10 % 10))
                .append((char) ('0' + b % 10));
          } else {
            out.append((char) b);
          }
      }
    }
    out.append('.');
  }

  static String ipv4(byte[] b, int at) {
    return (b[at] & 0xFF) + "." + (b[at + 1] & 0xFF) + "." + (b[at + 2] & 0xFF) + "." + (b[at + 3] & 0xFF);
  }

  /** Go's net.IP.String for 16 bytes. */
  static String ipv6(byte[] b, int at) {
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= b[at + i] == 0;
    }
    if (mapped && (b[at + 10] & 0xFF) == 0xFF && (b[at + 11] & 0xFF) == 0xFF) {
      return ipv4(b, at + 12);
    }
    // The longest run of zero groups (the first of equals), if longer than one group.
    int e0 = -1;
    int e1 = -1;
    for (int i = 0; i < 16; i += 2) {
      int j = i;
      while (j < 16 && b[at + j] == 0 && b[at + j + 1] == 0) {
        j += 2;
      }
      if (j > i && j - i > e1 - e0) {
        e0 = i;
        e1 = j;
        i = j;
      }
    }
    if (e1 - e0 <= 2) {
      e0 = -1;
      e1 = -1;
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 16; i += 2) {
      if (i == e0) {
        out.append("::");
        i = e1;
        if (i >= 16) {
          break;
        }
      } else if (i > 0) {
        out.append(':');
      }
      out.append(Integer.toHexString(((b[at + i] & 0xFF) << 8) | (b[at + i + 1] & 0xFF)));
    }
    return out.toString();
  }
}
