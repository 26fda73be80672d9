package dev.aegis.analysis;

import java.util.Locale;

/**
 * What one pass over the raw characters tells before (or instead of) parsing: how many {@code ?}
 * placeholders and top-level statements the text holds, its first two keywords, and whether it writes to
 * a file. Quotes ({@code '…'}, {@code "…"} with backslash escapes, {@code `…`}) and comments are skipped
 * the way the parser skips them, so the placeholder count is the parser's count.
 */
final class SqlText {

  final String sql;
  /** {@code ?} outside quotes and comments. */
  final int placeholders;
  /** Non-empty segments between top-level {@code ;}. */
  final int statements;
  /** First keyword, upper case, or "" when the text has none. */
  final String first;
  /** Second keyword, upper case, or "". */
  final String second;
  /** {@code INTO OUTFILE} or {@code INTO DUMPFILE} outside quotes. */
  final boolean intoFile;
  /** Only words, white space, commas and semicolons: nothing that can hide an expression. */
  final boolean onlyWords;
  /** Deepest nesting of parentheses outside quotes and comments. */
  final int depth;

  private SqlText(String sql, int placeholders, int statements, String first, String second,
      boolean intoFile, boolean onlyWords, int depth) {
    this.sql = sql;
    this.placeholders = placeholders;
    this.statements = statements;
    this.first = first;
    this.second = second;
    this.intoFile = intoFile;
    this.onlyWords = onlyWords;
    this.depth = depth;
  }

  static SqlText scan(String sql) {
    int n = sql.length();
    int placeholders = 0;
    int statements = 0;
    boolean segmentHasContent = false;
    String first = "";
    String second = "";
    boolean previousWasInto = false;
    boolean intoFile = false;
    boolean onlyWords = true;
    int depth = 0;
    int maxDepth = 0;
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(sql, i, c);
        segmentHasContent = true;
        onlyWords = false;
        previousWasInto = false;
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        continue;
      }
      if ((c == '-' && i + 2 < n && sql.charAt(i + 1) == '-' && Character.isWhitespace(sql.charAt(i + 2)))
          || c == '#') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (isWordStart(c)) {
        int start = i;
        while (i < n && isWordPart(sql.charAt(i))) {
          i++;
        }
        int length = i - start;
        if (first.isEmpty()) {
          first = sql.substring(start, i).toUpperCase(Locale.ROOT);
        } else if (second.isEmpty() && statements == 0) {
          second = sql.substring(start, i).toUpperCase(Locale.ROOT);
        }
        if (previousWasInto && (length == 7 && sql.regionMatches(true, start, "OUTFILE", 0, 7)
            || length == 8 && sql.regionMatches(true, start, "DUMPFILE", 0, 8))) {
          intoFile = true;
        }
        previousWasInto = length == 4 && sql.regionMatches(true, start, "INTO", 0, 4);
        segmentHasContent = true;
        continue;
      }
      if (c == ';') {
        if (segmentHasContent) {
          statements++;
        }
        segmentHasContent = false;
      } else if (!Character.isWhitespace(c)) {
        segmentHasContent = true;
        if (c != ',') {
          onlyWords = false;
        }
        if (c == '?') {
          placeholders++;
        } else if (c == '(') {
          maxDepth = Math.max(maxDepth, ++depth);
        } else if (c == ')') {
          depth--;
        }
      }
      i++;
    }
    if (segmentHasContent) {
      statements++;
    }
    return new SqlText(sql, placeholders, Math.max(statements, 1), first, second, intoFile, onlyWords,
        maxDepth);
  }

  /** The text with every placeholder outside quotes and comments replaced by {@code 1}. */
  String placeholdersAsNumbers() {
    StringBuilder out = new StringBuilder(sql);
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(sql, i, c);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        if (c == '?') {
          out.setCharAt(i, '1');
        }
        i++;
      }
    }
    return out.toString();
  }

  private static int skipQuoted(String sql, int open, char quote) {
    int n = sql.length();
    int i = open + 1;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\\' && quote != '`') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return n;
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
