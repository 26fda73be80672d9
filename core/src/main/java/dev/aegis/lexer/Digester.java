package dev.aegis.lexer;

/**
 * Writes the digest: the statement's shape with every literal replaced by {@code ?}, {@code IN} lists of
 * values folded to {@code IN (?)}, multi-row {@code VALUES} folded to their first row, keywords upper case,
 * names lower case, comments dropped (executable comments kept: they are SQL) and spacing decided by token
 * types alone, so values, case, whitespace and comments never change it.
 *
 * <p>It also maps every value (literal or parameter) of the statement to the digest {@code ?} that stands
 * for it, which is how analysis results about a {@code ?} reach the values of each execution.
 */
final class Digester {
  private final String sql;
  private final TokenBuffer tokens;
  private final boolean withExecutableMarkers;
  private final StringBuilder out;
  private final Values values;
  private int placeholders;
  private TokenType previous;
  private int previousToken = -1;

  /** Values found while digesting: spans in the original text and the digest {@code ?} each maps to. */
  static final class Values {
    int count;
    int[] starts = new int[8];
    int[] ends = new int[8];
    byte[] types = new byte[8];
    int[] placeholder = new int[8];

    void add(int start, int end, TokenType type, int slot) {
      if (count == starts.length) {
        starts = java.util.Arrays.copyOf(starts, count * 2);
        ends = java.util.Arrays.copyOf(ends, count * 2);
        types = java.util.Arrays.copyOf(types, count * 2);
        placeholder = java.util.Arrays.copyOf(placeholder, count * 2);
      }
      starts[count] = start;
      ends[count] = end;
      types[count] = (byte) type.ordinal();
      placeholder[count] = slot;
      count++;
    }
  }

  private Digester(String sql, TokenBuffer tokens, boolean withExecutableMarkers, Values values) {
    this.sql = sql;
    this.tokens = tokens;
    this.withExecutableMarkers = withExecutableMarkers;
    this.out = new StringBuilder(Math.min(sql.length(), 4096) + 16);
    this.values = values;
  }

  /** The digest, filling {@code values} (may be null when only the text is wanted). */
  static String digest(String sql, TokenBuffer tokens, boolean withExecutableMarkers, Values values) {
    Digester digester = new Digester(sql, tokens, withExecutableMarkers, values);
    digester.run();
    return digester.out.toString();
  }

  private void run() {
    int n = tokens.size();
    for (int i = 0; i < n; ) {
      TokenType type = tokens.type(i);
      if (type == TokenType.COMMENT) {
        i++;
      } else if ((type == TokenType.EXECUTABLE_COMMENT_START || type == TokenType.EXECUTABLE_COMMENT_END)
          && !withExecutableMarkers) {
        i++;
      } else if (type == TokenType.KEYWORD && isWord(i, "IN")) {
        i = inList(i);
      } else if (type == TokenType.KEYWORD && (isWord(i, "VALUES") || isWord(i, "VALUE"))) {
        i = valuesRows(i);
      } else if (signedNumber(i)) {
        int number = next(i);
        value(tokens.start(i), number);
        i = number + 1;
      } else if (type.isValue()) {
        value(tokens.start(i), i);
        i++;
      } else {
        word(i);
        i++;
      }
    }
  }

  /** {@code IN (v, v, …)} with only values inside: one {@code ?} for all of them. */
  private int inList(int in) {
    word(in);
    int open = next(in);
    if (open < 0 || tokens.type(open) != TokenType.LEFT_PAREN) {
      return in + 1;
    }
    int close = simpleList(open);
    if (close < 0) {
      return in + 1;
    }
    word(open);
    int slot = placeholders++;
    append("?", TokenType.PLACEHOLDER, -1);
    for (int i = next(open); i >= 0 && i < close; i = next(i)) {
      if (signedNumber(i)) {
        int sign = i;
        i = next(i);
        addValue(tokens.start(sign), i, slot);
      } else if (tokens.type(i).isValue()) {
        addValue(tokens.start(i), i, slot);
      }
    }
    word(close);
    return close + 1;
  }

  /** {@code VALUES (…), (…)}: rows of plain values with the same shape fold into the first row. */
  private int valuesRows(int keyword) {
    word(keyword);
    int open = next(keyword);
    if (open < 0 || tokens.type(open) != TokenType.LEFT_PAREN) {
      return keyword + 1;
    }
    int close = simpleRow(open);
    if (close < 0) {
      return keyword + 1;
    }
    // The first row as usual, remembering the digest ? of each position.
    int[] slots = new int[8];
    int arity = 0;
    word(open);
    for (int i = next(open); i >= 0 && i < close; i = next(i)) {
      if (tokens.type(i) == TokenType.COMMA) {
        word(i);
        arity++;
        continue;
      }
      int slot = -1;
      if (signedNumber(i)) {
        int number = next(i);
        slot = value(tokens.start(i), number);
        i = number;
      } else if (tokens.type(i).isValue()) {
        slot = value(tokens.start(i), i);
      } else {
        word(i);
      }
      if (arity >= slots.length) {
        slots = java.util.Arrays.copyOf(slots, slots.length * 2);
      }
      slots[arity] = slot;
    }
    word(close);
    arity++;
    // Further rows of the same shape map onto the first row's placeholders.
    int last = close;
    while (true) {
      int comma = next(last);
      if (comma < 0 || tokens.type(comma) != TokenType.COMMA) {
        break;
      }
      int rowOpen = next(comma);
      if (rowOpen < 0 || tokens.type(rowOpen) != TokenType.LEFT_PAREN) {
        break;
      }
      int rowClose = simpleRow(rowOpen);
      if (rowClose < 0 || !sameShape(open, close, rowOpen, rowClose)) {
        break;
      }
      int position = 0;
      for (int i = next(rowOpen); i >= 0 && i < rowClose; i = next(i)) {
        if (tokens.type(i) == TokenType.COMMA) {
          position++;
        } else if (signedNumber(i)) {
          int number = next(i);
          addValue(tokens.start(i), number, slots[position]);
          i = number;
        } else if (tokens.type(i).isValue()) {
          addValue(tokens.start(i), i, slots[position]);
        }
      }
      last = rowClose;
    }
    return last + 1;
  }

  /** The closing parenthesis of {@code (v, v, …)} with at least one value and nothing but values, or -1. */
  private int simpleList(int open) {
    return simpleGroup(open, false);
  }

  /** Like {@link #simpleList} but NULL, DEFAULT, TRUE and FALSE may stand for a value. */
  private int simpleRow(int open) {
    return simpleGroup(open, true);
  }

  private int simpleGroup(int open, boolean keywordValues) {
    boolean expectValue = true;
    for (int i = next(open); i >= 0; i = next(i)) {
      TokenType type = tokens.type(i);
      if (expectValue) {
        if (signedNumber(i)) {
          i = next(i);
        } else if (!type.isValue() && !(keywordValues && type == TokenType.KEYWORD && (isWord(i, "NULL")
            || isWord(i, "DEFAULT") || isWord(i, "TRUE") || isWord(i, "FALSE")))) {
          return -1;
        }
        expectValue = false;
      } else if (type == TokenType.COMMA) {
        expectValue = true;
      } else {
        return type == TokenType.RIGHT_PAREN ? i : -1;
      }
    }
    return -1;
  }

  /** Rows match when each position is a value in both or the same keyword in both. */
  private boolean sameShape(int open, int close, int otherOpen, int otherClose) {
    int i = next(open);
    int j = next(otherOpen);
    while (i >= 0 && j >= 0 && i <= close && j <= otherClose) {
      if (signedNumber(i)) {
        i = next(i);
      }
      if (signedNumber(j)) {
        j = next(j);
      }
      TokenType a = tokens.type(i);
      TokenType b = tokens.type(j);
      boolean same = a.isValue() && b.isValue() || a == b && !a.isValue()
          && (a != TokenType.KEYWORD || sameWord(i, j));
      if (!same) {
        return false;
      }
      if (i == close || j == otherClose) {
        return i == close && j == otherClose;
      }
      i = next(i);
      j = next(j);
    }
    return false;
  }

  /** A {@code -} or {@code +} that is a sign, directly before a number. */
  private boolean signedNumber(int i) {
    if (tokens.type(i) != TokenType.OPERATOR || tokens.end(i) - tokens.start(i) != 1) {
      return false;
    }
    char c = sql.charAt(tokens.start(i));
    int number = next(i);
    if (c != '-' && c != '+' || number < 0 || tokens.type(number) != TokenType.NUMBER) {
      return false;
    }
    int before = previousSignificant(i);
    if (before < 0) {
      return true;
    }
    TokenType type = tokens.type(before);
    return type == TokenType.OPERATOR || type == TokenType.LEFT_PAREN || type == TokenType.COMMA
        || type == TokenType.KEYWORD && !isWord(before, "NULL") && !isWord(before, "TRUE")
            && !isWord(before, "FALSE") && !isWord(before, "END");
  }

  /** Appends {@code ?} for the value token {@code token} whose text starts at {@code start}. */
  private int value(int start, int token) {
    int slot = placeholders++;
    append("?", TokenType.PLACEHOLDER, -1);
    addValue(start, token, slot);
    return slot;
  }

  private void addValue(int start, int token, int slot) {
    if (values != null) {
      values.add(start, tokens.end(token), tokens.type(token), slot);
    }
  }

  private void word(int i) {
    TokenType type = tokens.type(i);
    int start = tokens.start(i);
    int end = tokens.end(i);
    separate(type);
    switch (type) {
      case KEYWORD -> {
        for (int c = start; c < end; c++) {
          out.append(Keywords.upperAscii(sql.charAt(c)));
        }
      }
      case IDENTIFIER, SYSTEM_VARIABLE -> {
        for (int c = start; c < end; c++) {
          out.append(Keywords.lowerAscii(sql.charAt(c)));
        }
      }
      default -> out.append(sql, start, end);
    }
    previous = type;
    previousToken = i;
  }

  private void append(String text, TokenType type, int start) {
    separate(type);
    out.append(text);
    previous = type;
    previousToken = -1;
  }

  /**
   * One space between tokens, none inside parentheses, before commas or around dots, and none between a
   * function's name and its parenthesis. Decided by token types only, never by the original spacing.
   */
  private void separate(TokenType type) {
    if (previous == null) {
      return;
    }
    boolean tight = previous == TokenType.LEFT_PAREN || previous == TokenType.DOT
        || type == TokenType.RIGHT_PAREN || type == TokenType.COMMA || type == TokenType.DOT
        || type == TokenType.SEMICOLON
        || type == TokenType.LEFT_PAREN && (previous == TokenType.IDENTIFIER
            || previous == TokenType.QUOTED_IDENTIFIER
            || previous == TokenType.KEYWORD && previousToken >= 0 && isFunctionKeyword(previousToken));
    if (!tight) {
      out.append(' ');
    }
  }

  /** Reserved words that are also function names: {@code CHAR(65)}, {@code IF(a, b, c)}, {@code LEFT(s, 1)}. */
  private boolean isFunctionKeyword(int i) {
    for (String word : FUNCTION_KEYWORDS) {
      if (isWord(i, word)) {
        return true;
      }
    }
    return false;
  }

  private static final String[] FUNCTION_KEYWORDS = {"CHAR", "LEFT", "RIGHT", "IF", "REPLACE", "INSERT",
      "DATABASE", "USER", "MOD", "REPEAT", "CONVERT", "CURRENT_USER", "MATCH", "SCHEMA", "TRUNCATE",
      "ROW_NUMBER", "RANK", "DENSE_RANK", "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE", "NTILE",
      "CUME_DIST", "PERCENT_RANK", "GROUPING", "PASSWORD", "CURRENT_DATE", "CURRENT_TIME",
      "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP",
      "JSON_TABLE"};

  private boolean isWord(int i, String upper) {
    return Keywords.is(sql, tokens.start(i), tokens.end(i), upper);
  }

  private boolean sameWord(int i, int j) {
    int length = tokens.end(i) - tokens.start(i);
    if (length != tokens.end(j) - tokens.start(j)) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (Keywords.upperAscii(sql.charAt(tokens.start(i) + k)) != Keywords.upperAscii(sql.charAt(tokens.start(j) + k))) {
        return false;
      }
    }
    return true;
  }

  /** The next token that is not an ordinary comment, or -1. */
  private int next(int i) {
    for (int j = i + 1; j < tokens.size(); j++) {
      if (tokens.type(j) != TokenType.COMMENT) {
        return j;
      }
    }
    return -1;
  }

  private int previousSignificant(int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (tokens.type(j) != TokenType.COMMENT) {
        return j;
      }
    }
    return -1;
  }
}
