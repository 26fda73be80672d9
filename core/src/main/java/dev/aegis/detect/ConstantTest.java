package dev.aegis.detect;

import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;

/**
 * A predicate found in the tokens whose truth does not depend on any row: {@code OR 1=1},
 * {@code OR 'a'='a'}, {@code OR TRUE}, {@code OR name LIKE '%'}, {@code OR name = name}, {@code AND 1=2}.
 * Operands are digest placeholders (their values differ per execution, so truth is decided per statement)
 * or words (TRUE, FALSE, NULL, EXPRESSION for a constant expression the scanner does not evaluate, or a
 * column name for {@code col = col} and {@code col LIKE ?}).
 *
 * @param underOr true after OR/XOR/||, false after AND/&&, HAVING, WHEN or as an IF condition
 * @param operator the comparison, upper case; {@code CONST} for a bare operand
 * @param left placeholder index of the left operand, or -1
 * @param leftWord the left operand's word when it is not a placeholder (upper case for keywords, lower case
 *     for names), else null
 * @param right placeholder index of the right operand, or -1
 * @param rightWord as {@code leftWord}, for the right operand; null for {@code CONST}
 */
record ConstantTest(boolean underOr, String operator, int left, String leftWord, int right, String rightWord) {
  private static boolean constant(int placeholder, String word) {
    return placeholder >= 0 || "TRUE".equals(word) || "FALSE".equals(word) || "NULL".equals(word)
        || "EXPRESSION".equals(word);
  }

  /**
   * Both operands are constants in this statement: literals or TRUE/FALSE/NULL, not a column, and not a JDBC
   * parameter (its value is bound later: {@code ? IS NULL OR name = ?} is the optional-filter idiom).
   */
  boolean isConstant(LexedStatement statement) {
    return constant(left, leftWord, statement)
        && (operator.equals("CONST") || constant(right, rightWord, statement));
  }

  private static boolean constant(int placeholder, String word, LexedStatement statement) {
    if (placeholder >= 0) {
      int value = statement.firstValueOf(placeholder);
      return value >= 0 && statement.valueType(value) != TokenType.PLACEHOLDER;
    }
    return constant(placeholder, word);
  }
}
