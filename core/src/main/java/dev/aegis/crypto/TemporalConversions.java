package dev.aegis.crypto;

import static dev.aegis.crypto.ConversionErrors.invalidCast;

import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The temporal getters of {@link PlainConversions}. Values are wall-clock values without a zone, like
 * MySQL's DATE, TIME and DATETIME; a java.sql value is that wall clock in the calendar's zone, or in the
 * JVM's zone without a calendar, as JDBC specifies.
 *
 * <p>A conversion that would have to invent a part is refused: a time has no date to give a Date or a
 * Timestamp. A date does give a Timestamp at midnight, the instant the day starts.
 */
final class TemporalConversions {
  private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.YEAR, 4, 9, SignStyle.EXCEEDS_PAD)
      .appendLiteral('-')
      .appendValue(ChronoField.MONTH_OF_YEAR, 2)
      .appendLiteral('-')
      .appendValue(ChronoField.DAY_OF_MONTH, 2)
      .toFormatter(Locale.ROOT)
      .withChronology(IsoChronology.INSTANCE)
      .withResolverStyle(ResolverStyle.STRICT);

  // The column's fractional precision is not known after decryption, so the fraction has the digits it
  // needs and none when it is zero, as "10:11:12" and "10:11:12.5".
  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.HOUR_OF_DAY, 2)
      .appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  private TemporalConversions() {}

  static String format(LocalDate date) {
    return DATE.format(date);
  }

  static String format(LocalTime time) {
    return TIME.format(time);
  }

  /** With a space between date and time, as MySQL and Connector/J print a DATETIME. */
  static String format(LocalDateTime moment) {
    return DATE.format(moment) + ' ' + TIME.format(moment);
  }

  static LocalDate toLocalDate(Object value, String type, String column) throws SQLException {
    Object temporal = parsed(value);
    if (temporal instanceof LocalDate date) {
      return date;
    }
    if (temporal instanceof LocalDateTime moment) {
      return moment.toLocalDate();
    }
    throw invalidCast(value, type, column);
  }

  static LocalTime toLocalTime(Object value, String type, String column) throws SQLException {
    Object temporal = parsed(value);
    if (temporal instanceof LocalTime time) {
      return time;
    }
    if (temporal instanceof LocalDateTime moment) {
      return moment.toLocalTime();
    }
    throw invalidCast(value, type, column);
  }

  static LocalDateTime toLocalDateTime(Object value, String type, String column) throws SQLException {
    Object temporal = parsed(value);
    if (temporal instanceof LocalDateTime moment) {
      return moment;
    }
    if (temporal instanceof LocalDate date) {
      return date.atStartOfDay();
    }
    throw invalidCast(value, type, column);
  }

  static java.sql.Date toDate(Object value, Calendar calendar, String column) throws SQLException {
    return sqlDate(toLocalDate(value, "java.sql.Date", column), calendar);
  }

  static Time toTime(Object value, Calendar calendar, String column) throws SQLException {
    return sqlTime(toLocalTime(value, "java.sql.Time", column), calendar);
  }

  static Timestamp toTimestamp(Object value, Calendar calendar, String column) throws SQLException {
    return sqlTimestamp(toLocalDateTime(value, "java.sql.Timestamp", column), calendar);
  }

  static java.sql.Date sqlDate(LocalDate date, Calendar calendar) {
    return new java.sql.Date(millis(calendar, date, LocalTime.MIDNIGHT));
  }

  static Time sqlTime(LocalTime time, Calendar calendar) {
    // java.sql.Time keeps milliseconds; the date part is 1970-01-01, as its documentation requires.
    return new Time(millis(calendar, LocalDate.EPOCH, time) + time.getNano() / 1_000_000);
  }

  static Timestamp sqlTimestamp(LocalDateTime moment, Calendar calendar) {
    Timestamp timestamp = new Timestamp(millis(calendar, moment.toLocalDate(), moment.toLocalTime()));
    timestamp.setNanos(moment.getNano());
    return timestamp;
  }

  /**
   * The instant at which the wall clock shows {@code date} and {@code time} (whole seconds) in the
   * calendar's zone. Only the zone is taken from the caller's calendar, which is left as it is: counting
   * the fields in a GregorianCalendar, as java.sql's own valueOf methods do, keeps a date before 1582
   * reading back as the same day through toLocalDate(), whatever calendar system the caller's is.
   */
  private static long millis(Calendar calendar, LocalDate date, LocalTime time) {
    TimeZone zone = calendar == null ? TimeZone.getDefault() : calendar.getTimeZone();
    GregorianCalendar fields = new GregorianCalendar(zone, Locale.ROOT);
    fields.clear();
    fields.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(),
        time.getHour(), time.getMinute(), time.getSecond());
    return fields.getTimeInMillis();
  }

  /** The java.time value a string spells in one of MySQL's formats, or the value itself if not a string. */
  private static Object parsed(Object value) {
    if (!(value instanceof String text)) {
      return value;
    }
    String trimmed = text.trim();
    try {
      if (trimmed.length() > 10 && (trimmed.charAt(10) == ' ' || trimmed.charAt(10) == 'T')) {
        return LocalDateTime.of(LocalDate.parse(trimmed.substring(0, 10), DATE),
            LocalTime.parse(trimmed.substring(11), TIME));
      }
      return trimmed.indexOf(':') >= 0 ? LocalTime.parse(trimmed, TIME) : LocalDate.parse(trimmed, DATE);
    } catch (DateTimeParseException notTemporal) {
      // The caller reports it; this exception is dropped because its message quotes the plaintext.
      return value;
    }
  }
}
