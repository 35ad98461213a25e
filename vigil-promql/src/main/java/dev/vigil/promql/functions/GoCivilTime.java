package dev.vigil.promql.functions;

import java.time.LocalDate;

/**
 * The calendar fields that Go's {@code time.Unix(s, 0).UTC()} reports, for every int64 s.
 *
 * <p>Go keeps a presentation time as an unsigned count of seconds since January 1 of year
 * -292277022399 and reaches it by adding a fixed offset to the Unix time with wrap-around. For the
 * lowest 258 years' worth of int64 seconds the sum wraps past zero and the fields belong to a year
 * near +292277026596; that is what PromQL's date functions return for NaN and out-of-range input,
 * which {@link GoMath#toInt64} turns into {@link Long#MIN_VALUE}. The proleptic Gregorian calendar
 * repeats every 400 years, so only the position inside one 400-year cycle needs {@link LocalDate}.
 */
final class GoCivilTime {
  private static final long ABSOLUTE_ZERO_YEAR = -292277022399L;
  private static final long DAYS_PER_400_YEARS = 146097;
  private static final long SECONDS_PER_DAY = 86400;
  private static final long SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;
  /** Year 1 starts a 400-year cycle, as the absolute zero year does. */
  private static final LocalDate CYCLE_START = LocalDate.of(1, 1, 1);

  private static final long UNIX_TO_ABSOLUTE_SECONDS =
      ((1 - ABSOLUTE_ZERO_YEAR) / 400 * DAYS_PER_400_YEARS - CYCLE_START.toEpochDay()) * SECONDS_PER_DAY;

  final long year;
  final int month;
  final int dayOfMonth;
  final int dayOfYear;
  final int daysInMonth;
  /** Sunday is 0. */
  final int dayOfWeek;

  final int hour;
  final int minute;

  private GoCivilTime(long unixSeconds) {
    long absolute = unixSeconds + UNIX_TO_ABSOLUTE_SECONDS; // read as unsigned from here on
    long days = Long.divideUnsigned(absolute, SECONDS_PER_DAY);
    long secondOfDay = Long.remainderUnsigned(absolute, SECONDS_PER_DAY);
    LocalDate inCycle = CYCLE_START.plusDays(days % DAYS_PER_400_YEARS);
    year = ABSOLUTE_ZERO_YEAR + 400 * (days / DAYS_PER_400_YEARS) + inCycle.getYear() - 1;
    month = inCycle.getMonthValue();
    dayOfMonth = inCycle.getDayOfMonth();
    dayOfYear = inCycle.getDayOfYear();
    daysInMonth = inCycle.lengthOfMonth();
    // The absolute zero day is a Monday; Go shifts by one day and wraps this sum as well.
    dayOfWeek = (int) (Long.remainderUnsigned(absolute + SECONDS_PER_DAY, SECONDS_PER_WEEK) / SECONDS_PER_DAY);
    hour = (int) (secondOfDay / 3600);
    minute = (int) (secondOfDay % 3600 / 60);
  }

  static GoCivilTime ofUnixSeconds(long unixSeconds) {
    return new GoCivilTime(unixSeconds);
  }
}
