package dev.aegis.crypto;

import static dev.aegis.crypto.ConversionErrors.invalidCast;
import static dev.aegis.crypto.ConversionErrors.outOfRange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;

/**
 * The numeric and boolean getters of {@link PlainConversions}, following Connector/J's value factories:
 * a fraction is truncated toward zero, a value outside the target type fails rather than wraps, and a
 * string is read as the number it spells.
 */
final class NumericConversions {
  /**
   * How many integer digits a string may expand to. {@code "1e999999999"} is a short string but a
   * billion-digit BigInteger; no MySQL number comes near this (DECIMAL holds 65 digits, DOUBLE 309).
   */
  private static final int MAX_INTEGER_DIGITS = 1000;

  private NumericConversions() {}

  static boolean toBoolean(Object value, String column) throws SQLException {
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof String text) {
      String trimmed = text.trim();
      if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("y")) {
        return true;
      }
      if (trimmed.equalsIgnoreCase("false") || trimmed.equalsIgnoreCase("n")) {
        return false;
      }
    }
    // Connector/J's rule, kept from ODBC and COM, where -1 is true: -1 or anything above zero.
    if (value instanceof Double number) {
      return number > 0 || number == -1;
    }
    BigDecimal number = decimal(value, "boolean", column);
    return number.signum() > 0 || number.compareTo(BigDecimal.ONE.negate()) == 0;
  }

  static long toIntegral(Object value, long min, long max, String type, String column) throws SQLException {
    BigDecimal number = decimal(value, type, column);
    if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw outOfRange(value, type, column);
    }
    return number.longValue();
  }

  static float toFloat(Object value, String column) throws SQLException {
    float number = value instanceof Double wide
        ? (float) finite(wide, "float", column)
        : decimal(value, "float", column).floatValue();
    if (Float.isInfinite(number)) {
      throw outOfRange(value, "float", column);
    }
    return number;
  }

  static double toDouble(Object value, String column) throws SQLException {
    if (value instanceof Double number) {
      return number;
    }
    double number = decimal(value, "double", column).doubleValue();
    if (Double.isInfinite(number)) {
      throw outOfRange(value, "double", column);
    }
    return number;
  }

  static BigDecimal toBigDecimal(Object value, String column) throws SQLException {
    if (value instanceof Double number) {
      // valueOf, as Connector/J does: 0.1 reads as 0.1, not as the binary fraction nearest to it.
      return BigDecimal.valueOf(finite(number, "BigDecimal", column));
    }
    return decimal(value, "BigDecimal", column);
  }

  static BigInteger toBigInteger(Object value, String column) throws SQLException {
    if (value instanceof BigInteger number) {
      return number;
    }
    BigDecimal number = decimal(value, "BigInteger", column);
    if (number.signum() == 0 || number.precision() - number.scale() <= 0) {
      // Below one. Spares toBigInteger() working out 10^scale: for "1e-999999999" it cannot.
      return BigInteger.ZERO;
    }
    if (number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
      throw outOfRange(value, "BigInteger", column);
    }
    return number.toBigInteger();
  }

  /**
   * A DOUBLE as MySQL prints it (my_gcvt in strings/dtoa.cc), which is what Connector/J hands over for
   * getString: the shortest digits that read back as the same double, plain notation while the decimal
   * point stays within 15 places of the first digit, and integers without ".0"; so 2.0 is "2", 1e15 is
   * "1e15" and 1e-16 is "1e-16".
   */
  static String mysqlDouble(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal number = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    String digits = number.unscaledValue().abs().toString();
    int decimalPoint = digits.length() - number.scale();
    if (decimalPoint >= -14 && (decimalPoint <= 15 || digits.length() > decimalPoint)) {
      return number.toPlainString();
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (value < 0 ? "-" : "") + mantissa + "e" + (decimalPoint - 1);
  }

  /** Any number, boolean or numeric string as an exact decimal. */
  private static BigDecimal decimal(Object value, String type, String column) throws SQLException {
    if (value instanceof Integer || value instanceof Long) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigDecimal number) {
      return number;
    }
    if (value instanceof BigInteger number) {
      return new BigDecimal(number);
    }
    if (value instanceof Boolean flag) {
      return flag ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (value instanceof Double number) {
      // Exact, so that a double just past Long.MAX_VALUE is seen to be past it.
      return new BigDecimal(finite(number, type, column));
    }
    if (value instanceof String text) {
      String trimmed = text.trim();
      if (trimmed.isEmpty()) {
        // Connector/J's default (emptyStringsConvertToZero=true).
        return BigDecimal.ZERO;
      }
      try {
        return new BigDecimal(trimmed);
      } catch (NumberFormatException notANumber) {
        // Not chained: its message quotes the plaintext.
        throw invalidCast(value, type, column);
      }
    }
    throw invalidCast(value, type, column);
  }

  /** NaN and the infinities, which no MySQL column stores, fit no other type. */
  private static double finite(double number, String type, String column) throws SQLException {
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      throw outOfRange(number, type, column);
    }
    return number;
  }
}
