package dev.aegis.detect;

import java.util.Locale;

/**
 * The signature catalogue. Each is a named rule with a category, a severity and a score in [0, 1]; a
 * verdict combines the scores of what fired. Documented, with examples, in {@code docs/detection.md}.
 */
public enum Signature {
  TAUTOLOGY_OR(Category.TAUTOLOGY, Severity.HIGH, 0.90,
      "An OR operand that is always true: OR 1=1, OR 'a'='a', OR 2>1, OR TRUE, OR x LIKE '%'"),
  CONSTANT_PREDICATE(Category.BOOLEAN_BLIND, Severity.HIGH, 0.80,
      "A predicate of constants where an application puts a real one: AND 1=1 / AND 1=2 after a real"
          + " predicate, OR 1=2, HAVING 1=1, CASE WHEN 1=1: the probes of blind injection"),
  CHAINED_COMPARISON(Category.TAUTOLOGY, Severity.HIGH, 0.85,
      "Comparisons chained on one value (col = 'x' = 0 = '1'): MySQL's implicit casts made into a tautology"),
  STRING_ARITHMETIC(Category.TAUTOLOGY, Severity.HIGH, 0.85,
      "Arithmetic or bit operators between string literals (col = ''-'', col = 'a'+'b'): col compared with 0"),
  UNION_PADDING(Category.UNION, Severity.HIGH, 0.85,
      "UNION SELECT whose select list is only NULLs or constants: column-count probing and extraction"),
  UNION_SYSTEM_SCHEMA(Category.UNION, Severity.CRITICAL, 0.95,
      "UNION in a statement that reads a system schema (information_schema, mysql, performance_schema, sys)"),
  UNION_INFO_FUNCTION(Category.UNION, Severity.HIGH, 0.85,
      "UNION SELECT of server information: database(), user(), version(), @@ variables"),
  STACKED_QUERY(Category.STACKED, Severity.MEDIUM, 0.60,
      "A second statement after ';'"),
  STACKED_DANGEROUS(Category.STACKED, Severity.CRITICAL, 0.95,
      "A second statement after ';' that changes data, schema, accounts or settings, or delays"),
  COMMENT_TRUNCATION(Category.COMMENT_TRUNCATION, Severity.HIGH, 0.85,
      "A trailing comment that swallows SQL or a quote: the rest of the application's predicate cut off"),
  UNTERMINATED_COMMENT(Category.COMMENT_TRUNCATION, Severity.HIGH, 0.85,
      "A block comment left open at the end of the statement"),
  TRAILING_COMMENT(Category.COMMENT_TRUNCATION, Severity.LOW, 0.25,
      "A trailing line comment with no SQL in it"),
  UNTERMINATED_QUOTE(Category.COMMENT_TRUNCATION, Severity.MEDIUM, 0.60,
      "A string or quoted name left open: a quote broke out of a literal"),
  TIME_DELAY(Category.TIME_BLIND, Severity.HIGH, 0.90,
      "SLEEP, BENCHMARK or WAITFOR: time-based blind injection"),
  ERROR_FUNCTION(Category.ERROR_BASED, Severity.HIGH, 0.90,
      "EXTRACTVALUE, UPDATEXML, GTID_SUBSET, NAME_CONST, EXP(~…), FLOOR(RAND(0)*2), geometry constructors"
          + " over a subquery: error-based extraction"),
  INFO_PROBE(Category.BOOLEAN_BLIND, Severity.HIGH, 0.85,
      "SUBSTRING/MID/ASCII/ORD/IF/LENGTH… over database(), user(), version() or @@ variables"),
  INFO_COMPARISON(Category.BOOLEAN_BLIND, Severity.MEDIUM, 0.60,
      "database(), user(), version() or an @@ variable compared in a predicate"),
  SYSTEM_SCHEMA(Category.SYSTEM_PROBE, Severity.LOW, 0.35,
      "Reads information_schema, performance_schema or sys (migrations, ORMs and monitoring do this too)"),
  SYSTEM_SCHEMA_PROBE(Category.SYSTEM_PROBE, Severity.HIGH, 0.80,
      "A system schema read inside a statement about application tables (subquery, join, UNION)"),
  ACCOUNT_TABLES(Category.SYSTEM_PROBE, Severity.HIGH, 0.80,
      "Reads the mysql schema: accounts, grants and server internals"),
  FILE_ACCESS(Category.FILE_ACCESS, Severity.CRITICAL, 0.95,
      "LOAD_FILE, INTO OUTFILE/DUMPFILE, LOAD DATA INFILE of a server file"),
  PRIVILEGE_CHANGE(Category.PRIVILEGE, Severity.CRITICAL, 0.95,
      "GRANT, REVOKE, CREATE/ALTER/DROP/RENAME USER, SET PASSWORD, SET GLOBAL/PERSIST, INSTALL PLUGIN,"
          + " CREATE FUNCTION … SONAME, SHUTDOWN"),
  DESTRUCTIVE_DDL(Category.PRIVILEGE, Severity.MEDIUM, 0.60,
      "DROP or TRUNCATE from the application"),
  EXECUTABLE_COMMENT_KEYWORD(Category.OBFUSCATION, Severity.HIGH, 0.80,
      "A MySQL executable comment /*! … */ hiding SQL keywords"),
  EXECUTABLE_COMMENT(Category.OBFUSCATION, Severity.LOW, 0.40,
      "A MySQL executable comment /*! … */"),
  COMMENT_SPLIT_KEYWORD(Category.OBFUSCATION, Severity.HIGH, 0.75,
      "A comment glued between words (UNION/**/SELECT, SEL/**/ECT) to dodge filters"),
  ENCODED_STRING(Category.OBFUSCATION, Severity.MEDIUM, 0.50,
      "CHAR(n, n, …) building a string from character codes"),
  ODD_WHITESPACE(Category.OBFUSCATION, Severity.LOW, 0.40,
      "Vertical tab, form feed, no-break space or other unusual whitespace"),
  OVER_LIMITS_SQL(Category.OBFUSCATION, Severity.CRITICAL, 0.90,
      "SQL keywords, comments or a ';' past the analysis limits, where a long statement should hold only"
          + " values: padding used to hide the end of a statement"),
  UNANALYSABLE(Category.ANALYSIS, Severity.INFO, 0.20,
      "The parser could not read the statement or it is over the analysis limits; judged on tokens only");

  private final Category category;
  private final Severity severity;
  private final double score;
  private final String description;

  Signature(Category category, Severity severity, double score, String description) {
    this.category = category;
    this.severity = severity;
    this.score = score;
    this.description = description;
  }

  public Category category() {
    return category;
  }

  public Severity severity() {
    return severity;
  }

  public double score() {
    return score;
  }

  public String description() {
    return description;
  }

  /** The rule's name in JSON, documentation and events: {@code tautology-or}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
