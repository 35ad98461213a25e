package dev.vigil.tsdb.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/** Helpers shared by the WAL tests: reading everything back, building fragments by hand. */
final class WalTesting {
  private WalTesting() {}

  static List<byte[]> readAll(Path dir) throws IOException {
    try (WalReader reader = WalReader.open(dir)) {
      return drain(reader, new ArrayList<>());
    }
  }

  /** Reads records into {@code out} until the end or an exception, which propagates with {@code out} filled. */
  static List<byte[]> drain(WalReader reader, List<byte[]> out) throws IOException {
    while (reader.next()) {
      out.add(reader.record());
    }
    return out;
  }

  /** A fragment as the format defines it: type, u16 BE length, u32 BE CRC32C of the data, the data. */
  static byte[] fragment(int type, byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    return ByteBuffer.allocate(7 + data.length)
        .put((byte) type).putShort((short) data.length).putInt((int) crc.getValue()).put(data).array();
  }

  static byte[] bytes(int length, int seed) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (seed + i * 31);
    }
    return b;
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    ByteBuffer b = ByteBuffer.allocate(n);
    for (byte[] p : parts) {
      b.put(p);
    }
    return b.array();
  }
}
