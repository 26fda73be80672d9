package dev.aegis.encrypt;

import dev.aegis.analysis.ValueUse;
import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;
import java.util.Locale;

/**
 * Where, in the application's SQL, an equality search on an encrypted column is written, so that it can be
 * widened to match every stored form of one value: the ciphertext under each enabled key while a keyset is
 * rotated, and the plaintext while a column is migrated. Read on the lexer's tokens, comments skipped.
 *
 * <p>Only forms whose rewrite cannot change what the server parses are accepted: the column is a plain,
 * possibly qualified, name on one side of {@code =}, {@code <=>}, {@code <>}, {@code !=}, or the left side
 * of {@code [NOT] IN (…)}, and the comparison stands between words that bind more loosely (AND, OR, WHERE,
 * a parenthesis, a comma…). Anything else — {@code CASE col WHEN ?}, {@code a = col = ?}, {@code col = ?
 * COLLATE x}, an executable comment around part of it — is not found, and the caller refuses the statement
 * rather than search only some of the forms.
 */
final class SearchSites {
  /** How a found search is written, and so how it is widened. */
  enum Form {
    /** An element of {@code col [NOT] IN (…)}: becomes one element per form. */
    IN_ELEMENT,
    /** {@code col = v} or {@code v = col}: becomes {@code col IN (f1, f2)}. */
    EQUALS,
    /** {@code col <> v}, {@code col != v} and reversed: becomes {@code col NOT IN (f1, f2)}. */
    NOT_EQUALS,
    /** {@code col <=> v} and reversed: becomes {@code (col <=> f1 OR col <=> f2)}, which still matches NULL. */
    NULL_SAFE
  }

  /**
   * One search in the text: the span {@code [start, end)} the widened search replaces, and the column's
   * name as written, {@code [columnStart, columnEnd)} (unused for {@link Form#IN_ELEMENT}).
   */
  record Site(Form form, int start, int end, int columnStart, int columnEnd) {}

  private SearchSites() {}

  /**
   * The search value {@code v} of {@code statement} takes part in, or null when it is not written in a form
   * that can be widened.
   *
   * @param use how the analysis says the value is used (EQUALS, NOT_EQUALS or IN_LIST)
   * @param column the column's name, lower case, as the analysis resolved it
   */
  static Site find(LexedStatement statement, int v, ValueUse use, String column) {
    int first = tokenStartingAt(statement, statement.valueStart(v));
    int last = tokenEndingAt(statement, statement.valueEnd(v), first);
    if (first < 0 || last < 0) {
      return null;
    }
    Scan scan = new Scan(statement, column);
    int before = scan.previous(first);
    int after = scan.next(last);
    if (use == ValueUse.IN_LIST) {
      return scan.inElement(v, before, after);
    }
    Form form = scan.comparison(before);
    if (form != null) {
      // col = v
      if (!agrees(form, use) || !scan.endsComparison(after)) {
        return null;
      }
      int name = scan.nameBefore(scan.previous(before));
      if (name < 0 || !scan.startsComparison(scan.previous(name))) {
        return null;
      }
      return new Site(form, statement.start(name), statement.valueEnd(v), statement.start(name),
          statement.end(scan.previous(before)));
    }
    form = scan.comparison(after);
    if (form == null || !agrees(form, use) || !scan.startsComparison(before)) {
      return null;
    }
    // v = col
    int name = scan.next(after);
    int nameEnd = scan.nameAfter(name);
    if (nameEnd < 0 || !scan.endsComparison(scan.next(nameEnd))) {
      return null;
    }
    return new Site(form, statement.valueStart(v), statement.end(nameEnd), statement.start(name),
        statement.end(nameEnd));
  }

  /**
   * Appends the widened search: {@code forms} are the texts of the values to compare with (literals or
   * {@code ?}), at least two.
   */
  static void write(StringBuilder out, String sql, Site site, String[] forms) {
    switch (site.form()) {
      case IN_ELEMENT -> out.append(String.join(", ", forms));
      case EQUALS, NOT_EQUALS -> {
        out.append(sql, site.columnStart(), site.columnEnd())
            .append(site.form() == Form.EQUALS ? " IN (" : " NOT IN (")
            .append(String.join(", ", forms)).append(')');
      }
      case NULL_SAFE -> {
        out.append('(');
        for (int k = 0; k < forms.length; k++) {
          out.append(k == 0 ? "" : " OR ").append(sql, site.columnStart(), site.columnEnd()).append(" <=> ")
              .append(forms[k]);
        }
        out.append(')');
      }
    }
  }

  private static boolean agrees(Form form, ValueUse use) {
    return use == (form == Form.NOT_EQUALS ? ValueUse.NOT_EQUALS : ValueUse.EQUALS);
  }

  /** The token that starts at {@code offset}, or -1 (tokens are in text order: binary search). */
  private static int tokenStartingAt(LexedStatement statement, int offset) {
    int low = 0;
    int high = statement.tokenCount() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int start = statement.start(mid);
      if (start < offset) {
        low = mid + 1;
      } else if (start > offset) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The token from {@code first} on that ends at {@code offset} (a signed number spans several), or -1. */
  private static int tokenEndingAt(LexedStatement statement, int offset, int first) {
    if (first < 0) {
      return -1;
    }
    for (int t = first; t < statement.tokenCount() && statement.start(t) < offset; t++) {
      if (statement.end(t) == offset) {
        return t;
      }
    }
    return -1;
  }

  /** The token walk of one statement. */
  private static final class Scan {
    private final LexedStatement statement;
    private final String column;
    private final int count;

    Scan(LexedStatement statement, String column) {
      this.statement = statement;
      this.column = column;
      this.count = statement.tokenCount();
    }

    /** The token before {@code t} that is not a comment, or -1. */
    int previous(int t) {
      int p = t - 1;
      while (p >= 0 && statement.type(p) == TokenType.COMMENT) {
        p--;
      }
      return p;
    }

    /** The token after {@code t} that is not a comment, or {@link #count} at the end. */
    int next(int t) {
      int n = t + 1;
      while (n < count && statement.type(n) == TokenType.COMMENT) {
        n++;
      }
      return n;
    }

    /** The comparison operator token {@code t} is, or null. */
    Form comparison(int t) {
      if (t < 0 || t >= count || statement.type(t) != TokenType.OPERATOR) {
        return null;
      }
      if (statement.is(t, "=")) {
        return Form.EQUALS;
      }
      if (statement.is(t, "<=>")) {
        return Form.NULL_SAFE;
      }
      return statement.is(t, "<>") || statement.is(t, "!=") ? Form.NOT_EQUALS : null;
    }

    /**
     * Whether a comparison may start right after token {@code t}: {@code t} binds more loosely than any
     * comparison operator, so the comparison is a whole operand whichever way it is written.
     */
    boolean startsComparison(int t) {
      if (t < 0) {
        return false;
      }
      TokenType type = statement.type(t);
      if (type == TokenType.LEFT_PAREN || type == TokenType.COMMA) {
        return true;
      }
      if (type == TokenType.OPERATOR) {
        return statement.is(t, "&&");
      }
      return type == TokenType.KEYWORD && isAny(t, LEFT_WORDS);
    }

    /** Whether a comparison may end right before token {@code t} (see {@link #startsComparison}). */
    boolean endsComparison(int t) {
      if (t >= count) {
        return true;
      }
      TokenType type = statement.type(t);
      if (type == TokenType.RIGHT_PAREN || type == TokenType.COMMA || type == TokenType.SEMICOLON) {
        return true;
      }
      if (type == TokenType.OPERATOR) {
        return statement.is(t, "&&");
      }
      return type == TokenType.KEYWORD && isAny(t, RIGHT_WORDS);
    }

    /**
     * The first token of the name ({@code col}, {@code t.col}, {@code s.t.col}, quoted or not) that ends
     * with token {@code last}, or -1 when {@code last} does not end one.
     */
    int nameBefore(int last) {
      if (!isColumnName(last)) {
        return -1;
      }
      int first = last;
      for (int parts = 1; ; parts++) {
        int dot = previous(first);
        if (dot < 0 || statement.type(dot) != TokenType.DOT) {
          return first;
        }
        int qualifier = previous(dot);
        if (parts == 3 || !isNamePart(qualifier)) {
          return -1;
        }
        first = qualifier;
      }
    }

    /** The last token of the name that starts with token {@code first}, or -1 (see {@link #nameBefore}). */
    int nameAfter(int first) {
      int last = first;
      for (int parts = 1; ; parts++) {
        int dot = next(last);
        if (dot >= count || statement.type(dot) != TokenType.DOT) {
          return isColumnName(last) ? last : -1;
        }
        int part = next(dot);
        if (parts == 3 || part >= count || !isNamePart(last) || !isNamePart(part)) {
          return -1;
        }
        last = part;
      }
    }

    /**
     * An element of {@code col [NOT] IN (…)}: the value stands alone between commas or the list's
     * parentheses, and the list follows a plain column name.
     */
    Site inElement(int v, int before, int after) {
      if (before < 0 || after >= count) {
        return null;
      }
      TokenType b = statement.type(before);
      TokenType a = statement.type(after);
      if (b != TokenType.LEFT_PAREN && b != TokenType.COMMA || a != TokenType.RIGHT_PAREN && a != TokenType.COMMA) {
        return null;
      }
      int open = openingParenthesis(before);
      int in = previous(open);
      if (open < 0 || in < 0 || statement.type(in) != TokenType.KEYWORD || !statement.is(in, "IN")) {
        return null;
      }
      int left = previous(in);
      if (left >= 0 && statement.type(left) == TokenType.KEYWORD && statement.is(left, "NOT")) {
        left = previous(left);
      }
      int name = nameBefore(left);
      if (name < 0 || !startsComparison(previous(name))) {
        return null;
      }
      return new Site(Form.IN_ELEMENT, statement.valueStart(v), statement.valueEnd(v), -1, -1);
    }

    /** The unmatched {@code (} at or before token {@code t}, or -1. */
    private int openingParenthesis(int t) {
      int depth = 0;
      for (int p = t; p >= 0; p--) {
        TokenType type = statement.type(p);
        if (type == TokenType.RIGHT_PAREN) {
          depth++;
        } else if (type == TokenType.LEFT_PAREN) {
          if (depth == 0) {
            return p;
          }
          depth--;
        }
      }
      return -1;
    }

    /** A name's last part: any name, or a word the lexer reads as a keyword when it is the column's name. */
    private boolean isColumnName(int t) {
      if (t < 0 || t >= count) {
        return false;
      }
      TokenType type = statement.type(t);
      if (type == TokenType.IDENTIFIER || type == TokenType.QUOTED_IDENTIFIER) {
        return true;
      }
      return type == TokenType.KEYWORD && column != null && statement.text(t).toLowerCase(Locale.ROOT)
          .equals(column);
    }

    /** A schema or table part of a name: before a dot MySQL reads any word as a name. */
    private boolean isNamePart(int t) {
      if (t < 0 || t >= count) {
        return false;
      }
      TokenType type = statement.type(t);
      return type == TokenType.IDENTIFIER || type == TokenType.QUOTED_IDENTIFIER || type == TokenType.KEYWORD;
    }

    private boolean isAny(int t, String[] words) {
      for (String word : words) {
        if (statement.is(t, word)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Words after which a comparison is a whole operand. */
  private static final String[] LEFT_WORDS = {"WHERE", "AND", "OR", "XOR", "NOT", "ON", "HAVING", "WHEN", "THEN",
      "ELSE", "SELECT"};
  /** Words before which a comparison is a whole operand. */
  private static final String[] RIGHT_WORDS = {"AND", "OR", "XOR", "THEN", "ELSE", "END", "WHEN", "FROM", "AS",
      "WHERE", "ORDER", "GROUP", "HAVING", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "FOR", "LOCK", "WINDOW",
      "INTO", "JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "STRAIGHT_JOIN", "NATURAL"};
}
