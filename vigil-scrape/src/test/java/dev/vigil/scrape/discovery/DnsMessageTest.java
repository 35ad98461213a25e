package dev.vigil.scrape.discovery;

import static dev.vigil.scrape.discovery.DnsTestServer.a;
import static dev.vigil.scrape.discovery.DnsTestServer.name;
import static dev.vigil.scrape.discovery.DnsTestServer.pointer;
import static dev.vigil.scrape.discovery.DnsTestServer.record;
import static dev.vigil.scrape.discovery.DnsTestServer.srv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsMessageTest {
  private static final DnsTestServer.Query QUERY =
      new DnsTestServer.Query(0x1234, "a.", DnsMessage.TYPE_SRV, false, true, new byte[0]);
  /** Header (12) and the question for "a." (3 + 4): records start here. */
  private static final int FIRST_RECORD = 19;

  private static DnsMessage.Response parse(byte[] message) throws DnsException {
    return DnsMessage.parse(message, message.length);
  }

  private static DnsTestServer.Response response() {
    return DnsTestServer.Response.to(QUERY);
  }

  private static String refusal(byte[] message) {
    try {
      DnsMessage.parse(message, message.length);
    } catch (DnsException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted " + Arrays.toString(message));
  }

  @Test
  void aQueryIsWhatMiekgSends() throws Exception {
    byte[] q = DnsMessage.query(0xBEEF, "web.example.com.", DnsMessage.TYPE_SRV, true);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(new byte[] {(byte) 0xBE, (byte) 0xEF, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1});
    expected.writeBytes(name("web.example.com."));
    expected.writeBytes(new byte[] {0, 33, 0, 1});
    expected.writeBytes(new byte[] {0, 0, 41, 0x10, 0, 0, 0, 0, 0, 0, 0});
    assertThat(q).isEqualTo(expected.toByteArray());
    byte[] plain = DnsMessage.query(1, "x.", DnsMessage.TYPE_A, false);
    assertThat(plain).hasSize(12 + 3 + 4);
    assertThat(plain[11]).isZero();
  }

  @Test
  void queryNamesFollowThePresentationFormat() throws Exception {
    assertThat(DnsMessage.encodeName("a\\.b.c.")).isEqualTo(new byte[] {3, 'a', '.', 'b', 1, 'c', 0});
    assertThat(DnsMessage.encodeName("a\\032b")).isEqualTo(new byte[] {3, 'a', ' ', 'b', 0});
    assertThat(DnsMessage.encodeName(".")).isEqualTo(new byte[] {0});
    assertThatThrownBy(() -> DnsMessage.encodeName("a..b.")).hasMessageContaining("empty label");
    assertThatThrownBy(() -> DnsMessage.encodeName("x".repeat(64) + ".")).hasMessageContaining("63");
    assertThatThrownBy(() -> DnsMessage.encodeName(("x".repeat(60) + ".").repeat(5))).hasMessageContaining("255");
    assertThatThrownBy(() -> DnsMessage.encodeName("a\\")).hasMessageContaining("bad escape");
  }

  @Test
  void recordsOfEveryTypeAreRead() throws Exception {
    byte[] message = response()
        .answer(srv("a.", 10, 20, 8080, "web1.example.com."))
        .answer(a("a.", 10, 0, 0, 1))
        .answer(DnsTestServer.aaaa("a.", "2001:db8::1"))
        .answer(DnsTestServer.mx("a.", 5, "mail.example.com."))
        .answer(DnsTestServer.cname("a.", "b.example."))
        .answer(record("a.", 16, new byte[] {3, 'x', 'y', 'z'}))
        .build();
    DnsMessage.Response r = parse(message);
    assertThat(r.id()).isEqualTo(0x1234);
    assertThat(r.response()).isTrue();
    assertThat(r.truncated()).isFalse();
    assertThat(r.rcode()).isZero();
    assertThat(r.answers()).containsExactly(
        new DnsMessage.Srv("a.", 60, 10, 20, 8080, "web1.example.com."),
        new DnsMessage.A("a.", 60, "10.0.0.1"),
        new DnsMessage.Aaaa("a.", 60, "2001:db8::1"),
        new DnsMessage.Mx("a.", 60, 5, "mail.example.com."),
        new DnsMessage.Cname("a.", 60, "b.example."),
        new DnsMessage.Other("a.", 60, 16));
  }

  @Test
  void compressedNamesAreFollowed() throws Exception {
    ByteArrayOutputStream rdata = new ByteArrayOutputStream();
    rdata.writeBytes(new byte[] {0, 1, 0, 2, 0, 80});
    rdata.writeBytes(new byte[] {3, 'w', 'e', 'b'});
    rdata.writeBytes(pointer(12));
    byte[] message = response().answer(record(pointer(12), DnsMessage.TYPE_SRV, rdata.toByteArray())).build();
    assertThat(parse(message).answers()).containsExactly(new DnsMessage.Srv("a.", 60, 1, 2, 80, "web.a."));
  }

  @Test
  void labelsAreEscapedAsMiekgDoes() throws Exception {
    byte[] owner = {7, 'a', '.', 'b', ' ', 'c', (byte) 0xFF, '\\', 0};
    DnsMessage.Response r = parse(response().answer(record(owner, DnsMessage.TYPE_A, new byte[] {1, 2, 3, 4})).build());
    assertThat(r.answers().get(0).name()).isEqualTo("a\\.b\\ c\\255\\\\.");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"2001:db8::1,2001:db8::1", "::,::", "::1,::1", "::ffff:1.2.3.4,1.2.3.4", "1:0:0:1:0:0:0:1,1:0:0:1::1",
      "1:0:0:0:1:0:0:1,1::1:0:0:1", "2001:db8:0:1:1:1:1:1,2001:db8:0:1:1:1:1:1", "fe80::a:B:c:d,fe80::a:b:c:d",
      "0:0:0:0:0:0:0:1,::1", "1::,1::", "::0.0.1.2,::102"})
  void ipv6AddressesPrintAsGoPrintsThem(String address, String expected) throws Exception {
    byte[] bytes = InetAddress.getByName(address).getAddress();
    if (bytes.length == 4) {
      // Java folds ::ffff:a.b.c.d to IPv4; put the mapped form back.
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xFF;
      mapped[11] = (byte) 0xFF;
      System.arraycopy(bytes, 0, mapped, 12, 4);
      bytes = mapped;
    }
    assertThat(DnsMessage.ipv6(bytes, 0)).isEqualTo(expected);
  }

  @Test
  void theOptRecordExtendsTheRcode() throws Exception {
    assertThat(parse(response().rcode(3).build()).rcode()).isEqualTo(3);
    assertThat(parse(response().rcode(0).additional(DnsTestServer.opt(1)).build()).rcode()).isEqualTo(16);
    assertThat(parse(response().truncated().build()).truncated()).isTrue();
  }

  @Test
  void aHeaderAloneIsAnAnswer() throws Exception {
    byte[] header = {0, 1, (byte) 0x81, (byte) 0x85, 0, 0, 0, 0, 0, 0, 0, 0};
    assertThat(parse(header).rcode()).isEqualTo(5);
    assertThat(parse(header).answers()).isEmpty();
  }

  // ---- hostile responses ----

  @Test
  void shortMessagesAreRefused() {
    assertThat(refusal(new byte[5])).contains("short response: 5 bytes");
  }

  @Test
  void countsTheMessageCannotHoldAreRefused() {
    byte[] message = response().answer(a("a.", 1, 2, 3, 4)).ancount(65535).build();
    assertThat(refusal(message)).contains("65535 answers").contains("exceed");
    byte[] header = {0, 1, (byte) 0x81, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    assertThat(refusal(header)).contains("exceed what 12 bytes can hold");
  }

  @Test
  void countsBeyondTheRecordsPresentAreRefused() {
    // Two answers claimed, one present, and room enough for the count check.
    byte[] message = response().answer(a("a.", 1, 2, 3, 4)).answer(new byte[11]).build();
    message = Arrays.copyOf(message, message.length - 11);
    message[7] = 2;
    assertThat(refusal(Arrays.copyOf(message, message.length))).contains("exceed");
    byte[] padded = Arrays.copyOf(response().answer(a("a.", 1, 2, 3, 4)).ancount(2).build(), 60);
    // The second record starts at 36 (a root owner), so its data length is at 46.
    padded[46] = 50;
    assertThat(refusal(padded)).contains("truncated message");
  }

  @Test
  void compressionPointerLoopsAreRefused() {
    byte[] selfLoop = response().answer(record(pointer(FIRST_RECORD), DnsMessage.TYPE_A, new byte[] {1, 2, 3, 4}))
        .build();
    assertThat(refusal(selfLoop)).contains("too many compression pointers");
    // Two names pointing at each other: the answer's owner points into its own data, which points back.
    ByteArrayOutputStream rdata = new ByteArrayOutputStream();
    rdata.writeBytes(new byte[] {0, 1, 0, 2, 0, 80});
    rdata.writeBytes(pointer(FIRST_RECORD));
    byte[] pingPong = response().answer(record(pointer(FIRST_RECORD + 2 + 10 + 6), DnsMessage.TYPE_SRV,
        rdata.toByteArray())).build();
    assertThat(refusal(pingPong)).contains("too many compression pointers");
  }

  @Test
  void pointersOutsideTheMessageAreRefused() {
    byte[] message = response().answer(record(pointer(0x3FFF), DnsMessage.TYPE_A, new byte[] {1, 2, 3, 4})).build();
    assertThat(refusal(message)).contains("points to offset 16383, past the end");
  }

  @Test
  void truncatedMessagesAreRefused() {
    byte[] whole = response().answer(srv("a.", 1, 2, 3, "target.example.")).build();
    for (int cut = 13; cut < whole.length; cut++) {
      byte[] part = Arrays.copyOf(whole, cut);
      try {
        DnsMessage.parse(part, part.length);
        throw new AssertionError("accepted a message cut at " + cut);
      } catch (DnsException e) {
        assertThat(e.getMessage()).startsWith("dns: ");
      }
    }
  }

  @Test
  void recordDataOfTheWrongLengthIsRefused() {
    assertThat(refusal(response().answer(record("a.", DnsMessage.TYPE_A, new byte[5])).build()))
        .contains("bad rdlength 5 for a A record");
    assertThat(refusal(response().answer(record("a.", DnsMessage.TYPE_AAAA, new byte[4])).build()))
        .contains("bad rdlength 4 for a AAAA record");
    byte[] srvWithTrailingJunk = srv("a.", 1, 2, 3, "t.");
    byte[] longer = Arrays.copyOf(srvWithTrailingJunk, srvWithTrailingJunk.length + 2);
    longer[3 + 9] += 2;
    assertThat(refusal(response().answer(longer).build())).contains("bad rdlength");
    assertThat(refusal(response().answer(record("a.", DnsMessage.TYPE_SRV, new byte[] {0, 1, 0, 2, 0, 3, 5, 'a'}))
        .build())).contains("runs past the end");
    byte[] beyond = response().answer(record("a.", DnsMessage.TYPE_A, new byte[] {1, 2, 3, 4})).build();
    beyond[beyond.length - 5] = 100;
    assertThat(refusal(beyond)).contains("record data").contains("needs 100 bytes");
  }

  @Test
  void namesOver255OctetsAreRefused() {
    ByteArrayOutputStream owner = new ByteArrayOutputStream();
    for (int i = 0; i < 5; i++) {
      owner.write(60);
      owner.writeBytes("x".repeat(60).getBytes());
    }
    owner.write(0);
    byte[] message = response().answer(record(owner.toByteArray(), DnsMessage.TYPE_A, new byte[] {1, 2, 3, 4})).build();
    assertThat(refusal(message)).contains("exceeds 255 wire-format octets");
  }

  @Test
  void reservedLabelTypesAreRefused() {
    byte[] message = response().answer(record(new byte[] {0x41, 0}, DnsMessage.TYPE_A, new byte[] {1, 2, 3, 4}))
        .build();
    assertThat(refusal(message)).contains("reserved label type 0x40");
  }

  @Test
  void randomBytesNeverEscapeAsAnythingButDnsException() {
    java.util.Random random = new java.util.Random(7);
    byte[] valid = response().answer(srv("a.", 1, 2, 3, "t.example.")).answer(a("a.", 1, 2, 3, 4)).build();
    for (int i = 0; i < 20_000; i++) {
      byte[] message = i % 2 == 0 ? valid.clone() : new byte[12 + random.nextInt(80)];
      if (i % 2 == 0) {
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          message[random.nextInt(message.length)] = (byte) random.nextInt(256);
        }
      } else {
        random.nextBytes(message);
      }
      try {
        DnsMessage.parse(message, message.length);
      } catch (DnsException e) {
        assertThat(e.getMessage()).startsWith("dns: ");
      }
    }
    assertThat(List.of(valid)).isNotEmpty();
  }
}
