package dev.aegis.detect;

import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;
import java.util.EnumSet;
import java.util.List;

/**
 * Signatures that depend on what one statement holds beyond its digest: comments (the digest drops them),
 * whitespace, unterminated quotes, and the truth of constant predicates under this statement's values.
 * Runs on every statement, so it only walks the tokens once and allocates nothing but the result set.
 */
final class InstanceScanner {
  private InstanceScanner() {}

  static void scan(LexedStatement s, List<ConstantTest> constants, EnumSet<Signature> found) {
    for (ConstantTest test : constants) {
      int truth = ConstantEvaluator.evaluate(test, s);
      if (test.underOr() && truth == ConstantEvaluator.TRUE) {
        found.add(Signature.TAUTOLOGY_OR);
      } else if (test.isConstant()) {
        // Constants where a real predicate belongs, whatever their truth: OR 1=2, AND 1=1, HAVING 1=1.
        found.add(Signature.CONSTANT_PREDICATE);
      }
    }
    if (s.oddWhitespace()) {
      found.add(Signature.ODD_WHITESPACE);
    }
    int last = s.tokenCount() - 1;
    if (last < 0) {
      return;
    }
    if (s.unterminated()) {
      TokenType type = s.type(last);
      found.add(type == TokenType.COMMENT || type != TokenType.STRING && type != TokenType.QUOTED_IDENTIFIER
          && type != TokenType.USER_VARIABLE ? Signature.UNTERMINATED_COMMENT : Signature.UNTERMINATED_QUOTE);
    }
    for (int i = 0; i <= last; i++) {
      TokenType type = s.type(i);
      if (type == TokenType.COMMENT) {
        comment(s, i, found);
      } else if (type == TokenType.STRING && i + 2 <= last && s.type(i + 1) == TokenType.OPERATOR
          && s.type(i + 2) == TokenType.STRING && isArithmetic(s, i + 1)) {
        found.add(Signature.STRING_ARITHMETIC);
      }
    }
  }

  private static void comment(LexedStatement s, int i, EnumSet<Signature> found) {
    int start = s.start(i);
    String sql = s.sql();
    boolean block = sql.startsWith("/*", start);
    boolean gluedBefore = i > 0 && s.end(i - 1) == start && isWord(s.type(i - 1));
    boolean gluedAfter = i < s.tokenCount() - 1 && s.start(i + 1) == s.end(i) && isWord(s.type(i + 1));
    if (block && (gluedBefore && gluedAfter || gluedBefore && s.type(i - 1) == TokenType.KEYWORD)) {
      // UNION/**/SELECT, SEL/**/ECT, union/*/**/*/select: a comment used as glue after SQL words. A comment
      // glued in front of the first word (Connector/J's own "/* mysql-connector-j … */SELECT") is not.
      found.add(Signature.COMMENT_SPLIT_KEYWORD);
    }
    if (block || !trailing(s, i) || !hasSqlBefore(s, i)) {
      return;
    }
    found.add(swallowsSql(sql, start, s.end(i)) ? Signature.COMMENT_TRUNCATION : Signature.TRAILING_COMMENT);
  }

  /** A line comment after which only comments or whitespace follow. */
  private static boolean trailing(LexedStatement s, int i) {
    for (int j = i + 1; j < s.tokenCount(); j++) {
      if (s.type(j) != TokenType.COMMENT) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasSqlBefore(LexedStatement s, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (s.type(j) != TokenType.COMMENT) {
        return true;
      }
    }
    return false;
  }

  /** A quote, a comparison or a SQL connective in the comment's text: what the comment cut off was SQL. */
  private static boolean swallowsSql(String sql, int start, int end) {
    boolean word = false;
    for (int c = start; c < end; c++) {
      char ch = sql.charAt(c);
      if (ch == '\'' || ch == '"' || ch == '`' || ch == '=' || ch == ')' || ch == ';') {
        return true;
      }
    }
    String text = sql.substring(start, end).toUpperCase(java.util.Locale.ROOT);
    for (String keyword : new String[] {" AND ", " OR ", "SELECT ", " UNION ", " WHERE ", " LIMIT "}) {
      word |= (" " + text + " ").contains(keyword);
    }
    return word;
  }

  /** {@code + - * / % & | ^}: what turns two strings into a number (|| is OR in MySQL, handled as such). */
  private static boolean isArithmetic(LexedStatement s, int operator) {
    return s.end(operator) - s.start(operator) == 1 && "+-*/%&|^".indexOf(s.sql().charAt(s.start(operator))) >= 0;
  }

  private static boolean isWord(TokenType type) {
    return type == TokenType.KEYWORD || type == TokenType.IDENTIFIER;
  }
}
