package dev.aegis.lexer;

/**
 * A one-pass lexer for MySQL text. It never fails and never looks back: every character is visited once,
 * so its cost is linear in the length it is allowed to read ({@link LexerLimits}), whatever the input.
 *
 * <p>It knows MySQL's literal forms (both quote styles with backslash and doubled-quote escapes,
 * {@code _charset} and {@code N} introducers, {@code X'…'}, {@code 0x…}, {@code b'…'}, {@code 0b…}),
 * backtick identifiers, {@code @} and {@code @@} variables, {@code ?} parameters, the three comment styles
 * (with MySQL's rule that {@code --} starts a comment only when followed by whitespace or the end) and
 * executable comments {@code /*! … *}{@code /} and {@code /*!50000 … *}{@code /}, whose content is lexed as
 * SQL because the server runs it.
 */
public final class Lexer {
  private final String sql;
  private final int end;
  private final LexerLimits limits;
  private final TokenBuffer tokens;
  private int depth;
  private int maxDepth;
  private boolean inExecutableComment;
  private boolean unterminated;
  private boolean oddWhitespace;
  private String overLimit;

  private Lexer(String sql, LexerLimits limits) {
    this.sql = sql;
    this.limits = limits;
    this.end = Math.min(sql.length(), limits.maxLength());
    this.tokens = new TokenBuffer(Math.min(64, Math.max(8, end / 4)));
    if (sql.length() > limits.maxLength()) {
      overLimit = "longer than " + limits.maxLength() + " characters";
    }
  }

  /** Lexes {@code sql} within the default limits. */
  public static LexedStatement lex(String sql) {
    return lex(sql, LexerLimits.DEFAULTS);
  }

  /** Lexes {@code sql} within {@code limits} and digests it. */
  public static LexedStatement lex(String sql, LexerLimits limits) {
    Lexer lexer = new Lexer(sql == null ? "" : sql, limits);
    lexer.run();
    return LexedStatement.of(lexer.sql, lexer.tokens, lexer.maxDepth, lexer.unterminated, lexer.oddWhitespace,
        lexer.overLimit);
  }

  private void run() {
    int i = 0;
    while (i < end) {
      if (tokens.size() >= limits.maxTokens()) {
        overLimit = "more than " + limits.maxTokens() + " tokens";
        return;
      }
      char c = sql.charAt(i);
      if (c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          oddWhitespace = true;
        }
        i++;
      } else if (c == '\'' || c == '"') {
        i = quoted(i, i, c, TokenType.STRING);
      } else if (c == '`') {
        i = quoted(i, i, '`', TokenType.QUOTED_IDENTIFIER);
      } else if (c == '#') {
        i = lineComment(i);
      } else if (c == '-' && at(i + 1) == '-' && (i + 2 >= end || isSpace(at(i + 2)))) {
        i = lineComment(i);
      } else if (c == '/' && at(i + 1) == '*') {
        i = blockComment(i);
      } else if (c == '*' && at(i + 1) == '/' && inExecutableComment) {
        inExecutableComment = false;
        tokens.add(TokenType.EXECUTABLE_COMMENT_END, i, i + 2);
        i += 2;
      } else if (isDigit(c) || c == '.' && isDigit(at(i + 1)) && !afterName(i)) {
        i = number(i);
      } else if (isNameStart(c)) {
        i = name(i);
      } else if (c == '@') {
        i = variable(i);
      } else if (c == '?') {
        tokens.add(TokenType.PLACEHOLDER, i, i + 1);
        i++;
      } else if (c == '(') {
        depth++;
        if (depth > maxDepth) {
          maxDepth = depth;
          if (depth > limits.maxDepth() && overLimit == null) {
            overLimit = "nested deeper than " + limits.maxDepth() + " parentheses";
          }
        }
        tokens.add(TokenType.LEFT_PAREN, i, i + 1);
        i++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
        tokens.add(TokenType.RIGHT_PAREN, i, i + 1);
        i++;
      } else if (c == ',') {
        tokens.add(TokenType.COMMA, i, i + 1);
        i++;
      } else if (c == '.') {
        tokens.add(TokenType.DOT, i, i + 1);
        i++;
      } else if (c == ';') {
        tokens.add(TokenType.SEMICOLON, i, i + 1);
        i++;
      } else if ("=<>!+-*/%&|^~:".indexOf(c) >= 0) {
        i = operator(i);
      } else {
        tokens.add(TokenType.UNKNOWN, i, i + 1);
        i++;
      }
    }
    if (inExecutableComment) {
      unterminated = true;
    }
    if (end < sql.length()) {
      // Cut at the length limit: an open string there is the cut, not the statement's own.
      unterminated = false;
    }
  }

  /** A quoted string or identifier from {@code quote}; {@code start} includes any introducer. */
  private int quoted(int start, int quote, char q, TokenType type) {
    int i = quote + 1;
    while (i < end) {
      char c = sql.charAt(i);
      if (c == '\\' && q != '`') {
        i += 2;
      } else if (c == q) {
        if (at(i + 1) == q) {
          i += 2;
        } else {
          tokens.add(type, start, i + 1);
          return i + 1;
        }
      } else {
        i++;
      }
    }
    unterminated = true;
    tokens.add(type, start, end);
    return end;
  }

  private int lineComment(int start) {
    int i = start;
    while (i < end && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
      i++;
    }
    tokens.add(TokenType.COMMENT, start, i);
    return i;
  }

  private int blockComment(int start) {
    if (at(start + 2) == '!' && !inExecutableComment) {
      int i = start + 3;
      while (i < end && i < start + 9 && isDigit(sql.charAt(i))) {
        i++;
      }
      inExecutableComment = true;
      tokens.add(TokenType.EXECUTABLE_COMMENT_START, start, i);
      return i;
    }
    int close = sql.indexOf("*/", start + 2);
    if (close < 0 || close + 2 > end) {
      unterminated = true;
      tokens.add(TokenType.COMMENT, start, end);
      return end;
    }
    tokens.add(TokenType.COMMENT, start, close + 2);
    return close + 2;
  }

  private int number(int start) {
    int i = start;
    if (sql.charAt(i) == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X') && isHexDigit(at(i + 2))) {
      i += 2;
      while (i < end && isHexDigit(sql.charAt(i))) {
        i++;
      }
      return isNamePart(at(i)) ? name(start) : add(TokenType.HEX, start, i);
    }
    if (sql.charAt(i) == '0' && (at(i + 1) == 'b' || at(i + 1) == 'B') && isBinaryDigit(at(i + 2))) {
      i += 2;
      while (i < end && isBinaryDigit(sql.charAt(i))) {
        i++;
      }
      return isNamePart(at(i)) ? name(start) : add(TokenType.BIT, start, i);
    }
    while (i < end && isDigit(sql.charAt(i))) {
      i++;
    }
    if (at(i) == '.') {
      i++;
      while (i < end && isDigit(sql.charAt(i))) {
        i++;
      }
    }
    if ((at(i) == 'e' || at(i) == 'E')
        && (isDigit(at(i + 1)) || (at(i + 1) == '+' || at(i + 1) == '-') && isDigit(at(i + 2)))) {
      i += 2;
      while (i < end && isDigit(sql.charAt(i))) {
        i++;
      }
    }
    // MySQL names may start with digits (1abc is a name); a number is digits not followed by a name part.
    if (isNamePart(at(i)) && at(i) != '.') {
      return name(start);
    }
    return add(TokenType.NUMBER, start, i);
  }

  private int name(int start) {
    int i = start;
    while (i < end && isNamePart(sql.charAt(i))) {
      i++;
    }
    char next = at(i);
    if (next == '\'' || next == '"') {
      // Introducers: _utf8mb4'…', N'…', X'…', B'…'.
      char first = sql.charAt(start);
      int length = i - start;
      if (length == 1 && (first == 'x' || first == 'X') && next == '\'') {
        return quoted(start, i, '\'', TokenType.HEX);
      }
      if (length == 1 && (first == 'b' || first == 'B') && next == '\'') {
        return quoted(start, i, '\'', TokenType.BIT);
      }
      if (length == 1 && (first == 'n' || first == 'N') || first == '_' && length > 1) {
        return quoted(start, i, next, TokenType.STRING);
      }
    }
    return add(Keywords.isKeyword(sql, start, i) ? TokenType.KEYWORD : TokenType.IDENTIFIER, start, i);
  }

  private int variable(int start) {
    if (at(start + 1) == '@') {
      int i = start + 2;
      while (i < end && (isNamePart(sql.charAt(i)) || sql.charAt(i) == '.')) {
        i++;
      }
      return add(TokenType.SYSTEM_VARIABLE, start, i);
    }
    char next = at(start + 1);
    if (next == '\'' || next == '"' || next == '`') {
      return quoted(start, start + 1, next, TokenType.USER_VARIABLE);
    }
    int i = start + 1;
    while (i < end && (isNamePart(sql.charAt(i)) || sql.charAt(i) == '.')) {
      i++;
    }
    return add(TokenType.USER_VARIABLE, start, i);
  }

  private int operator(int start) {
    char c = sql.charAt(start);
    char n = at(start + 1);
    int length = 1;
    if (c == '<' && n == '=' && at(start + 2) == '>') {
      length = 3;
    } else if (c == '-' && n == '>' && at(start + 2) == '>') {
      length = 3;
    } else if (c == '<' && (n == '=' || n == '>' || n == '<') || c == '>' && (n == '=' || n == '>')
        || c == '!' && n == '=' || c == '|' && n == '|' || c == '&' && n == '&' || c == ':' && n == '='
        || c == '-' && n == '>') {
      length = 2;
    }
    return add(TokenType.OPERATOR, start, start + length);
  }

  private int add(TokenType type, int start, int stop) {
    tokens.add(type, start, stop);
    return stop;
  }

  /** Whether a name ends right at {@code i}, making a following {@code .5} a qualifier, not a number. */
  private boolean afterName(int i) {
    int last = tokens.size() - 1;
    return last >= 0 && tokens.end(last) == i
        && (tokens.type(last) == TokenType.IDENTIFIER || tokens.type(last) == TokenType.QUOTED_IDENTIFIER);
  }

  private char at(int i) {
    return i < end ? sql.charAt(i) : '\0';
  }

  private static boolean isSpace(char c) {
    return c <= ' ' || Character.isWhitespace(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static boolean isBinaryDigit(char c) {
    return c == '0' || c == '1';
  }

  private static boolean isNameStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c >= 0x80
        && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }
}
