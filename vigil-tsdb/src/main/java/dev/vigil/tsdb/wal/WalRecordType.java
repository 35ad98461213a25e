package dev.vigil.tsdb.wal;

/** The first byte of a WAL record: what its payload holds. */
public enum WalRecordType {
  SERIES(1),
  SAMPLES(2),
  TOMBSTONES(3),
  EXEMPLARS(4),
  MMAP_MARKERS(5),
  METADATA(6),
  HISTOGRAM_SAMPLES(7),
  FLOAT_HISTOGRAM_SAMPLES(8),
  /** Empty, or a type byte Prometheus 2.42 does not define. */
  UNKNOWN(255);

  private final int code;

  WalRecordType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static WalRecordType of(byte[] record) {
    if (record.length == 0) {
      return UNKNOWN;
    }
    int code = record[0] & 0xFF;
    for (WalRecordType t : values()) {
      if (t.code == code && t != UNKNOWN) {
        return t;
      }
    }
    return UNKNOWN;
  }
}
