package dev.aegis.detect;

import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;

/**
 * Decides, with one statement's literal values, whether a {@link ConstantTest} is always true, always false
 * or unknown, comparing as MySQL does: strings case-insensitively, a number against a string numerically
 * (a string that is not a number counts as its numeric prefix, or 0).
 */
final class ConstantEvaluator {
  static final int UNKNOWN = 0;
  static final int TRUE = 1;
  static final int FALSE = 2;

  private ConstantEvaluator() {}

  static int evaluate(ConstantTest test, LexedStatement statement) {
    Operand left = operand(test.left(), test.leftWord(), statement);
    if (test.operator().equals("CONST")) {
      if (left == null || left.isNull) {
        return UNKNOWN;
      }
      return left.truth() ? TRUE : FALSE;
    }
    Operand right = operand(test.right(), test.rightWord(), statement);
    if (test.operator().equals("LIKE")) {
      if (right == null || right.text == null || right.text.isEmpty()) {
        return UNKNOWN;
      }
      if (right.text.chars().allMatch(c -> c == '%')) {
        return TRUE; // x LIKE '%' matches every non-NULL x
      }
      if (left == null || left.column != null || left.text == null) {
        return UNKNOWN;
      }
      return likeMatches(left.text, right.text) ? TRUE : FALSE;
    }
    if (left == null || right == null) {
      return UNKNOWN;
    }
    if (left.column != null || right.column != null) {
      // col = col is true for every non-NULL row; col <> col never.
      boolean same = left.column != null && left.column.equals(right.column);
      if (!same) {
        return UNKNOWN;
      }
      return switch (test.operator()) {
        case "=", "<=>", ">=", "<=" -> TRUE;
        case "<>", "!=", "<", ">" -> FALSE;
        default -> UNKNOWN;
      };
    }
    if (left.isNull || right.isNull) {
      return test.operator().equals("<=>") ? (left.isNull && right.isNull ? TRUE : FALSE) : UNKNOWN;
    }
    int order = left.isNumber || right.isNumber
        ? Double.compare(left.number(), right.number())
        : left.text.compareToIgnoreCase(right.text);
    boolean result = switch (test.operator()) {
      case "=", "<=>" -> order == 0;
      case "<>", "!=" -> order != 0;
      case "<" -> order < 0;
      case ">" -> order > 0;
      case "<=" -> order <= 0;
      case ">=" -> order >= 0;
      default -> false;
    };
    return result ? TRUE : FALSE;
  }

  /** Longest value or pattern a LIKE is evaluated on; longer ones stay unknown. */
  private static final int LIKE_LIMIT = 256;

  /**
   * MySQL's LIKE ({@code %}, {@code _}, backslash escape, case-insensitive) by the two-pointer wildcard
   * walk: at most value × pattern steps, and both are capped, so a hostile pattern costs microseconds.
   */
  static boolean likeMatches(String value, String pattern) {
    if (value.length() > LIKE_LIMIT || pattern.length() > LIKE_LIMIT) {
      return false;
    }
    int v = 0;
    int p = 0;
    int star = -1;
    int mark = 0;
    while (v < value.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '%') {
        star = p++;
        mark = v;
      } else if (p < pattern.length() && matchesOne(pattern, p, value.charAt(v))) {
        p += pattern.charAt(p) == '\\' && p + 1 < pattern.length() ? 2 : 1;
        v++;
      } else if (star >= 0) {
        p = star + 1;
        v = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '%') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean matchesOne(String pattern, int p, char c) {
    char want = pattern.charAt(p);
    if (want == '\\' && p + 1 < pattern.length()) {
      return Character.toLowerCase(pattern.charAt(p + 1)) == Character.toLowerCase(c);
    }
    return want == '_' || Character.toLowerCase(want) == Character.toLowerCase(c);
  }

  private static Operand operand(int placeholder, String word, LexedStatement statement) {
    if (placeholder >= 0) {
      int value = statement.firstValueOf(placeholder);
      if (value < 0 || statement.valueType(value) == TokenType.PLACEHOLDER) {
        return null; // a JDBC parameter: its value is bound later, so nothing is constant
      }
      TokenType type = statement.valueType(value);
      String text = statement.literalValue(value);
      return new Operand(text, type == TokenType.NUMBER, false, null);
    }
    if (word == null) {
      return null;
    }
    return switch (word) {
      case "TRUE" -> new Operand("1", true, false, null);
      case "FALSE" -> new Operand("0", true, false, null);
      case "NULL" -> new Operand(null, false, true, null);
      case "EXPRESSION" -> null;
      default -> new Operand(null, false, false, word);
    };
  }

  private record Operand(String text, boolean isNumber, boolean isNull, String column) {
    double number() {
      return numericPrefix(text);
    }

    boolean truth() {
      return column == null && number() != 0;
    }
  }

  /** MySQL's string-to-number conversion: the longest numeric prefix, else 0. */
  static double numericPrefix(String text) {
    if (text == null) {
      return 0;
    }
    String s = text.strip();
    int end = 0;
    boolean digits = false;
    if (end < s.length() && (s.charAt(end) == '-' || s.charAt(end) == '+')) {
      end++;
    }
    while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
      digits |= Character.isDigit(s.charAt(end));
      end++;
    }
    if (end < s.length() && (s.charAt(end) == 'e' || s.charAt(end) == 'E') && digits) {
      int exp = end + 1;
      if (exp < s.length() && (s.charAt(exp) == '-' || s.charAt(exp) == '+')) {
        exp++;
      }
      if (exp < s.length() && Character.isDigit(s.charAt(exp))) {
        end = exp;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
          end++;
        }
      }
    }
    if (!digits) {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        try {
          return Long.parseLong(s.substring(2), 16);
        } catch (NumberFormatException e) {
          return 0;
        }
      }
      return 0;
    }
    try {
      return Double.parseDouble(s.substring(0, end));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
