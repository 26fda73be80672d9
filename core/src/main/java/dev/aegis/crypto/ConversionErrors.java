package dev.aegis.crypto;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The failures of {@link PlainConversions}. A message names the column, the kind of value and the type
 * asked for, never the value: it is decrypted plaintext, and messages end up in logs and error pages. For
 * the same reason no parser exception is chained as the cause, since those quote their input.
 */
final class ConversionErrors {
  /** SQL:2016 "invalid character value for cast", as Connector/J reports an unconvertible value. */
  static final String INVALID_CAST = "22018";
  /** SQL:2016 "numeric value out of range", as Connector/J reports with jdbcCompliantTruncation. */
  static final String OUT_OF_RANGE = "22003";

  private ConversionErrors() {}

  static SQLException invalidCast(Object value, String type, String column) {
    return new SQLException("column " + column + " holds " + withArticle(kind(value))
        + " that cannot be read as " + type, INVALID_CAST);
  }

  static SQLException outOfRange(Object value, String type, String column) {
    return new SQLException("numeric value out of range: column " + column + " holds "
        + withArticle(kind(value)) + " outside the range of " + type, OUT_OF_RANGE);
  }

  /** What a value is, in words, without saying what it holds. */
  static String kind(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof byte[]) {
      return "byte array";
    }
    if (value instanceof Integer) {
      return "integer";
    }
    if (value instanceof Long) {
      return "long";
    }
    if (value instanceof BigDecimal) {
      return "decimal";
    }
    if (value instanceof BigInteger) {
      return "big integer";
    }
    if (value instanceof Double) {
      return "double";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof LocalDate) {
      return "date";
    }
    if (value instanceof LocalTime) {
      return "time";
    }
    if (value instanceof LocalDateTime) {
      return "timestamp";
    }
    return value.getClass().getName();
  }

  private static String withArticle(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }
}
