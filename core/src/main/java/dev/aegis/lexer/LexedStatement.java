package dev.aegis.lexer;

/**
 * One statement after the lexer: its tokens, its digest and its values (literals and parameters), each
 * mapped to the digest {@code ?} that stands for it. Immutable after construction; tokens are kept as
 * arrays, not objects, so lexing allocates little.
 */
public final class LexedStatement {
  private static final TokenType[] TYPES = TokenType.values();

  private final String sql;
  private final TokenBuffer tokens;
  private final String digest;
  private final Digester.Values values;
  private final int placeholders;
  private final int maxDepth;
  private final boolean unterminated;
  private final boolean oddWhitespace;
  private final String overLimit;
  private final boolean tailHidesSql;
  private final boolean backslashEscapes;
  private final boolean backslashInStrings;
  private final int statementCount;
  private volatile String parseText;

  private LexedStatement(String sql, TokenBuffer tokens, int maxDepth, boolean unterminated,
      boolean oddWhitespace, String overLimit, boolean tailHidesSql, boolean backslashEscapes,
      boolean backslashInStrings) {
    this.sql = sql;
    this.backslashEscapes = backslashEscapes;
    this.backslashInStrings = backslashInStrings;
    this.tokens = tokens;
    this.maxDepth = maxDepth;
    this.unterminated = unterminated;
    this.oddWhitespace = oddWhitespace;
    this.overLimit = overLimit;
    this.tailHidesSql = tailHidesSql;
    this.values = new Digester.Values();
    String shape = Digester.digest(sql, tokens, true, values);
    // A statement cut by a limit never shares its shape (and cached analysis) with the statement it starts
    // like; ordinary comments never reach a digest, so this marker cannot occur in one.
    this.digest = overLimit == null ? shape : shape + " /*over limits*/";
    int max = -1;
    for (int v = 0; v < values.count; v++) {
      max = Math.max(max, values.placeholder[v]);
    }
    this.placeholders = max + 1;
    this.statementCount = countStatements(tokens);
  }

  static LexedStatement of(String sql, TokenBuffer tokens, int maxDepth, boolean unterminated,
      boolean oddWhitespace, String overLimit, boolean tailHidesSql, boolean backslashEscapes,
      boolean backslashInStrings) {
    return new LexedStatement(sql, tokens, maxDepth, unterminated, oddWhitespace, overLimit, tailHidesSql,
        backslashEscapes, backslashInStrings);
  }

  /** The statement as the application wrote it. */
  public String sql() {
    return sql;
  }

  /**
   * The statement's shape: literals as {@code ?}, value lists folded, keywords upper case, names lower case,
   * ordinary comments and spacing normalised. Executable comments stay, as {@code /*!50000 … *}{@code /}.
   */
  public String digest() {
    return digest;
  }

  /** The digest with executable comments opened (their content inlined): what the parser reads. */
  public String parseText() {
    String text = parseText;
    if (text == null) {
      parseText = text = Digester.digest(sql, tokens, false, null);
    }
    return text;
  }

  public int tokenCount() {
    return tokens.size();
  }

  public TokenType type(int token) {
    return tokens.type(token);
  }

  public int start(int token) {
    return tokens.start(token);
  }

  public int end(int token) {
    return tokens.end(token);
  }

  /** The token's text as written (allocates; for diagnostics and rare checks). */
  public String text(int token) {
    return sql.substring(tokens.start(token), tokens.end(token));
  }

  /** Whether the token is the word {@code upper} (given in upper case), in any case. No allocation. */
  public boolean is(int token, String upper) {
    return Keywords.is(sql, tokens.start(token), tokens.end(token), upper);
  }

  /** Literals and parameters, in text order. */
  public int valueCount() {
    return values.count;
  }

  /** Where value {@code v} starts, including a sign or introducer. */
  public int valueStart(int v) {
    return values.starts[v];
  }

  public int valueEnd(int v) {
    return values.ends[v];
  }

  /** STRING, NUMBER, HEX, BIT or PLACEHOLDER. */
  public TokenType valueType(int v) {
    return TYPES[values.types[v]];
  }

  /** The digest {@code ?} (from 0) that stands for value {@code v}. */
  public int valuePlaceholder(int v) {
    return values.placeholder[v];
  }

  /** How many {@code ?} the digest holds. */
  public int placeholderCount() {
    return placeholders;
  }

  /** The first value standing behind digest placeholder {@code p}, or -1. */
  public int firstValueOf(int p) {
    for (int v = 0; v < values.count; v++) {
      if (values.placeholder[v] == p) {
        return v;
      }
    }
    return -1;
  }

  /**
   * The digest placeholder of the value that ends where {@code token} ends (a literal, a signed number or
   * a parameter), or -1 when the token is not a value.
   */
  public int placeholderAt(int token) {
    int end = tokens.end(token);
    int low = 0;
    int high = values.count - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int midEnd = values.ends[mid];
      if (midEnd < end) {
        low = mid + 1;
      } else if (midEnd > end) {
        high = mid - 1;
      } else {
        return values.placeholder[mid];
      }
    }
    return -1;
  }

  /** The value's text as written: {@code 'O\'Reilly'}, {@code -5}, {@code 0x41}, {@code ?}. */
  public String valueText(int v) {
    return sql.substring(values.starts[v], values.ends[v]);
  }

  /**
   * What a literal means: a string's content with its quotes, escapes and introducer removed; a number or
   * hex/bit literal as written; null for a parameter.
   */
  public String literalValue(int v) {
    return Literals.decode(sql, values.starts[v], values.ends[v], valueType(v), backslashEscapes);
  }

  /** Deepest parenthesis nesting. */
  public int maxDepth() {
    return maxDepth;
  }

  /** A string, quoted name or comment runs to the end of the text. */
  public boolean unterminated() {
    return unterminated;
  }

  /** Whitespace other than space, tab, CR and LF (vertical tab, form feed, no-break space …). */
  public boolean oddWhitespace() {
    return oddWhitespace;
  }

  /** Which limit the statement went over while lexing, or null. */
  public String overLimit() {
    return overLimit;
  }

  /**
   * A string literal holds a backslash: a server in {@code NO_BACKSLASH_ESCAPES} mode would read this
   * statement differently, so it is worth judging both ways.
   */
  public boolean backslashInStrings() {
    return backslashInStrings;
  }

  /** Past a limit, the unkept rest of the text held SQL keywords, comments or a {@code ;}. */
  public boolean tailHidesSql() {
    return tailHidesSql;
  }

  /** Statements in the text: more than one when a {@code ;} is followed by more SQL. */
  public int statementCount() {
    return statementCount;
  }

  private int countStatements(TokenBuffer tokens) {
    if (isRoutineDefinition(tokens)) {
      return 1; // CREATE PROCEDURE … BEGIN …; …; END: the semicolons belong to the body
    }
    int count = 0;
    boolean open = false;
    for (int i = 0; i < tokens.size(); i++) {
      TokenType type = tokens.type(i);
      if (type == TokenType.SEMICOLON) {
        open = false;
      } else if (type != TokenType.COMMENT && !open) {
        open = true;
        count++;
      }
    }
    return count;
  }

  /** CREATE [DEFINER = …] PROCEDURE/FUNCTION/TRIGGER/EVENT before the first semicolon. */
  private boolean isRoutineDefinition(TokenBuffer tokens) {
    boolean create = false;
    for (int i = 0; i < tokens.size(); i++) {
      TokenType type = tokens.type(i);
      if (type == TokenType.COMMENT) {
        continue;
      }
      if (type == TokenType.SEMICOLON) {
        return false;
      }
      if (!create) {
        if (!is(i, "CREATE")) {
          return false;
        }
        create = true;
      } else if (is(i, "PROCEDURE") || is(i, "FUNCTION") || is(i, "TRIGGER") || is(i, "EVENT")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return digest;
  }
}
