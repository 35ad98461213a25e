package dev.vigil.cli.tools;

/** Sizes as Go's units.Base2Bytes prints them (e.g. {@code 1.5MiB}, {@code 512B}). */
final class Base2Bytes {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private Base2Bytes() {}

  static String format(long bytes) {
    // units.Base2Bytes renders like a duration: whole units from the largest down, e.g. 1MiB512KiB.
    if (bytes == 0) {
      return "0B";
    }
    StringBuilder sb = new StringBuilder();
    long rest = bytes;
    for (int u = UNITS.length - 1; u >= 0; u--) {
      long unit = 1L << (10 * u);
      long n = rest / unit;
      if (n > 0) {
        sb.append(n).append(UNITS[u]);
        rest -= n * unit;
      }
    }
    return sb.toString();
  }
}
