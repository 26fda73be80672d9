package dev.aegis.crypto;

import static java.util.Map.entry;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Map;

/**
 * Answers the JDBC getters from a value {@link PlainValue#decode decrypted and decoded}, as Connector/J
 * answers them for a column of that type: an application reading an encrypted column sees what it saw
 * before the column was encrypted.
 *
 * <p>Every method takes the decoded value, never null (SQL NULL is the caller's: it is not encrypted), and
 * the column label, used only in messages. A value that cannot be read as the type asked for fails with
 * SQLState 22018, one outside the type's range with 22003; messages never contain the value, which is
 * plaintext the encryption exists to protect.
 */
public final class PlainConversions {
  @FunctionalInterface
  private interface Conversion {
    Object apply(Object value, String column) throws SQLException;
  }

  private static final Map<Class<?>, Conversion> BY_TYPE = Map.ofEntries(
      entry(String.class, PlainConversions::toString),
      entry(byte[].class, PlainConversions::toBytes),
      entry(Boolean.class, PlainConversions::toBoolean),
      entry(boolean.class, PlainConversions::toBoolean),
      entry(Byte.class, PlainConversions::toByte),
      entry(byte.class, PlainConversions::toByte),
      entry(Short.class, PlainConversions::toShort),
      entry(short.class, PlainConversions::toShort),
      entry(Integer.class, PlainConversions::toInt),
      entry(int.class, PlainConversions::toInt),
      entry(Long.class, PlainConversions::toLong),
      entry(long.class, PlainConversions::toLong),
      entry(Float.class, PlainConversions::toFloat),
      entry(float.class, PlainConversions::toFloat),
      entry(Double.class, PlainConversions::toDouble),
      entry(double.class, PlainConversions::toDouble),
      entry(BigDecimal.class, PlainConversions::toBigDecimal),
      entry(BigInteger.class, NumericConversions::toBigInteger),
      entry(java.sql.Date.class, (value, column) -> toDate(value, null, column)),
      entry(Time.class, (value, column) -> toTime(value, null, column)),
      entry(Timestamp.class, (value, column) -> toTimestamp(value, null, column)),
      // Connector/J's answer too: a Timestamp is the java.util.Date that loses nothing.
      entry(java.util.Date.class, (value, column) -> toTimestamp(value, null, column)),
      entry(LocalDate.class, (value, column) -> TemporalConversions.toLocalDate(value, "LocalDate", column)),
      entry(LocalTime.class, (value, column) -> TemporalConversions.toLocalTime(value, "LocalTime", column)),
      entry(LocalDateTime.class,
          (value, column) -> TemporalConversions.toLocalDateTime(value, "LocalDateTime", column)),
      entry(ZonedDateTime.class, (value, column) -> zoned(value, "ZonedDateTime", column)),
      entry(OffsetDateTime.class,
          (value, column) -> zoned(value, "OffsetDateTime", column).toOffsetDateTime()),
      entry(Instant.class, (value, column) -> zoned(value, "Instant", column).toInstant()),
      entry(Object.class, (value, column) -> toObject(value)));

  private PlainConversions() {}

  /** The text of the value as MySQL prints a column of its type; see {@link #toObject(Object)} for types. */
  public static String toString(Object value, String column) throws SQLException {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal number) {
      // Plain, as MySQL prints a DECIMAL: never "1E+3".
      return number.toPlainString();
    }
    if (value instanceof Double number) {
      return NumericConversions.mysqlDouble(number);
    }
    if (value instanceof Boolean flag) {
      // MySQL's BOOLEAN is TINYINT(1).
      return flag ? "1" : "0";
    }
    if (value instanceof LocalDate date) {
      return TemporalConversions.format(date);
    }
    if (value instanceof LocalTime time) {
      return TemporalConversions.format(time);
    }
    if (value instanceof LocalDateTime moment) {
      return TemporalConversions.format(moment);
    }
    throw ConversionErrors.invalidCast(value, "String", column);
  }

  /**
   * True for {@code true}, {@code -1} and any number above zero, and for the strings "true", "y" and
   * numbers so; false for {@code false}, other numbers, "false", "n" and the empty string. The odd rule
   * for negative numbers is Connector/J's, so that encrypting a column changes no answer.
   */
  public static boolean toBoolean(Object value, String column) throws SQLException {
    return NumericConversions.toBoolean(value, column);
  }

  public static byte toByte(Object value, String column) throws SQLException {
    return (byte) NumericConversions.toIntegral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte", column);
  }

  public static short toShort(Object value, String column) throws SQLException {
    return (short) NumericConversions.toIntegral(value, Short.MIN_VALUE, Short.MAX_VALUE, "short", column);
  }

  /**
   * The value as an int: a fraction is truncated toward zero, a string is read as the number it spells
   * (trimmed; an empty one is 0, Connector/J's default), a boolean is 1 or 0.
   *
   * @throws SQLException 22003 when the value lies outside int's range, 22018 when it is no number
   */
  public static int toInt(Object value, String column) throws SQLException {
    return (int) NumericConversions.toIntegral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "int", column);
  }

  public static long toLong(Object value, String column) throws SQLException {
    return NumericConversions.toIntegral(value, Long.MIN_VALUE, Long.MAX_VALUE, "long", column);
  }

  public static float toFloat(Object value, String column) throws SQLException {
    return NumericConversions.toFloat(value, column);
  }

  public static double toDouble(Object value, String column) throws SQLException {
    return NumericConversions.toDouble(value, column);
  }

  public static BigDecimal toBigDecimal(Object value, String column) throws SQLException {
    return NumericConversions.toBigDecimal(value, column);
  }

  /** The bytes themselves (a copy), or the UTF-8 bytes of {@link #toString(Object, String)}. */
  public static byte[] toBytes(Object value, String column) throws SQLException {
    if (value instanceof byte[] bytes) {
      // A caller may keep the decoded row: what the application does to the array must not reach it.
      return bytes.clone();
    }
    return toString(value, column).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A date, or a timestamp's date, or a string in MySQL's "2024-01-31" or "2024-01-31 10:11:12" form, as
   * the midnight that starts that day in {@code calendar}'s zone (the JVM's zone when null).
   */
  public static java.sql.Date toDate(Object value, Calendar calendar, String column) throws SQLException {
    return TemporalConversions.toDate(value, calendar, column);
  }

  /** A time, or a timestamp's time, or a string such as "10:11:12.5", on 1970-01-01 in the zone. */
  public static Time toTime(Object value, Calendar calendar, String column) throws SQLException {
    return TemporalConversions.toTime(value, calendar, column);
  }

  /** A timestamp, or a date at midnight, or a string in either form, in {@code calendar}'s zone. */
  public static Timestamp toTimestamp(Object value, Calendar calendar, String column) throws SQLException {
    return TemporalConversions.toTimestamp(value, calendar, column);
  }

  public static Reader toReader(Object value, String column) throws SQLException {
    return new StringReader(toString(value, column));
  }

  public static InputStream toBinaryStream(Object value, String column) throws SQLException {
    return new ByteArrayInputStream(toBytes(value, column));
  }

  /** The text in US-ASCII: a character outside it becomes '?'. */
  public static InputStream toAsciiStream(Object value, String column) throws SQLException {
    return new ByteArrayInputStream(toString(value, column).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * What {@code getObject} gives without a type, as Connector/J maps the column type: the decoded value
   * itself, except that dates and times become java.sql.Date, Time and Timestamp (in the JVM's zone)
   * and a byte array is copied.
   *
   * @throws IllegalArgumentException for a value {@link PlainValue#decode} never returns
   */
  public static Object toObject(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes.clone();
    }
    if (value instanceof String || value instanceof Integer || value instanceof Long
        || value instanceof BigDecimal || value instanceof BigInteger || value instanceof Double
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof LocalDate date) {
      return TemporalConversions.sqlDate(date, null);
    }
    if (value instanceof LocalTime time) {
      return TemporalConversions.sqlTime(time, null);
    }
    if (value instanceof LocalDateTime moment) {
      return TemporalConversions.sqlTimestamp(moment, null);
    }
    throw new IllegalArgumentException("not a decoded value: " + value.getClass().getName());
  }

  /**
   * What {@code getObject(column, type)} gives: one of the types of the getters above, their primitive
   * classes (boxed), BigInteger, java.util.Date (a Timestamp), LocalDate, LocalTime, LocalDateTime,
   * ZonedDateTime, OffsetDateTime and Instant (the wall clock in the JVM's zone), or Object.
   *
   * @throws SQLException 22018 for any other type or a value that cannot be read as {@code type}, 22003
   *     for a number outside its range, HY009 for a null type
   */
  @SuppressWarnings("unchecked")
  public static <T> T toObject(Object value, Class<T> type, String column) throws SQLException {
    if (type == null) {
      throw new SQLException("getObject needs a type, not null", "HY009");
    }
    Conversion conversion = BY_TYPE.get(type);
    if (conversion == null) {
      throw new SQLException("column " + column + " cannot be read as " + type.getName()
          + ", a type an encrypted column does not convert to", ConversionErrors.INVALID_CAST);
    }
    // Unchecked only for primitive classes, whose T is the wrapper the conversion returns.
    return (T) conversion.apply(value, column);
  }

  /**
   * The java.sql.Types constant of the decoded value's type, what ResultSetMetaData reports for the
   * column in place of the VARBINARY that stores the ciphertext.
   *
   * @throws IllegalArgumentException for a value {@link PlainValue#decode} never returns
   */
  public static int jdbcType(Object value) {
    if (value instanceof String) {
      return Types.VARCHAR;
    }
    if (value instanceof byte[]) {
      return Types.VARBINARY;
    }
    if (value instanceof Integer) {
      return Types.INTEGER;
    }
    if (value instanceof Long) {
      return Types.BIGINT;
    }
    if (value instanceof BigDecimal || value instanceof BigInteger) {
      // A BigInteger is how Connector/J gives a BIGINT UNSIGNED, which can pass BIGINT; DECIMAL holds it.
      return Types.DECIMAL;
    }
    if (value instanceof Double) {
      return Types.DOUBLE;
    }
    if (value instanceof Boolean) {
      return Types.BOOLEAN;
    }
    if (value instanceof LocalDate) {
      return Types.DATE;
    }
    if (value instanceof LocalTime) {
      return Types.TIME;
    }
    if (value instanceof LocalDateTime) {
      return Types.TIMESTAMP;
    }
    throw new IllegalArgumentException("not a decoded value: " + value.getClass().getName());
  }

  private static ZonedDateTime zoned(Object value, String type, String column) throws SQLException {
    return TemporalConversions.toLocalDateTime(value, type, column).atZone(ZoneId.systemDefault());
  }
}
