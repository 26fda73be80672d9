package dev.aegis.encrypt;

import dev.aegis.analysis.ValueUse;
import dev.aegis.config.Migration;
import dev.aegis.error.AegisEncryptionException;
import dev.aegis.error.AegisSqlState;
import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Replaces, in the application's SQL text, each literal that is a value of an encrypted column by the
 * literal of its ciphertext: {@code 'base64'} for a character column, {@code X'hex'} for a binary one.
 * Neither form can hold a quote or a backslash, so the rewritten text reads the same under every SQL mode.
 *
 * <p>An equality search on a column whose stored values can have several forms (mid-rotation, a ciphertext
 * under each enabled key; mid-migration, also the plaintext) is widened to match every form: {@code col =
 * v} becomes {@code col IN (c1, c2)}, and so on (see {@link SearchSites}); a search parameter of a prepared
 * statement becomes one {@code ?} per form. With one form per value nothing but the literals changes. A
 * plaintext form is written as {@code _utf8mb4 X'hex'} (a character column) or {@code X'hex'}, again free
 * of quotes and backslashes.
 */
final class LiteralEncryption {
  private LiteralEncryption() {}

  /** {@code statement}'s SQL with the literals {@code plan} encrypts replaced; the same string when none. */
  static String rewrite(LexedStatement statement, EncryptionPlan plan) throws SQLException {
    return rewrite(statement, plan, null);
  }

  /**
   * As above, for a statement to prepare.
   *
   * @param slots per JDBC parameter (from 1), how many parameters of the delegate's statement a search
   *     parameter becomes, as the caller decided from the keys it read; null when each stays one
   * @throws dev.aegis.error.AegisEncryptionException (ZA300) when a search that must be widened is written
   *     in a form that cannot be
   */
  static String rewrite(LexedStatement statement, EncryptionPlan plan, int[] slots) throws SQLException {
    String sql = statement.sql();
    StringBuilder out = null;
    int copied = 0;
    int parameter = 0;
    for (int v = 0; v < statement.valueCount(); v++) {
      TokenType type = statement.valueType(v);
      int placeholder = statement.valuePlaceholder(v);
      ProtectedColumn column = plan.target(placeholder);
      String[] forms;
      if (type == TokenType.PLACEHOLDER) {
        parameter++;
        if (column == null || slots == null || slots[parameter] <= 1) {
          continue;
        }
        forms = new String[slots[parameter]];
        java.util.Arrays.fill(forms, "?");
      } else if (column == null) {
        continue;
      } else {
        Object value = value(statement, v, type);
        boolean search = plan.search(placeholder);
        Object[] stored = search && column.searchSlots() > 1 ? column.searchForms(value) : null;
        if (out == null) {
          out = new StringBuilder(sql.length() + 64);
        }
        if (stored == null || stored.length == 1) {
          // One form: the literal is replaced where it stands, and nothing else changes.
          out.append(sql, copied, statement.valueStart(v));
          appendLiteral(out, stored != null ? stored[0] : search ? column.seal(value) : column.stored(value),
              !search && column.migration() == Migration.DECRYPTING);
          copied = statement.valueEnd(v);
          continue;
        }
        forms = new String[stored.length];
        for (int k = 0; k < stored.length; k++) {
          StringBuilder form = new StringBuilder();
          appendLiteral(form, stored[k], column.migration() != null && k == stored.length - 1);
          forms[k] = form.toString();
        }
      }
      if (out == null) {
        out = new StringBuilder(sql.length() + 64);
      }
      SearchSites.Site site = SearchSites.find(statement, v, plan.use(placeholder), column.ref().column());
      if (site == null || site.start() < copied) {
        throw unwidenable(column, plan.use(placeholder));
      }
      out.append(sql, copied, site.start());
      SearchSites.write(out, sql, site, forms);
      copied = site.end();
    }
    if (out == null) {
      return sql;
    }
    return out.append(sql, copied, sql.length()).toString();
  }

  /** Appends the SQL literal of a stored form: a ciphertext, or a plaintext when {@code plain}. */
  private static void appendLiteral(StringBuilder out, Object form, boolean plain) {
    if (form instanceof byte[] bytes) {
      out.append("X'").append(HexFormat.of().formatHex(bytes)).append('\'');
    } else if (plain) {
      // Any text, written without quotes or backslashes to escape: the server reads it in every SQL mode.
      out.append("_utf8mb4 X'").append(HexFormat.of().formatHex(((String) form).getBytes(StandardCharsets.UTF_8)))
          .append('\'');
    } else {
      out.append('\'').append((String) form).append('\'');
    }
  }

  /** ZA300 for a search that must match several forms of a value but is not written as one Aegis widens. */
  static AegisEncryptionException unwidenable(ProtectedColumn column, ValueUse use) {
    String operation = switch (use) {
      case NOT_EQUALS -> "a search with <> or !=";
      case IN_LIST -> "a search with IN";
      default -> "an equality search (=, <=>, CASE … WHEN)";
    };
    int keys = column.searchWidth();
    String why = (keys > 1 ? "its keyset '" + column.config().key() + "' has " + keys + " enabled keys (a key"
        + " rotation is under way)" : "") + (keys > 1 && column.migration() != null ? " and " : "")
        + (column.migration() != null ? "it is being migrated (migration: "
        + column.migration().name().toLowerCase(Locale.ROOT) + ")" : "");
    return new AegisEncryptionException(AegisSqlState.ENCRYPTION_UNSUPPORTED, EncryptionPlanner.refused(column,
        operation + " written in this form", "while " + why + ", a stored value may have any of "
        + column.searchSlots() + " forms, and Aegis widens a search to all of them only when it is written"
        + " col = ?, col <> ?, col <=> ? or col IN (?, …), with the column named plainly on one side and the"
        + " comparison standing alone between AND, OR, WHERE, parentheses or commas. Write it as col = ?."));
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
