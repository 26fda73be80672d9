package dev.aegis.detect;

import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;

/**
 * Token sequences no valid MySQL statement has, found in one pass before the parser is asked. JSqlParser
 * 5.3 backtracks exponentially on some of them ({@code SELECT ( ( ( OR NULL ) ) )} takes seconds, and its
 * interruption flag is not read inside the backtracking), so such statements are judged on their tokens
 * and never parsed. Valid SQL never trips these checks: they only look for what cannot be.
 */
final class Plausibility {
  private Plausibility() {}

  /** Why the statement cannot be valid SQL, or null when nothing obvious says so. */
  static String problem(LexedStatement s) {
    int depth = 0;
    TokenType previous = null;
    int previousToken = -1;
    for (int i = 0; i < s.tokenCount(); i++) {
      TokenType type = s.type(i);
      if (type == TokenType.COMMENT || type == TokenType.EXECUTABLE_COMMENT_START
          || type == TokenType.EXECUTABLE_COMMENT_END) {
        continue;
      }
      if (type == TokenType.LEFT_PAREN) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN && --depth < 0) {
        return "a ')' closes nothing";
      }
      if (previous == TokenType.LEFT_PAREN && (isConnective(s, i) || type == TokenType.COMMA)) {
        return "a connective or ',' right after '('";
      }
      if (type == TokenType.RIGHT_PAREN && previousToken >= 0 && (isConnective(s, previousToken)
          || previous == TokenType.COMMA)) {
        return "a connective or ',' right before ')'";
      }
      if (type == TokenType.SEMICOLON && depth > 0) {
        return "a ';' inside parentheses";
      }
      previous = type;
      previousToken = i;
    }
    return depth != 0 ? "unbalanced parentheses" : null;
  }

  private static boolean isConnective(LexedStatement s, int i) {
    return s.type(i) == TokenType.KEYWORD && (s.is(i, "OR") || s.is(i, "AND") || s.is(i, "XOR"));
  }
}
