package dev.vigil.core.chunkenc;

/** The chunk encoding byte stored in chunk segment files, remote read and the Store API. */
public enum Encoding {
  NONE(0),
  XOR(1),
  HISTOGRAM(2),
  FLOAT_HISTOGRAM(3);

  private final int code;

  Encoding(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The encoding for a stored byte, or null when the byte names no encoding this version knows. */
  public static Encoding fromCode(int code) {
    switch (code) {
      case 0: return NONE;
      case 1: return XOR;
      case 2: return HISTOGRAM;
      case 3: return FLOAT_HISTOGRAM;
      default: return null;
    }
  }
}
