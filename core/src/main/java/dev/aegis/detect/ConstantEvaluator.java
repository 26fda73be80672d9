package dev.aegis.detect;

import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;
import java.util.Locale;

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
      return right != null && right.text != null && right.text.chars().allMatch(c -> c == '%') && !right.text.isEmpty()
          ? TRUE : left != null && right != null && left.column == null && right.text != null
              && left.text != null && likeMatches(left.text, right.text) ? TRUE : UNKNOWN;
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

  private static boolean likeMatches(String value, String pattern) {
    String regex = pattern.toLowerCase(Locale.ROOT).replaceAll("([\\\\.\\[\\]{}()*+?^$|])", "\\\\$1")
        .replace("%", ".*").replace("_", ".");
    return value.toLowerCase(Locale.ROOT).matches(regex);
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
