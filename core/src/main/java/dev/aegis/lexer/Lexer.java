package dev.aegis.lexer;

/**
 * A one-pass lexer for MySQL text. It never fails and never looks back: every character is visited once,
 * so its cost is linear in the length it is allowed to read ({@link LexerLimits}), whatever the input.
 *
 * <p>It knows MySQL's literal forms (both quote styles with backslash and doubled-quote escapes,
 * {@code _charset} and {@code N} introducers, {@code X'…'}, {@code 0x…}, {@code b'…'}, {@code 0b…}),
 * backtick identifiers, {@code @} and {@code @@} variables, {@code ?} parameters, the three comment styles
 * (with MySQL's rule that {@code --} starts a comment only when followed by a space or control character,
 * and that a line comment ends at LF only) and executable comments {@code /*! … *}{@code /},
 * {@code /*!50000 … *}{@code /} and MariaDB's {@code /*M! … *}{@code /}, nested or not, whose content is
 * lexed as SQL because the server runs it.
 *
 * <p>Past the length or token limit, tokens are no longer kept but the rest of the text is still read:
 * SQL keywords, comments or a {@code ;} found there are reported ({@link LexedStatement#tailHidesSql()}),
 * so padding a statement past the limits hides nothing.
 */
public final class Lexer {
  /** Keywords a bulk INSERT … ON DUPLICATE KEY UPDATE legitimately carries past the limits. */
  private static final String[] BULK_WORDS = {"ON", "DUPLICATE", "KEY", "UPDATE", "VALUES", "VALUE", "NULL",
      "TRUE", "FALSE", "DEFAULT", "AS"};

  private final String sql;
  private final int end;
  private final LexerLimits limits;
  private final TokenBuffer tokens;
  private final boolean backslashEscapes;
  private boolean backslashInStrings;
  private int depth;
  private int maxDepth;
  private int executableDepth;
  private boolean unterminated;
  private boolean oddWhitespace;
  private String overLimit;
  /** Past a limit tokens are no longer kept, only looked at: the rest of the text is still read. */
  private boolean tail;
  private boolean tailHidesSql;

  private Lexer(String sql, LexerLimits limits, boolean backslashEscapes) {
    this.sql = sql;
    this.limits = limits;
    this.backslashEscapes = backslashEscapes;
    this.end = sql.length();
    this.tokens = new TokenBuffer(Math.min(64, Math.max(8, Math.min(end, limits.maxLength()) / 4)));
  }

  /** Lexes {@code sql} within the default limits. */
  public static LexedStatement lex(String sql) {
    return lex(sql, LexerLimits.DEFAULTS);
  }

  /** Lexes {@code sql} within {@code limits} and digests it. */
  public static LexedStatement lex(String sql, LexerLimits limits) {
    return lex(sql, limits, true);
  }

  /**
   * Lexes {@code sql} as a server whose sql_mode has ({@code backslashEscapes == false}) or has not
   * {@code NO_BACKSLASH_ESCAPES} reads it: there, a backslash in a string is an ordinary character.
   */
  public static LexedStatement lex(String sql, LexerLimits limits, boolean backslashEscapes) {
    Lexer lexer = new Lexer(sql == null ? "" : sql, limits, backslashEscapes);
    lexer.run();
    return LexedStatement.of(lexer.sql, lexer.tokens, lexer.maxDepth, lexer.unterminated, lexer.oddWhitespace,
        lexer.overLimit, lexer.tailHidesSql, backslashEscapes, lexer.backslashInStrings);
  }

  private void run() {
    int i = 0;
    while (i < end) {
      if (!tail && tokens.size() >= limits.maxTokens()) {
        enterTail("more than " + limits.maxTokens() + " tokens");
      } else if (!tail && i >= limits.maxLength()) {
        enterTail("longer than " + limits.maxLength() + " characters");
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
      } else if (c == '-' && at(i + 1) == '-' && (i + 2 >= end || at(i + 2) <= ' ')) {
        i = lineComment(i);
      } else if (c == '/' && at(i + 1) == '*') {
        i = blockComment(i);
      } else if (c == '*' && at(i + 1) == '/' && executableDepth > 0) {
        executableDepth--;
        add(TokenType.EXECUTABLE_COMMENT_END, i, i + 2);
        i += 2;
      } else if (isDigit(c) || c == '.' && isDigit(at(i + 1)) && !afterName(i)) {
        i = number(i);
      } else if (isNameStart(c)) {
        i = name(i);
      } else if (c == '@') {
        i = variable(i);
      } else if (c == '?') {
        add(TokenType.PLACEHOLDER, i, i + 1);
        i++;
      } else if (c == '(') {
        depth++;
        if (depth > maxDepth) {
          maxDepth = depth;
          if (depth > limits.maxDepth() && overLimit == null) {
            overLimit = "nested deeper than " + limits.maxDepth() + " parentheses";
          }
        }
        add(TokenType.LEFT_PAREN, i, i + 1);
        i++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
        add(TokenType.RIGHT_PAREN, i, i + 1);
        i++;
      } else if (c == ',') {
        add(TokenType.COMMA, i, i + 1);
        i++;
      } else if (c == '.') {
        add(TokenType.DOT, i, i + 1);
        i++;
      } else if (c == ';') {
        add(TokenType.SEMICOLON, i, i + 1);
        i++;
      } else if ("=<>!+-*/%&|^~:".indexOf(c) >= 0) {
        i = operator(i);
      } else {
        add(TokenType.UNKNOWN, i, i + 1);
        i++;
      }
    }
    if (executableDepth > 0) {
      unterminated = true;
    }
  }

  private void enterTail(String limit) {
    tail = true;
    overLimit = limit;
  }

  /** A quoted string or identifier from {@code quote}; {@code start} includes any introducer. */
  private int quoted(int start, int quote, char q, TokenType type) {
    int i = quote + 1;
    while (i < end) {
      char c = sql.charAt(i);
      if (c == '\\' && q != '`') {
        backslashInStrings = true;
        i += backslashEscapes ? 2 : 1;
      } else if (c == q) {
        if (at(i + 1) == q) {
          i += 2;
        } else {
          add(type, start, i + 1);
          return i + 1;
        }
      } else {
        i++;
      }
    }
    unterminated = true;
    add(type, start, end);
    return end;
  }

  private int lineComment(int start) {
    int i = start;
    // MySQL and MariaDB end a line comment at LF only: a CR inside it does not end it.
    while (i < end && sql.charAt(i) != '\n') {
      i++;
    }
    add(TokenType.COMMENT, start, i);
    return i;
  }

  private int blockComment(int start) {
    // /*! … */ (MySQL) and /*M! … */ (MariaDB) are run by the server, also when nested in one another.
    int bang = at(start + 2) == '!' ? start + 2 : (at(start + 2) == 'M' && at(start + 3) == '!') ? start + 3 : -1;
    if (bang > 0) {
      int i = bang + 1;
      while (i < end && i < bang + 7 && isDigit(sql.charAt(i))) {
        i++;
      }
      executableDepth++;
      add(TokenType.EXECUTABLE_COMMENT_START, start, i);
      return i;
    }
    int close = sql.indexOf("*/", start + 2);
    if (close < 0 || close + 2 > end) {
      unterminated = true;
      add(TokenType.COMMENT, start, end);
      return end;
    }
    add(TokenType.COMMENT, start, close + 2);
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
    boolean decimal = false;
    if (at(i) == '.') {
      decimal = true;
      i++;
      while (i < end && isDigit(sql.charAt(i))) {
        i++;
      }
    }
    if ((at(i) == 'e' || at(i) == 'E')
        && (isDigit(at(i + 1)) || (at(i + 1) == '+' || at(i + 1) == '-') && isDigit(at(i + 2)))) {
      decimal = true;
      i += 2;
      while (i < end && isDigit(sql.charAt(i))) {
        i++;
      }
    }
    // MySQL names may start with digits (1abc is a name), but 1.0union and 1e0union are a number and a
    // keyword to the server, so only plain digits run on into a name.
    if (!decimal && isNamePart(at(i))) {
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

  /** Keeps the token, or past a limit only notes whether it is SQL where values should be. */
  private int add(TokenType type, int start, int stop) {
    if (!tail) {
      tokens.add(type, start, stop);
    } else if (type == TokenType.SEMICOLON || type == TokenType.COMMENT || type == TokenType.EXECUTABLE_COMMENT_START
        || type == TokenType.SYSTEM_VARIABLE || type == TokenType.KEYWORD && !isBulkWord(start, stop)) {
      tailHidesSql = true;
    }
    return stop;
  }

  private boolean isBulkWord(int start, int stop) {
    for (String word : BULK_WORDS) {
      if (Keywords.is(sql, start, stop, word)) {
        return true;
      }
    }
    return false;
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
