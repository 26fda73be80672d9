package dev.aegis.encrypt;

import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Replaces, in the application's SQL text, each literal that is a value of an encrypted column by the
 * literal of its ciphertext: {@code 'base64'} for a character column, {@code X'hex'} for a binary one.
 * Neither form can hold a quote or a backslash, so the rewritten text reads the same under every SQL mode.
 */
final class LiteralEncryption {
  private LiteralEncryption() {}

  /** {@code statement}'s SQL with the literals {@code plan} encrypts replaced; the same string when none. */
  static String rewrite(LexedStatement statement, EncryptionPlan plan) throws SQLException {
    String sql = statement.sql();
    StringBuilder out = null;
    int copied = 0;
    for (int v = 0; v < statement.valueCount(); v++) {
      TokenType type = statement.valueType(v);
      if (type == TokenType.PLACEHOLDER) {
        continue;
      }
      ProtectedColumn column = plan.target(statement.valuePlaceholder(v));
      if (column == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(sql.length() + 64);
      }
      int start = statement.valueStart(v);
      out.append(sql, copied, start);
      Object sealed = column.seal(value(statement, v, type));
      if (sealed instanceof byte[] bytes) {
        out.append("X'").append(HexFormat.of().formatHex(bytes)).append('\'');
      } else {
        out.append('\'').append((String) sealed).append('\'');
      }
      copied = statement.valueEnd(v);
    }
    if (out == null) {
      return sql;
    }
    return out.append(sql, copied, sql.length()).toString();
  }

  /** What a literal means as a Java value, before conversion to the column's type. */
  static Object value(LexedStatement statement, int v, TokenType type) {
    String text = statement.literalValue(v);
    return switch (type) {
      case STRING -> text;
      case NUMBER -> number(text);
      case HEX -> hex(text);
      case BIT -> bits(text);
      default -> throw new IllegalStateException("not a literal: " + type);
    };
  }

  private static Object number(String text) {
    // A sign may be apart from its digits, by spaces or comments ("- 5", "- /* c */ 5"); the server reads
    // them as one number. The number token itself is the run of number characters that ends the text.
    int digits = text.length();
    while (digits > 0 && isNumberChar(text.charAt(digits - 1))) {
      digits--;
    }
    String t = digits == 0 ? text : (text.charAt(0) == '-' ? "-" : "") + text.substring(digits);
    if (t.indexOf('e') >= 0 || t.indexOf('E') >= 0) {
      return Double.parseDouble(t);
    }
    if (t.indexOf('.') >= 0) {
      return new BigDecimal(t);
    }
    BigInteger value = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private static boolean isNumberChar(char c) {
    return c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
  }

  /** {@code X'4142'}, {@code x'4142'} or {@code 0x4142}. */
  private static byte[] hex(String text) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2)
        : text.substring(2, text.length() - 1);
    if ((digits.length() & 1) == 1) {
      digits = "0" + digits;
    }
    return HexFormat.of().parseHex(digits);
  }

  /** {@code b'0101'} or {@code 0b0101}, as the bytes MySQL makes of it ({@code b''} is the empty string). */
  private static byte[] bits(String text) {
    String digits = text.startsWith("0b") || text.startsWith("0B") ? text.substring(2)
        : text.substring(2, text.length() - 1);
    BigInteger value = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 2);
    byte[] bytes = value.toByteArray();
    int length = (digits.length() + 7) / 8;
    byte[] out = new byte[length];
    int copy = Math.min(length, bytes.length);
    System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
    return out;
  }
}
