package dev.aegis.detect;

import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Signatures decided by a statement's shape, read from its tokens once per digest (the result is cached
 * with the analysis). Works whether or not the parser could read the statement, because injected
 * statements are often exactly the ones it cannot read.
 */
final class ShapeScanner {
  private static final Set<String> SYSTEM_SCHEMAS_LOW = Set.of("information_schema", "performance_schema", "sys");
  private static final Set<String> SYSTEM_SCHEMAS_HIGH = Set.of("mysql");
  private static final String[] DELAY = {"SLEEP", "BENCHMARK", "PG_SLEEP"};
  private static final String[] ERROR = {"EXTRACTVALUE", "UPDATEXML", "GTID_SUBSET", "GTID_SUBTRACT",
      "NAME_CONST", "ST_LATFROMGEOHASH", "ST_LONGFROMGEOHASH", "ST_POINTFROMGEOHASH"};
  private static final String[] GEOMETRY = {"POLYGON", "MULTIPOINT", "GEOMETRYCOLLECTION", "LINESTRING",
      "MULTILINESTRING", "MULTIPOLYGON"};
  private static final String[] INFO_SOURCES = {"DATABASE", "SCHEMA", "USER", "CURRENT_USER", "SYSTEM_USER",
      "SESSION_USER", "VERSION", "CONNECTION_ID"};
  private static final String[] PROBE_FUNCTIONS = {"SUBSTRING", "SUBSTR", "MID", "ASCII", "ORD", "LEFT",
      "RIGHT", "IF", "LENGTH", "CHAR_LENGTH", "HEX", "BIN", "CONV", "REVERSE", "STRCMP", "LOCATE", "INSTR",
      "POSITION", "ELT", "MAKE_SET", "FIELD", "IFNULL", "LPAD", "RPAD", "BIT_LENGTH", "UNHEX", "UUID_TO_BIN",
      "INET_ATON", "INET6_ATON"};
  /** How far a scan for what a call or CASE holds looks: keeps nested hostile input linear. */
  private static final int SCAN_LIMIT = 256;
  private static final String[] HIDDEN_KEYWORDS = {"UNION", "SELECT", "OR", "AND", "FROM", "WHERE", "INSERT",
      "UPDATE", "DELETE", "DROP", "SLEEP", "BENCHMARK", "INTO", "CONCAT", "CHAR", "HAVING", "ORDER", "XOR"};
  private static final String[] COMPARISONS = {"=", "<>", "!=", "<", ">", "<=", ">=", "<=>"};

  private final LexedStatement s;
  private final int[] sig;
  private final EnumSet<Signature> found = EnumSet.noneOf(Signature.class);
  private final List<ConstantTest> constants = new ArrayList<>();
  private boolean union;
  private boolean systemSchema;
  /** Whether the statement's first table (after FROM, UPDATE or INTO) is in a system schema; null: not seen. */
  private Boolean firstTableSystem;

  private ShapeScanner(LexedStatement statement) {
    this.s = statement;
    int[] significant = new int[statement.tokenCount()];
    int n = 0;
    for (int i = 0; i < statement.tokenCount(); i++) {
      TokenType type = statement.type(i);
      if (type != TokenType.COMMENT && type != TokenType.EXECUTABLE_COMMENT_START
          && type != TokenType.EXECUTABLE_COMMENT_END) {
        significant[n++] = i;
      }
    }
    this.sig = java.util.Arrays.copyOf(significant, n);
  }

  /** What the shape says, and the constant predicates whose truth each statement's values decide. */
  record Shape(Set<Signature> findings, List<ConstantTest> constants) {
    Shape {
      findings = Set.copyOf(findings);
      constants = List.copyOf(constants);
    }
  }

  static Shape scan(LexedStatement statement) {
    ShapeScanner scanner = new ShapeScanner(statement);
    scanner.run();
    return new Shape(scanner.found, scanner.constants);
  }

  private void run() {
    executableComments();
    boolean statementStart = true;
    for (int k = 0; k < sig.length; k++) {
      int t = sig[k];
      TokenType type = s.type(t);
      if (type == TokenType.SEMICOLON) {
        statementStart = true;
        continue;
      }
      if (statementStart) {
        statementStart(k);
        statementStart = false;
      }
      if (type == TokenType.KEYWORD) {
        keyword(k);
      } else if (type == TokenType.OPERATOR && (s.text(t).equals("||") || s.text(t).equals("&&"))) {
        constantOperand(k + 1, s.text(t).equals("||"));
      } else if (type == TokenType.OPERATOR && k + 2 < sig.length && isComparison(t) && isComparison(sig[k + 2])
          && isSimpleOperand(sig[k + 1])) {
        found.add(Signature.CHAINED_COMPARISON);
      } else if ((type == TokenType.IDENTIFIER || type == TokenType.QUOTED_IDENTIFIER) && next(k) == TokenType.DOT) {
        schema(t);
      }
      if ((type == TokenType.IDENTIFIER || type == TokenType.KEYWORD) && next(k) == TokenType.LEFT_PAREN) {
        call(k);
      }
      if (type == TokenType.SYSTEM_VARIABLE || isInfoCall(k)) {
        infoComparison(k);
      }
      if (type == TokenType.OPERATOR && s.text(t).equals("~") && k > 0 && k + 1 < sig.length
          && (s.text(sig[k - 1]).equals("-") || s.text(sig[k - 1]).equals("+") || s.text(sig[k - 1]).equals("*"))
          && s.type(sig[k + 1]) == TokenType.NUMBER && s.text(sig[k + 1]).equals("0")) {
        // x - ~0: BIGINT overflow, the error that carries a subquery's result back.
        found.add(Signature.ERROR_FUNCTION);
      }
    }
    if (union && systemSchema && !Boolean.TRUE.equals(firstTableSystem)) {
      // Flyway's own emptiness check is a UNION over information_schema: there the first table is one.
      found.add(Signature.UNION_SYSTEM_SCHEMA);
    }
    if (s.statementCount() > 1) {
      found.add(dangerousLaterStatement() ? Signature.STACKED_DANGEROUS : Signature.STACKED_QUERY);
    }
  }

  private void keyword(int k) {
    int t = sig[k];
    if (s.is(t, "OR") || s.is(t, "XOR")) {
      constantOperand(k + 1, true);
    } else if (s.is(t, "AND")) {
      constantOperand(k + 1, false);
    } else if (s.is(t, "UNION")) {
      union = true;
      unionSelect(k);
    } else if (s.is(t, "INTO") && k + 1 < sig.length
        && (s.is(sig[k + 1], "OUTFILE") || s.is(sig[k + 1], "DUMPFILE"))) {
      found.add(Signature.FILE_ACCESS);
    } else if (s.is(t, "CASE")) {
      caseProbe(k);
    } else if (s.is(t, "HAVING") || s.is(t, "WHEN")) {
      constantOperand(k + 1, false);
    }
    if (firstTableSystem == null && (s.is(t, "FROM") || s.is(t, "UPDATE") || s.is(t, "INTO"))
        && k + 1 < sig.length) {
      int name = sig[k + 1];
      TokenType type = s.type(name);
      if (type == TokenType.IDENTIFIER || type == TokenType.QUOTED_IDENTIFIER) {
        String first = unquoted(name);
        firstTableSystem = next(k + 1) == TokenType.DOT
            && (SYSTEM_SCHEMAS_LOW.contains(first) || SYSTEM_SCHEMAS_HIGH.contains(first));
      }
    }
    if (k + 2 < sig.length && isComparison(t) && isComparison(sig[k + 2]) && isSimpleOperand(sig[k + 1])) {
      found.add(Signature.CHAINED_COMPARISON);
    }
  }

  /** The first words of every statement: accounts, settings, plugins, files, destruction. */
  private void statementStart(int k) {
    int t = sig[k];
    if (s.is(t, "GRANT") || s.is(t, "REVOKE") || s.is(t, "SHUTDOWN")
        || s.is(t, "INSTALL") || s.is(t, "UNINSTALL")
        || s.is(t, "SET") && k + 1 < sig.length && (s.is(sig[k + 1], "PASSWORD") || s.is(sig[k + 1], "GLOBAL")
            || s.is(sig[k + 1], "PERSIST") || s.is(sig[k + 1], "PERSIST_ONLY")
            || s.type(sig[k + 1]) == TokenType.SYSTEM_VARIABLE && s.text(sig[k + 1]).toLowerCase(java.util.Locale.ROOT).startsWith("@@global"))
        || (s.is(t, "CREATE") || s.is(t, "ALTER") || s.is(t, "DROP") || s.is(t, "RENAME"))
            && k + 1 < sig.length && (s.is(sig[k + 1], "USER") || s.is(sig[k + 1], "ROLE"))
        || s.is(t, "CREATE") && containsWord(k, "SONAME")) {
      found.add(Signature.PRIVILEGE_CHANGE);
    } else if (s.is(t, "DROP") || s.is(t, "TRUNCATE")) {
      found.add(Signature.DESTRUCTIVE_DDL);
    } else if (s.is(t, "LOAD") && containsWord(k, "INFILE") && !containsWord(k, "LOCAL")) {
      found.add(Signature.FILE_ACCESS);
    }
  }

  /** Whether the statement starting at significant index {@code k} contains {@code word} before its end. */
  private boolean containsWord(int k, String word) {
    for (int j = k; j < sig.length && s.type(sig[j]) != TokenType.SEMICOLON; j++) {
      if (s.is(sig[j], word)) {
        return true;
      }
    }
    return false;
  }

  private void schema(int t) {
    String name = unquoted(t);
    boolean low = SYSTEM_SCHEMAS_LOW.contains(name);
    if (!low && !SYSTEM_SCHEMAS_HIGH.contains(name)) {
      return;
    }
    if ((name.equals("sys") || name.equals("mysql")) && !inTablePosition(t)) {
      return; // "sys.active" is far more often a table alias than the sys schema
    }
    found.add(low ? Signature.SYSTEM_SCHEMA : Signature.ACCOUNT_TABLES);
    systemSchema = true;
    if (Boolean.FALSE.equals(firstTableSystem)) {
      found.add(Signature.SYSTEM_SCHEMA_PROBE);
    }
  }

  /** After FROM, JOIN, INTO, UPDATE or TABLE, or the first part of a three-part name. */
  private boolean inTablePosition(int t) {
    int k = indexOf(t);
    if (k > 0) {
      int before = sig[k - 1];
      if (s.is(before, "FROM") || s.is(before, "JOIN") || s.is(before, "INTO") || s.is(before, "UPDATE")
          || s.is(before, "TABLE") || s.type(before) == TokenType.COMMA) {
        return true;
      }
    }
    return k + 3 < sig.length && s.type(sig[k + 3]) == TokenType.DOT;
  }

  private void call(int k) {
    int t = sig[k];
    if (isAny(t, DELAY)) {
      found.add(Signature.TIME_DELAY);
    } else if (isAny(t, ERROR)) {
      found.add(Signature.ERROR_FUNCTION);
    } else if (s.is(t, "EXP") && k + 2 < sig.length && s.text(sig[k + 2]).startsWith("~")) {
      found.add(Signature.ERROR_FUNCTION);
    } else if (s.is(t, "FLOOR") && k + 4 < sig.length && s.is(sig[k + 2], "RAND")
        && s.type(sig[k + 3]) == TokenType.LEFT_PAREN && s.type(sig[k + 4]).isValue()) {
      // FLOOR(RAND(0)*2): the seeded duplicate-key error; FLOOR(RAND()*n) is the random-row idiom.
      found.add(Signature.ERROR_FUNCTION);
    } else if (isAny(t, GEOMETRY) && k + 3 < sig.length && s.type(sig[k + 2]) == TokenType.LEFT_PAREN
        && s.is(sig[k + 3], "SELECT")) {
      found.add(Signature.ERROR_FUNCTION);
    } else if (s.is(t, "LOAD_FILE")) {
      found.add(Signature.FILE_ACCESS);
    } else if (s.is(t, "CHAR") && charCodes(k)) {
      found.add(Signature.ENCODED_STRING);
    } else if (isAny(t, PROBE_FUNCTIONS) && infoInside(k + 1)) {
      found.add(Signature.INFO_PROBE);
    }
    if (s.is(t, "IF")) {
      constantOperand(k + 2, false);
    }
  }

  /** A {@code -} or {@code +} directly before a number: one signed value, as the digest folds it. */
  private boolean isSign(int k) {
    return k + 1 < sig.length && s.type(sig[k]) == TokenType.OPERATOR && s.type(sig[k + 1]) == TokenType.NUMBER
        && (s.text(sig[k]).equals("-") || s.text(sig[k]).equals("+")) && s.placeholderAt(sig[k + 1]) >= 0
        && s.valueStart(valueIndexAt(sig[k + 1])) == s.start(sig[k]);
  }

  private int valueIndexAt(int token) {
    int placeholder = s.placeholderAt(token);
    for (int v = s.firstValueOf(placeholder); v >= 0 && v < s.valueCount(); v++) {
      if (s.valueEnd(v) == s.end(token)) {
        return v;
      }
    }
    return 0;
  }

  /** One value or name between two comparisons: the middle of {@code col = 'x' = 0}. */
  private boolean isSimpleOperand(int t) {
    TokenType type = s.type(t);
    return type.isValue() || type == TokenType.IDENTIFIER || type == TokenType.QUOTED_IDENTIFIER
        || s.is(t, "TRUE") || s.is(t, "FALSE") || s.is(t, "NULL");
  }

  /** {@code CHAR(n, n, …)} with at least two codes and nothing else. */
  private boolean charCodes(int k) {
    int codes = 0;
    for (int j = k + 2; j < sig.length; j++) {
      TokenType type = s.type(sig[j]);
      if (type == TokenType.RIGHT_PAREN) {
        return codes >= 2;
      }
      if (type.isValue()) {
        codes++;
      } else if (type != TokenType.COMMA && !s.is(sig[j], "USING")) {
        return false;
      }
    }
    return false;
  }

  /** Whether the parenthesised group opening at significant index {@code open} holds an info source. */
  private boolean infoInside(int open) {
    int close = closing(open);
    int stop = Math.min(close < 0 ? sig.length : close, open + SCAN_LIMIT);
    for (int j = open + 1; j < stop; j++) {
      if (s.type(sig[j]) == TokenType.SYSTEM_VARIABLE || isInfoCall(j)) {
        return true;
      }
    }
    return false;
  }

  /** {@code CASE … END} that tests an info source: {@code CASE WHEN (database() LIKE 'a%') THEN …}. */
  private void caseProbe(int k) {
    for (int j = k + 1; j < sig.length && j < k + SCAN_LIMIT && !s.is(sig[j], "END"); j++) {
      if (s.type(sig[j]) == TokenType.SYSTEM_VARIABLE || isInfoCall(j)) {
        found.add(Signature.INFO_PROBE);
        return;
      }
    }
  }

  private boolean isInfoCall(int k) {
    int t = sig[k];
    TokenType type = s.type(t);
    return (type == TokenType.IDENTIFIER || type == TokenType.KEYWORD) && next(k) == TokenType.LEFT_PAREN
        && isAny(t, INFO_SOURCES)
        // CURRENT_USER needs no parentheses.
        || type == TokenType.KEYWORD && s.is(t, "CURRENT_USER") && next(k) != TokenType.LEFT_PAREN;
  }

  /** An info source compared with a literal: {@code database() = 'x'}, {@code @@version LIKE '5%'}. */
  private void infoComparison(int k) {
    int after = s.type(sig[k]) == TokenType.SYSTEM_VARIABLE || next(k) != TokenType.LEFT_PAREN
        ? k + 1 : closing(k + 1) + 1;
    if (after > 0 && after + 1 < sig.length && isComparison(sig[after]) && (s.type(sig[after + 1]).isValue()
        || s.type(sig[after + 1]) == TokenType.USER_VARIABLE)) {
      found.add(Signature.INFO_COMPARISON);
    }
    if (k >= 2 && isComparison(sig[k - 1]) && s.type(sig[k - 2]).isValue()) {
      found.add(Signature.INFO_COMPARISON);
    }
  }

  private boolean isComparison(int t) {
    if (s.type(t) == TokenType.OPERATOR) {
      return isAny(t, COMPARISONS);
    }
    return s.is(t, "LIKE") || s.is(t, "REGEXP") || s.is(t, "RLIKE");
  }

  /** UNION [ALL|DISTINCT] SELECT followed by a select list of constants, or of server information. */
  private void unionSelect(int k) {
    int j = k + 1;
    if (j < sig.length && (s.is(sig[j], "ALL") || s.is(sig[j], "DISTINCT"))) {
      j++;
    }
    while (j < sig.length && s.type(sig[j]) == TokenType.LEFT_PAREN) {
      j++;
    }
    if (j >= sig.length || !s.is(sig[j], "SELECT")) {
      return;
    }
    boolean constantsOnly = true;
    boolean itemHasValue = false;
    boolean sawNull = false;
    boolean allNumbers = true;
    int items = 0;
    int depth = 0;
    for (j++; j < sig.length; j++) {
      int t = sig[j];
      TokenType type = s.type(t);
      if (type == TokenType.LEFT_PAREN) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN && depth > 0) {
        depth--;
        continue;
      }
      if (type == TokenType.SEMICOLON || type == TokenType.RIGHT_PAREN
          || type == TokenType.KEYWORD && (s.is(t, "FROM") || s.is(t, "UNION") || s.is(t, "INTO")
              || s.is(t, "ORDER") || s.is(t, "LIMIT") || s.is(t, "WHERE") || s.is(t, "GROUP"))) {
        break;
      }
      if (type == TokenType.SYSTEM_VARIABLE || isInfoCall(j)) {
        found.add(Signature.UNION_INFO_FUNCTION);
      }
      if (type == TokenType.COMMA && depth == 0) {
        constantsOnly &= itemHasValue;
        itemHasValue = false;
        continue;
      }
      items++;
      boolean value = type.isValue() || s.is(t, "NULL") || s.is(t, "TRUE") || s.is(t, "FALSE");
      sawNull |= s.is(t, "NULL");
      allNumbers &= !value || type == TokenType.NUMBER;
      itemHasValue |= value;
      constantsOnly &= value || type == TokenType.OPERATOR || type == TokenType.LEFT_PAREN
          || type == TokenType.RIGHT_PAREN || type == TokenType.COMMA;
    }
    constantsOnly &= itemHasValue;
    int columns = selectItems(k);
    // Padding looks like NULL, NULL… or 1,2,3…; a single constant row ("0, 'All'", a numbers table) is what
    // applications add themselves.
    if (constantsOnly && (sawNull || columns >= 3 || columns >= 2 && allNumbers && whereBefore(k))) {
      found.add(Signature.UNION_PADDING);
    }
  }

  /** How many items the select list after the UNION at significant index {@code k} has. */
  private int selectItems(int k) {
    int items = 1;
    int depth = 0;
    for (int j = k + 1; j < sig.length && j < k + SCAN_LIMIT; j++) {
      TokenType type = s.type(sig[j]);
      if (type == TokenType.LEFT_PAREN) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN && --depth < 0 || type == TokenType.SEMICOLON
          || s.is(sig[j], "FROM") || s.is(sig[j], "UNION") && j > k) {
        break;
      } else if (type == TokenType.COMMA && depth == 0) {
        items++;
      }
    }
    return items;
  }

  private boolean whereBefore(int k) {
    for (int j = k - 1; j >= 0; j--) {
      if (s.is(sig[j], "WHERE")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The operand after OR/XOR (underOr) or AND: {@code V op V}, a bare {@code V}, {@code name op name} or
   * {@code name LIKE V}, optionally in parentheses, ending where the operand ends.
   */
  private void constantOperand(int k, boolean underOr) {
    int j = k;
    int opened = 0;
    while (j < sig.length && s.type(sig[j]) == TokenType.LEFT_PAREN) {
      j++;
      opened++;
    }
    if (j >= sig.length) {
      return;
    }
    int first = sig[j];
    int afterFirst = j + (isSign(j) ? 2 : 1);
    if (afterFirst + 1 < sig.length && isOperator(sig[afterFirst])) {
      int secondIndex = afterFirst + 1;
      int afterSecond = secondIndex + (isSign(secondIndex) ? 2 : 1);
      if (endsOperand(afterSecond, opened)) {
        Operand a = operand(first);
        Operand b = operand(sig[secondIndex]);
        String op = s.is(sig[afterFirst], "LIKE") ? "LIKE" : s.text(sig[afterFirst]);
        boolean bothConstant = a.constant() && b.constant();
        boolean sameName = a.word != null && b.word != null && !a.constant() && !b.constant();
        boolean namedLike = op.equals("LIKE") && a.word != null && !a.constant() && b.placeholder >= 0;
        if (bothConstant || sameName || namedLike) {
          constants.add(new ConstantTest(underOr, op, a.placeholder, a.word, b.placeholder, b.word));
        }
        return;
      }
    } else if (endsOperand(afterFirst, opened)) {
      Operand a = operand(first);
      if (a.constant() && underOr) {
        constants.add(new ConstantTest(true, "CONST", a.placeholder, a.word, -1, null));
      }
      return;
    }
    if (constantExpression(j, opened)) {
      constants.add(new ConstantTest(underOr, "CONST", -1, "EXPRESSION", -1, null));
    }
  }

  /**
   * An operand made only of values, TRUE/FALSE/NULL, operators and parentheses, with at least two values
   * and an operator: {@code 1 --'%'}, {@code ''-''}, {@code (1)=(1)} — constant whatever MySQL makes of it.
   */
  private boolean constantExpression(int from, int opened) {
    int values = 0;
    int operators = 0;
    int depth = opened;
    for (int j = from; j < sig.length; j++) {
      if (depth == opened && endsOperand(j, 0) && s.type(sig[j]) != TokenType.RIGHT_PAREN) {
        break;
      }
      int t = sig[j];
      TokenType type = s.type(t);
      if (type == TokenType.LEFT_PAREN) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN) {
        if (--depth < 0 || depth < opened && depth == 0 && opened == 0) {
          break;
        }
      } else if (type.isValue() || s.is(t, "TRUE") || s.is(t, "FALSE") || s.is(t, "NULL")) {
        values++;
      } else if (type == TokenType.OPERATOR || s.is(t, "LIKE")) {
        operators++;
      } else {
        return false;
      }
    }
    return values >= 2 && operators >= 1;
  }

  private boolean isOperator(int t) {
    return s.type(t) == TokenType.OPERATOR && isAny(t, COMPARISONS) || s.is(t, "LIKE");
  }

  /** Whether the operand ends at significant index {@code j}: end, a connective, a closing of the group. */
  private boolean endsOperand(int j, int opened) {
    if (j >= sig.length) {
      return true;
    }
    int t = sig[j];
    TokenType type = s.type(t);
    if (type == TokenType.RIGHT_PAREN) {
      return true;
    }
    if (opened > 0) {
      return false;
    }
    if (type == TokenType.COMMA || s.is(t, "THEN")) {
      return true;
    }
    return type == TokenType.SEMICOLON
        || type == TokenType.KEYWORD && (s.is(t, "OR") || s.is(t, "AND") || s.is(t, "XOR") || s.is(t, "ORDER")
            || s.is(t, "LIMIT") || s.is(t, "GROUP") || s.is(t, "UNION") || s.is(t, "HAVING"))
        || type == TokenType.OPERATOR && (s.text(t).equals("||") || s.text(t).equals("&&"));
  }

  private record Operand(int placeholder, String word) {
    boolean constant() {
      return placeholder >= 0 || "TRUE".equals(word) || "FALSE".equals(word) || "NULL".equals(word);
    }
  }

  private Operand operand(int t) {
    TokenType type = s.type(t);
    int k = indexOf(t);
    if (type == TokenType.OPERATOR && k + 1 < sig.length && s.type(sig[k + 1]) == TokenType.NUMBER
        && s.placeholderAt(sig[k + 1]) >= 0 && (s.text(t).equals("-") || s.text(t).equals("+"))) {
      return new Operand(s.placeholderAt(sig[k + 1]), null); // -1: one value, as the digest has it
    }
    if (type.isValue()) {
      return new Operand(s.placeholderAt(t), null);
    }
    if (type == TokenType.KEYWORD && (s.is(t, "TRUE") || s.is(t, "FALSE") || s.is(t, "NULL"))) {
      return new Operand(-1, s.text(t).toUpperCase(java.util.Locale.ROOT));
    }
    if (type == TokenType.IDENTIFIER || type == TokenType.QUOTED_IDENTIFIER
        || type == TokenType.KEYWORD && next(indexOf(t)) != TokenType.LEFT_PAREN && isNameLikeKeyword(t)) {
      return new Operand(-1, unquoted(t));
    }
    return new Operand(-1, null);
  }

  /** Reserved words MySQL lets stand as column names in practice: user, password, key, status … */
  private boolean isNameLikeKeyword(int t) {
    return s.is(t, "USER") || s.is(t, "PASSWORD") || s.is(t, "KEY") || s.is(t, "VALUE") || s.is(t, "DATA")
        || s.is(t, "MODE") || s.is(t, "ROLE") || s.is(t, "EVENT") || s.is(t, "SERVER");
  }

  private int indexOf(int token) {
    int index = java.util.Arrays.binarySearch(sig, token);
    return index < 0 ? sig.length : index;
  }

  /** Executable comments: their presence, and whether they hide SQL keywords. */
  private void executableComments() {
    // mysqldump-style DDL (/*!50001 CREATE … VIEW … AS select … */) carries SQL in executable comments by
    // design; injected ones sit inside a query or a DML statement.
    boolean ddl = sig.length > 0 && (s.is(sig[0], "CREATE") || s.is(sig[0], "ALTER") || s.is(sig[0], "DROP")
        || s.is(sig[0], "SET") || s.is(sig[0], "LOCK") || s.is(sig[0], "UNLOCK"));
    boolean inside = false;
    for (int i = 0; i < s.tokenCount(); i++) {
      TokenType type = s.type(i);
      if (type == TokenType.EXECUTABLE_COMMENT_START) {
        inside = true;
        found.add(Signature.EXECUTABLE_COMMENT);
      } else if (type == TokenType.EXECUTABLE_COMMENT_END) {
        inside = false;
      } else if (inside && !ddl && (type == TokenType.KEYWORD || type == TokenType.IDENTIFIER)
          && isAny(i, HIDDEN_KEYWORDS)) {
        found.add(Signature.EXECUTABLE_COMMENT_KEYWORD);
      }
    }
    if (found.contains(Signature.EXECUTABLE_COMMENT_KEYWORD)) {
      found.remove(Signature.EXECUTABLE_COMMENT);
    }
  }

  /**
   * Whether a statement after the first changes schema, accounts or settings, waits, writes files, or
   * updates or deletes every row. A later INSERT, or an UPDATE/DELETE with a WHERE, is what batching
   * applications send (allowMultiQueries) and stays a plain {@link Signature#STACKED_QUERY}.
   */
  private boolean dangerousLaterStatement() {
    int statement = 0;
    boolean start = true;
    for (int k = 0; k < sig.length; k++) {
      int t = sig[k];
      if (s.type(t) == TokenType.SEMICOLON) {
        start = true;
        continue;
      }
      if (start) {
        statement++;
        start = false;
        if (statement > 1 && (isAny(t, DANGEROUS_STARTS)
            || (s.is(t, "DELETE") || s.is(t, "UPDATE")) && !containsWord(k, "WHERE"))) {
          return true;
        }
      }
      if (statement > 1 && (s.type(t) == TokenType.IDENTIFIER || s.type(t) == TokenType.KEYWORD)
          && next(k) == TokenType.LEFT_PAREN && (isAny(t, DELAY) || s.is(t, "LOAD_FILE"))
          || statement > 1 && (s.is(t, "OUTFILE") || s.is(t, "DUMPFILE"))) {
        return true;
      }
    }
    return false;
  }

  private static final String[] DANGEROUS_STARTS = {"DROP", "TRUNCATE", "ALTER", "CREATE", "GRANT", "REVOKE",
      "SET", "SHUTDOWN", "LOAD", "EXEC", "EXECUTE", "RENAME", "INSTALL", "UNINSTALL", "HANDLER", "DO", "KILL",
      "PREPARE", "FLUSH", "CALL"};

  private int closing(int open) {
    int depth = 0;
    for (int j = open; j < sig.length && j < open + SCAN_LIMIT; j++) {
      TokenType type = s.type(sig[j]);
      if (type == TokenType.LEFT_PAREN) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN && --depth == 0) {
        return j;
      }
    }
    return -2;
  }

  private TokenType next(int k) {
    return k + 1 < sig.length ? s.type(sig[k + 1]) : null;
  }

  private boolean isAny(int t, String[] words) {
    for (String word : words) {
      if (s.is(t, word) || s.type(t) == TokenType.OPERATOR && s.text(t).equals(word)) {
        return true;
      }
    }
    return false;
  }

  private String unquoted(int t) {
    String text = s.text(t);
    if (s.type(t) == TokenType.QUOTED_IDENTIFIER && text.length() >= 2) {
      text = text.substring(1, text.length() - 1);
    }
    return text.toLowerCase(java.util.Locale.ROOT);
  }
}
