package dev.aegis.crypto;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * How a Java value becomes the bytes that are encrypted, and back: one type byte, then the value —
 * strings as UTF-8, byte arrays raw, numbers, booleans and temporal values in a canonical text form. The
 * type byte is what lets {@code getInt}, {@code getBigDecimal}, {@code getDate} and
 * {@code getObject(…, Class)} give the right type after decryption, whatever the column stores.
 *
 * <p>For deterministic columns equal values must encode equally: a column searched by equality is
 * written and searched with one Java type (as SQL Server Always Encrypted also requires).
 */
public final class PlainValue {
  static final byte STRING = 'S';
  static final byte BYTES = 'B';
  static final byte INT = 'I';
  static final byte LONG = 'L';
  static final byte DECIMAL = 'N';
  static final byte BIG_INTEGER = 'G';
  static final byte DOUBLE = 'F';
  static final byte BOOLEAN = 'Z';
  static final byte DATE = 'd';
  static final byte TIME = 't';
  static final byte TIMESTAMP = 'T';

  private PlainValue() {}

  /**
   * The encoded form of {@code value}.
   *
   * @throws IllegalArgumentException for a type an encrypted column cannot hold (named in the message)
   */
  public static byte[] encode(Object value) {
    if (value instanceof String text) {
      return with(STRING, text.getBytes(StandardCharsets.UTF_8));
    }
    if (value instanceof byte[] bytes) {
      return with(BYTES, bytes);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return text(INT, value.toString());
    }
    if (value instanceof Long) {
      return text(LONG, value.toString());
    }
    if (value instanceof BigDecimal decimal) {
      return text(DECIMAL, decimal.toPlainString());
    }
    if (value instanceof BigInteger integer) {
      return text(BIG_INTEGER, integer.toString());
    }
    if (value instanceof Double || value instanceof Float) {
      return text(DOUBLE, Double.toString(((Number) value).doubleValue()));
    }
    if (value instanceof Boolean flag) {
      return text(BOOLEAN, flag ? "1" : "0");
    }
    if (value instanceof LocalDate || value instanceof java.sql.Date) {
      LocalDate date = value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
      return text(DATE, date.toString());
    }
    if (value instanceof LocalTime || value instanceof java.sql.Time) {
      LocalTime time = value instanceof java.sql.Time sql ? sql.toLocalTime() : (LocalTime) value;
      return text(TIME, time.toString());
    }
    if (value instanceof LocalDateTime || value instanceof java.sql.Timestamp) {
      LocalDateTime moment = value instanceof java.sql.Timestamp sql ? sql.toLocalDateTime() : (LocalDateTime) value;
      return text(TIMESTAMP, moment.toString());
    }
    throw new IllegalArgumentException("an encrypted column cannot hold a "
        + (value == null ? "null (NULL stays NULL and is not encrypted)" : value.getClass().getName()));
  }

  /**
   * The value behind encoded bytes, as the Java type it was written with (java.time for temporal values).
   *
   * @throws IllegalArgumentException when the bytes are not an encoded value
   */
  public static Object decode(byte[] encoded) {
    if (encoded == null || encoded.length == 0) {
      throw new IllegalArgumentException("no encoded value");
    }
    byte[] payload = Arrays.copyOfRange(encoded, 1, encoded.length);
    String text = new String(payload, StandardCharsets.UTF_8);
    return switch (encoded[0]) {
      case STRING -> text;
      case BYTES -> payload;
      case INT -> Integer.valueOf(text);
      case LONG -> Long.valueOf(text);
      case DECIMAL -> new BigDecimal(text);
      case BIG_INTEGER -> new BigInteger(text);
      case DOUBLE -> Double.valueOf(text);
      case BOOLEAN -> text.equals("1");
      case DATE -> LocalDate.parse(text);
      case TIME -> LocalTime.parse(text);
      case TIMESTAMP -> LocalDateTime.parse(text);
      default -> throw new IllegalArgumentException("unknown value type " + encoded[0]);
    };
  }

  private static byte[] text(byte type, String text) {
    return with(type, text.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] with(byte type, byte[] payload) {
    byte[] encoded = new byte[payload.length + 1];
    encoded[0] = type;
    System.arraycopy(payload, 0, encoded, 1, payload.length);
    return encoded;
  }
}
