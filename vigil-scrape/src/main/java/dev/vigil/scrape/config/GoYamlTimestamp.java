package dev.vigil.scrape.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether yaml.v2 reads plain text as a timestamp: a four-digit year, then one of Go's time layouts
 * {@code 2006-1-2T15:4:5.999999999Z07:00} (also with a lower-case t), {@code 2006-1-2 15:4:5.999999999}
 * or {@code 2006-1-2}, with the ranges Go's time.Parse checks (month, day of that month, hour, minute,
 * second) but none on the zone offset.
 */
final class GoYamlTimestamp {
  private static final Pattern LAYOUTS = Pattern.compile(
      "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
          + "(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]{1,9})?(?:Z|[-+][0-9]{2}:[0-9]{2}))"
          + "|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]{1,9})?))?");
  private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private GoYamlTimestamp() {}

  static boolean matches(String text) {
    Matcher m = LAYOUTS.matcher(text);
    if (!m.matches()) {
      return false;
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) {
      return false;
    }
    int timeGroup = m.group(4) != null ? 4 : m.group(7) != null ? 7 : 0;
    return timeGroup == 0 || (Integer.parseInt(m.group(timeGroup)) < 24
        && Integer.parseInt(m.group(timeGroup + 1)) < 60 && Integer.parseInt(m.group(timeGroup + 2)) < 60);
  }

  private static int daysIn(int month, int year) {
    boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  }
}
