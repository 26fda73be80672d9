package dev.aegis.encrypt;

import dev.aegis.config.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLDataException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Converts a value the application binds or writes to the logical type of its encrypted column, as the
 * server would convert it to the column's type. The result is canonical, so equal values encrypt equally
 * on deterministic columns whichever setter or literal produced them ({@code 1.50} and {@code 1.5} on a
 * decimal column; {@code 5} and {@code '5'} on a string column).
 *
 * <p>Failures are {@link SQLDataException}s (22018: the value cannot be read as the type; 22003: out of
 * range) naming the column, never the value, which is protected plaintext.
 */
final class ValueCoercion {
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .toFormatter();
  /** A fraction only when there is one, as MySQL prints a DATETIME: "2024-01-31 10:11:12", "…12.25". */
  private static final DateTimeFormatter MYSQL_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
      .appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .toFormatter();

  private static final DateTimeFormatter MYSQL_TIME = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .toFormatter();

  private ValueCoercion() {}

  /**
   * {@code value} as the Java type {@link dev.aegis.crypto.PlainValue} encodes for {@code type}: String,
   * byte[], Long or BigInteger, BigDecimal, Double, Boolean, LocalDate, LocalTime, LocalDateTime.
   *
   * @param column the column, for the message
   */
  static Object coerce(ValueType type, Object value, String column) throws SQLDataException {
    try {
      return switch (type) {
        case STRING -> text(value);
        case BYTES -> value instanceof byte[] ? value : text(value).getBytes(StandardCharsets.UTF_8);
        case INTEGER -> integer(value, column);
        case DECIMAL -> exactDecimal(value, column);
        case DOUBLE -> finiteDouble(value, column);
        case BOOLEAN -> bool(value, column);
        case DATE -> date(value);
        case TIME -> time(value);
        case TIMESTAMP -> timestamp(value);
      };
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException | ClassCastException e) {
      throw new SQLDataException("A " + kind(value) + " cannot be written to or compared with encrypted"
          + " column " + column + ", whose type is " + type.name().toLowerCase(java.util.Locale.ROOT)
          + ". Bind a value of that type.", "22018");
    }
  }

  /** The text form MySQL gives a value stored in a character column. */
  static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (value instanceof Double || value instanceof Float) {
      // A float keeps its own shortest form: 1.1f is "1.1", not the double 1.100000023841858.
      double d = ((Number) value).doubleValue();
      return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
          : value instanceof Float f ? Float.toString(f) : Double.toString(d);
    }
    if (value instanceof java.sql.Time t) {
      return t.toLocalTime().format(MYSQL_TIME);
    }
    if (value instanceof LocalTime t) {
      return t.format(MYSQL_TIME);
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().format(MYSQL_DATE_TIME);
    }
    if (value instanceof LocalDateTime t) {
      return t.format(MYSQL_DATE_TIME);
    }
    if (value instanceof java.util.Date d && !(value instanceof java.sql.Date) && !(value instanceof java.sql.Time)) {
      return new java.sql.Timestamp(d.getTime()).toLocalDateTime().format(MYSQL_DATE_TIME);
    }
    return value.toString();
  }

  /**
   * A double as MySQL's DOUBLE holds it: finite (the server stores neither NaN nor infinity), and one zero,
   * so {@code -0.0} and {@code 0.0} encrypt alike on a deterministic column.
   */
  private static Double finiteDouble(Object value, String column) throws SQLDataException {
    double d = value instanceof Number n ? n.doubleValue() : Double.parseDouble(text(value).strip());
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new SQLDataException("NaN and infinity cannot be written to or compared with encrypted column "
          + column + ", as MySQL's DOUBLE holds neither.", "22003");
    }
    return d == 0.0 ? 0.0 : d;
  }

  private static Object integer(Object value, String column) throws SQLDataException {
    BigInteger exact;
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    } else if (value instanceof Boolean b) {
      return b ? 1L : 0L;
    } else if (value instanceof BigInteger i) {
      exact = i;
    } else {
      BigDecimal d = decimal(value).stripTrailingZeros();
      // Judged before toBigIntegerExact, which would expand "1e99999999" (a short string) to all its digits.
      if (d.scale() > 0) {
        throw new ArithmeticException("not a whole number");
      }
      if (d.precision() - d.scale() > 19) {
        throw integerOutOfRange(column);
      }
      exact = d.toBigIntegerExact();
    }
    if (exact.bitLength() > 63) {
      throw integerOutOfRange(column);
    }
    return exact.longValue();
  }

  private static SQLDataException integerOutOfRange(String column) {
    return new SQLDataException("A number out of the range of a 64-bit integer cannot be written to"
        + " encrypted column " + column + ".", "22003");
  }

  /** MySQL's widest DECIMAL: 65 digits, 30 of them after the point. */
  private static final int DECIMAL_DIGITS = 65;
  private static final int DECIMAL_SCALE = 30;

  /**
   * The canonical decimal, within what a MySQL DECIMAL can hold. Checked before anything prints its digits:
   * "1e999999999" is a short string but a billion-digit number.
   */
  private static BigDecimal exactDecimal(Object value, String column) throws SQLDataException {
    BigDecimal d = decimal(value).stripTrailingZeros();
    if (d.precision() - d.scale() > DECIMAL_DIGITS || d.scale() > DECIMAL_SCALE) {
      throw new SQLDataException("A number outside what a DECIMAL holds (" + DECIMAL_DIGITS + " digits, "
          + DECIMAL_SCALE + " after the point) cannot be written to encrypted column " + column + ".", "22003");
    }
    return d;
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    if (value instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    return new BigDecimal(text(value).strip());
  }

  private static Boolean bool(Object value, String column) throws SQLDataException {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      String t = s.strip();
      if (t.equalsIgnoreCase("true")) {
        return true;
      }
      if (t.equalsIgnoreCase("false")) {
        return false;
      }
    }
    return decimal(value).signum() != 0;
  }

  private static LocalDate date(Object value) {
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof LocalDateTime || value instanceof java.sql.Timestamp || value instanceof OffsetDateTime
        || value instanceof ZonedDateTime) {
      return timestamp(value).toLocalDate();
    }
    String text = text(value).strip();
    return text.length() > 10 ? LocalDateTime.parse(text, DATE_TIME).toLocalDate() : LocalDate.parse(text);
  }

  private static LocalTime time(Object value) {
    if (value instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    if (value instanceof LocalTime t) {
      return t;
    }
    if (value instanceof LocalDateTime || value instanceof java.sql.Timestamp) {
      return timestamp(value).toLocalTime();
    }
    return LocalTime.parse(text(value).strip());
  }

  private static LocalDateTime timestamp(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof OffsetDateTime t) {
      return t.toLocalDateTime();
    }
    if (value instanceof ZonedDateTime t) {
      return t.toLocalDateTime();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().atStartOfDay();
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof java.util.Date d) {
      return new java.sql.Timestamp(d.getTime()).toLocalDateTime();
    }
    String text = text(value).strip();
    return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text, DATE_TIME);
  }

  /** What kind of value it is, for messages that must not show the value itself. */
  static String kind(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof byte[]) {
      return "byte array";
    }
    return value.getClass().getSimpleName();
  }
}
