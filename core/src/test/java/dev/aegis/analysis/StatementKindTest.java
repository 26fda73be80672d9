package dev.aegis.analysis;

import static dev.aegis.analysis.Analyses.ANALYZER;
import static dev.aegis.analysis.Analyses.analysed;
import static dev.aegis.analysis.Analyses.tables;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Kinds of the statements applications send; parsed when JSqlParser can, else by leading keyword. */
class StatementKindTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT 1|SELECT",
      "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(255) DEFAULT 'x')|DDL",
      "ALTER TABLE t ADD COLUMN c INT|DDL",
      "DROP TABLE users|DDL",
      "TRUNCATE TABLE t|DDL",
      "CREATE INDEX i ON t (a)|DDL",
      "CREATE UNIQUE INDEX i ON t (a, b)|DDL",
      "RENAME TABLE a TO b|DDL",
      "SET GLOBAL general_log = ?|SET",
      "SET SESSION sql_mode = ?|SET",
      "SET @x = ?|SET",
      "SET NAMES utf8mb4|SET",
      "SET PASSWORD = ?|ACCOUNT",
      "CALL proc(?, ?)|CALL",
      "BEGIN|TRANSACTION",
      "START TRANSACTION|TRANSACTION",
      "COMMIT|TRANSACTION",
      "ROLLBACK|TRANSACTION",
      "SAVEPOINT s1|TRANSACTION",
      "RELEASE SAVEPOINT s1|TRANSACTION",
      "ROLLBACK TO SAVEPOINT s1|TRANSACTION",
      "SHOW TABLES|UTILITY",
      "SHOW DATABASES|UTILITY",
      "SHOW COLUMNS FROM t|UTILITY",
      "DESCRIBE t|UTILITY",
      "EXPLAIN SELECT * FROM t WHERE a = ?|UTILITY",
      "USE shop|UTILITY",
  })
  void analysableKinds(String sql, StatementKind kind) {
    assertThat(analysed(sql).kind()).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GRANT ALL ON db.* TO ?@?|ACCOUNT",
      "REVOKE ALL ON db.* FROM ?@?|ACCOUNT",
      "CREATE USER ?@? IDENTIFIED BY ?|ACCOUNT",
      "ALTER USER ?@? IDENTIFIED BY ?|ACCOUNT",
      "DROP USER ?@?|ACCOUNT",
      "SET PASSWORD FOR ?@? = ?|ACCOUNT",
      "LOAD DATA INFILE ? INTO TABLE t|LOAD",
      "LOAD DATA LOCAL INFILE ? INTO TABLE t FIELDS TERMINATED BY ?|LOAD",
      "INSTALL PLUGIN x SONAME ?|DDL",
      "CREATE FUNCTION f RETURNS STRING SONAME ?|DDL",
      "DROP TABLE IF EXISTS a, b|DDL",
  })
  void unparseableStatementsKeepTheirKind(String sql, StatementKind kind) {
    Analysis a = ANALYZER.analyze(sql);
    assertThat(a.kind()).isEqualTo(kind);
    assertThat(a.analysable()).isFalse();
    assertThat(a.unanalysableReason()).isNotBlank();
  }

  @Test
  void ddlWithPlaceholdersFromTheDigest() {
    Analysis a = analysed("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(?) DEFAULT ?)");
    assertThat(a.kind()).isEqualTo(StatementKind.DDL);
    assertThat(tables(a.tablesWritten())).containsExactly("t");
    assertThat(a.bindings()).extracting(Analyses::compact).containsExactly("OTHER", "OTHER");
  }

  @Test
  void createTableAsSelectReadsAndWrites() {
    Analysis a = analysed("CREATE TABLE t2 AS SELECT * FROM t WHERE a = ?");
    assertThat(tables(a.tablesWritten())).containsExactly("t2");
    assertThat(tables(a.tablesRead())).containsExactly("t");
    assertThat(a.bindings()).extracting(Analyses::compact).containsExactly("a@t EQUALS");
  }

  @Test
  void stackedQueries() {
    Analysis a = analysed("SELECT ?; DROP TABLE users");
    assertThat(a.statementCount()).isEqualTo(2);
    assertThat(a.kind()).isEqualTo(StatementKind.SELECT);
    assertThat(tables(a.tablesWritten())).containsExactly("users");
  }

  @Test
  void trailingSemicolonIsOneStatement() {
    assertThat(analysed("SELECT 1;").statementCount()).isEqualTo(1);
  }

  @Test
  void stackedQueriesCountedEvenWhenUnparseable() {
    Analysis a = ANALYZER.analyze("SELECT * FROM t WHERE id = ?; GRANT ALL ON *.* TO ?@?");
    assertThat(a.analysable()).isFalse();
    assertThat(a.statementCount()).isEqualTo(2);
    assertThat(a.kind()).isEqualTo(StatementKind.SELECT);
  }

  @Test
  void intoOutfileIsReportedEvenThoughUnparseable() {
    Analysis a = ANALYZER.analyze("SELECT * FROM users INTO OUTFILE ?");
    assertThat(a.intoFile()).isTrue();
    assertThat(a.kind()).isEqualTo(StatementKind.SELECT);
    assertThat(ANALYZER.analyze("SELECT ? INTO DUMPFILE ?").intoFile()).isTrue();
    assertThat(analysed("SELECT 'INTO OUTFILE' FROM t").intoFile()).isFalse();
  }
}
