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
      } else if (test.isConstant(s) && !ormIdiom(test, s)) {
        // Constants where a real predicate belongs, whatever their truth: OR 1=2, AND 1=1, HAVING 1=1.
        found.add(Signature.CONSTANT_PREDICATE);
      }
    }
    if (s.oddWhitespace()) {
      found.add(Signature.ODD_WHITESPACE);
    }
    if (s.tailHidesSql()) {
      found.add(Signature.OVER_LIMITS_SQL);
    }
    int last = s.tokenCount() - 1;
    if (last < 0) {
      return;
    }
    if (s.unterminated()) {
      TokenType type = s.type(last);
      boolean quoted = type == TokenType.STRING || type == TokenType.QUOTED_IDENTIFIER
          || type == TokenType.USER_VARIABLE;
      found.add(quoted ? Signature.UNTERMINATED_QUOTE : Signature.UNTERMINATED_COMMENT);
    }
    int firstSql = -1;
    int lastSql = -1;
    for (int i = 0; i <= last; i++) {
      if (s.type(i) != TokenType.COMMENT) {
        firstSql = firstSql < 0 ? i : firstSql;
        lastSql = i;
      }
    }
    for (int i = 0; i <= last; i++) {
      TokenType type = s.type(i);
      if (type == TokenType.COMMENT) {
        comment(s, i, i > lastSql && firstSql >= 0 && firstSql < i, found);
      } else if (type == TokenType.STRING && i + 2 <= last && s.type(i + 1) == TokenType.OPERATOR
          && s.type(i + 2) == TokenType.STRING && isArithmetic(s, i + 1)) {
        found.add(Signature.STRING_ARITHMETIC);
      }
    }
  }

  /**
   * {@code 1=0} as ORMs write it: Hibernate renders an empty IN list as {@code 1=0} and jOOQ's false
   * condition is {@code 1 = 0}. ({@code 1=1} after a real predicate stays a probe.)
   */
  private static boolean ormIdiom(ConstantTest test, LexedStatement s) {
    if (test.left() < 0 || test.right() < 0 || !test.operator().equals("=")) {
      return false;
    }
    String a = s.literalValue(s.firstValueOf(test.left()));
    String b = s.literalValue(s.firstValueOf(test.right()));
    return ("1".equals(a) && "0".equals(b) || "0".equals(a) && "1".equals(b))
        && s.valueType(s.firstValueOf(test.left())) == TokenType.NUMBER
        && s.valueType(s.firstValueOf(test.right())) == TokenType.NUMBER;
  }

  private static void comment(LexedStatement s, int i, boolean trailing, EnumSet<Signature> found) {
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
    if (block || !trailing) {
      return;
    }
    found.add(swallowsSql(sql, start, s.end(i)) ? Signature.COMMENT_TRUNCATION : Signature.TRAILING_COMMENT);
  }

  /**
   * What the comment cut off was SQL, not prose: a quote that is not an apostrophe inside a word, a
   * comparison or {@code ;}, {@code ORDER BY}/{@code GROUP BY}/{@code LIMIT n}/{@code UNION} — or nothing at
   * all, the bare {@code --} an injection ends with ({@code ORDER BY 1-- }).
   */
  private static boolean swallowsSql(String sql, int start, int end) {
    boolean blank = true;
    for (int c = start; c < end; c++) {
      char ch = sql.charAt(c);
      if (ch == '=' || ch == ';' || ch == '"' || ch == '`' || ch == '<' || ch == '>') {
        return true;
      }
      if (ch == '\'' && !(c > start && Character.isLetter(sql.charAt(c - 1)) && c + 1 < end
          && Character.isLetter(sql.charAt(c + 1)))) {
        return true;
      }
      blank &= ch == '-' || ch == '#' || ch <= ' ';
    }
    if (blank) {
      return true;
    }
    String text = sql.substring(start, end).toUpperCase(java.util.Locale.ROOT);
    return text.contains("ORDER BY") || text.contains("GROUP BY") || text.matches("(?s).*\\bLIMIT\\s+\\d.*")
        || text.contains("UNION");
  }

  /** {@code + - * / % & | ^}: what turns two strings into a number (|| is OR in MySQL, handled as such). */
  private static boolean isArithmetic(LexedStatement s, int operator) {
    return s.end(operator) - s.start(operator) == 1 && "+-*/%&|^".indexOf(s.sql().charAt(s.start(operator))) >= 0;
  }

  private static boolean isWord(TokenType type) {
    return type == TokenType.KEYWORD || type == TokenType.IDENTIFIER;
  }
}
