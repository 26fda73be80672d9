package dev.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.analysis.Analysis;
import dev.aegis.lexer.Lexer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each signature on the whole statement an application built, judged on tokens alone (as for statements
 * the parser cannot read, which is most injected ones). Parser-backed tests live with the analyser.
 */
class SignatureTest {
  private final Detector detector = new Detector(sql -> Analysis.unanalysable("tokens only"), 1_000, 0.8);

  private Verdict judge(String sql) {
    return detector.judge(Lexer.lex(sql));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "SELECT * FROM users WHERE name = '' OR 1=1 -- ' AND pass = 'x'|tautology-or",
      "SELECT * FROM users WHERE name = '' OR 'a'='a'|tautology-or",
      "SELECT * FROM orders WHERE id = 5 OR 2>1|tautology-or",
      "SELECT * FROM orders WHERE id = 5 OR TRUE|tautology-or",
      "SELECT * FROM users WHERE name = 'x' OR name LIKE '%'|tautology-or",
      "SELECT * FROM users WHERE name = 'x' OR (1=1)|tautology-or",
      "SELECT * FROM users WHERE id = 1 OR username = username|tautology-or",
      "SELECT * FROM users WHERE id = 1 XOR '1'='1'|tautology-or",
      "SELECT name FROM users WHERE id = 1 UNION SELECT NULL, NULL|union-padding",
      "SELECT name FROM users WHERE id = -1 UNION ALL SELECT 1,2,3|union-padding",
      "SELECT name FROM users WHERE id = 1 UNION SELECT table_name FROM information_schema.tables|union-system-schema",
      "SELECT name FROM users WHERE id = 1 UNION SELECT user()|union-info-function",
      "SELECT name FROM users WHERE id = 1; DROP TABLE users|stacked-dangerous",
      "SELECT name FROM users WHERE id = 1; SELECT SLEEP(5)|stacked-dangerous",
      "SELECT * FROM users WHERE name = 'admin' -- ' AND password = 'x'|comment-truncation",
      "SELECT * FROM users WHERE name = 'admin'#' AND password = 'x'|comment-truncation",
      "SELECT * FROM users WHERE id = 1 /* AND tenant = 7|unterminated-comment",
      "SELECT * FROM users WHERE id = 1 AND SLEEP(5)|time-delay",
      "SELECT * FROM users WHERE id = 1 AND BENCHMARK(5000000, MD5(1))|time-delay",
      "SELECT * FROM users WHERE id = 1 AND EXTRACTVALUE(1, CONCAT(0x7e, VERSION()))|error-function",
      "SELECT * FROM users WHERE id = 1 AND UPDATEXML(1, CONCAT(0x7e, USER()), 1)|error-function",
      "SELECT COUNT(*), CONCAT(VERSION(), FLOOR(RAND(0)*2)) x FROM users GROUP BY x|error-function",
      "SELECT * FROM users WHERE id = 1 AND EXP(~(SELECT * FROM (SELECT USER()) a))|error-function",
      "SELECT * FROM users WHERE id = 1 AND ASCII(SUBSTRING(DATABASE(), 1, 1)) > 100|info-probe",
      "SELECT * FROM users WHERE id = 1 AND IF(MID(@@version, 1, 1) = '5', 1, 0)|info-probe",
      "SELECT * FROM users WHERE id = 1 AND DATABASE() LIKE 'a%'|info-comparison",
      "SELECT * FROM users WHERE id = 1 AND (SELECT COUNT(*) FROM mysql.user) > 0|account-tables",
      "SELECT LOAD_FILE('/etc/passwd')|file-access",
      "SELECT * FROM users INTO OUTFILE '/tmp/x'|file-access",
      "LOAD DATA INFILE '/etc/passwd' INTO TABLE t|file-access",
      "GRANT ALL ON *.* TO 'x'@'%'|privilege-change",
      "CREATE USER 'x'@'%' IDENTIFIED BY 'y'|privilege-change",
      "SET GLOBAL general_log = 'ON'|privilege-change",
      "SET PASSWORD FOR 'root'@'localhost' = 'x'|privilege-change",
      "SELECT * FROM users WHERE id = 1 /*!50000UNION*/ SELECT 1|executable-comment-keyword",
      "SELECT * FROM users WHERE id = 1 UNION/**/SELECT 1|comment-split-keyword",
      "SELECT * FROM users WHERE name = CHAR(97, 100, 109)|encoded-string",
      "SELECT * FROM users WHERE id = 1\u000BOR 1=1|odd-whitespace",
      "SELECT * FROM users WHERE name = 'abc|unterminated-quote"})
  void signatureFires(String sql, String rule) {
    Verdict verdict = judge(sql);
    assertThat(verdict.findings()).extracting(Signature::id).contains(rule);
  }

  @org.junit.jupiter.api.Test
  void aTautologyIsNotAlsoCountedAsAProbe() {
    assertThat(judge("DELETE FROM accounts WHERE owner = 'nobody' OR 1=1").findings())
        .containsExactly(Signature.TAUTOLOGY_OR, Signature.UNANALYSABLE);
  }

  @org.junit.jupiter.api.Test
  void pipesAreOrAsMysqlReadsThem() {
    assertThat(judge("SELECT * FROM users WHERE id = 1 || '1'='1'").findings()).contains(Signature.TAUTOLOGY_OR);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM users WHERE name = '' OR 1=1 -- ' AND pass = 'x'",
      "SELECT name FROM users WHERE id = -1 UNION ALL SELECT 1,2,3",
      "SELECT name FROM users WHERE id = 1 UNION SELECT table_name FROM information_schema.tables",
      "SELECT name FROM users WHERE id = 1; DROP TABLE users",
      "SELECT * FROM users WHERE id = 1 AND SLEEP(5)",
      "SELECT * FROM users WHERE id = 1 AND EXTRACTVALUE(1, CONCAT(0x7e, VERSION()))",
      "SELECT LOAD_FILE('/etc/passwd')",
      "GRANT ALL ON *.* TO 'x'@'%'",
      "SELECT * FROM users WHERE name = 'admin' -- ' AND password = 'x'"})
  void attacksAreBlocked(String sql) {
    assertThat(judge(sql).action()).isEqualTo(Verdict.Action.BLOCK);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM users WHERE 1=1 AND name = 'x' AND active = 1",
      "SELECT * FROM users WHERE 1=1",
      "SELECT * FROM t WHERE 1=0",
      "select c1_0.id,c1_0.email from customers c1_0 where c1_0.email=?",
      "SELECT id FROM users WHERE name = 'O\\'Reilly' OR name = 'x'",
      "INSERT INTO comments (body) VALUES ('nice -- OR 1=1; DROP TABLE users /* UNION SELECT')",
      "SELECT id FROM t WHERE status = 'a' OR status = 'b'",
      "SELECT DATABASE()",
      "SELECT @@session.transaction_isolation",
      "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()",
      "/* app=checkout */ SELECT id FROM carts WHERE id = 7",
      "-- report\nSELECT a, SUM(b) FROM t GROUP BY a",
      "SELECT a FROM t UNION ALL SELECT a FROM u",
      "SELECT id FROM t WHERE created > NOW() - INTERVAL 1 DAY ORDER BY id LIMIT 10",
      "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y') ON DUPLICATE KEY UPDATE b = VALUES(b)",
      "UPDATE accounts SET balance = balance - 10 WHERE id = 3 AND version = 7",
      "SELECT GET_LOCK('flyway', 10)",
      "LOAD DATA LOCAL INFILE '/tmp/import.csv' INTO TABLE staging",
      "UPDATE a SET x = 1 WHERE id = 2; UPDATE a SET x = 3 WHERE id = 4",
      "INSERT INTO log (m) VALUES ('a'); INSERT INTO log (m) VALUES ('b')",
      "CREATE PROCEDURE p(IN n INT) BEGIN SELECT n; UPDATE t SET a = n WHERE id = 1; END"})
  void benignStatementsAreNotBlocked(String sql) {
    Verdict verdict = judge(sql);
    assertThat(verdict.action()).as("%s -> %s", sql, verdict).isNotEqualTo(Verdict.Action.BLOCK);
    assertThat(verdict.findings()).doesNotContain(Signature.TAUTOLOGY_OR, Signature.UNION_PADDING,
        Signature.COMMENT_TRUNCATION);
  }
}
