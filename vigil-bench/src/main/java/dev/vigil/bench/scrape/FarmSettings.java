package dev.vigil.bench.scrape;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link TargetFarm} serves: {@code series} in total over {@code targets} ports, new values every
 * {@code intervalMillis}, a {@code churn} fraction of label sets replaced per interval, gzip when the
 * scraper asks and {@code gzip} allows, and the file_sd file that lists the targets.
 */
record FarmSettings(int targets, int series, long intervalMillis, double churn, boolean gzip, Path sdFile) {
  static final String USAGE = "usage: TargetFarm --sd-file FILE [--targets K (100)] [--series S (200000)]"
      + " [--interval 15s] [--churn F (0: label sets never change)] [--gzip on|off (on)]";
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

  FarmSettings {
    if (targets < 1 || series < targets) {
      throw new IllegalArgumentException("need 1 <= targets <= series, got " + targets + " targets, " + series + " series");
    }
    if (intervalMillis < 1) {
      throw new IllegalArgumentException("interval must be positive: " + intervalMillis + " ms");
    }
    if (!(churn >= 0 && churn <= 1)) {
      throw new IllegalArgumentException("churn must be a fraction in [0, 1]: " + churn);
    }
  }

  /** Epochs a label set lives at this churn; 0 when label sets never change. */
  long churnPeriod() {
    return churn == 0 ? 0 : Math.max(1, Math.round(1 / churn));
  }

  /** Series of target {@code index}: an even split, the first targets taking one more when it is uneven. */
  int seriesOf(int index) {
    return series / targets + (index < series % targets ? 1 : 0);
  }

  static FarmSettings parse(String[] args) {
    int targets = 100;
    int series = 200_000;
    long interval = 15_000;
    double churn = 0;
    boolean gzip = true;
    Path sdFile = null;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--targets" -> targets = Integer.parseInt(value);
        case "--series" -> series = Integer.parseInt(value);
        case "--interval" -> interval = millis(value);
        case "--churn" -> churn = Double.parseDouble(value);
        case "--gzip" -> gzip = onOff(value);
        case "--sd-file" -> sdFile = Path.of(value);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (sdFile == null) {
      throw new IllegalArgumentException("--sd-file is required");
    }
    return new FarmSettings(targets, series, interval, churn, gzip, sdFile);
  }

  /** A duration as Prometheus writes scrape intervals, limited to what the benchmark needs: 500ms, 15s, 1m. */
  private static long millis(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("bad --interval " + text + " (like 500ms, 15s or 1m)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> n;
      case "s" -> n * 1000;
      default -> n * 60_000;
    };
  }

  private static boolean onOff(String text) {
    if (!text.equals("on") && !text.equals("off")) {
      throw new IllegalArgumentException("--gzip takes on or off, not " + text);
    }
    return text.equals("on");
  }
}
