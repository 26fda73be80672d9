package dev.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aegis.config.AegisConfig;
import dev.aegis.pipeline.SqlEntry;
import dev.aegis.pipeline.StatementPipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bypasses, hangs and false positives found by review, each pinned through the real pipeline and parser.
 * Every attack here ran against a real server in the review (MariaDB 10.11 through Connector/J 9.5).
 */
class ReviewedBypassesTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);
  private final StatementPipeline pipeline = StatementPipeline.create(AegisConfig.defaults(),
      new SimpleMeterRegistry());

  private Verdict judge(String sql) {
    return pipeline.inspect(sql).verdict();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // A CR does not end a line comment on the server: the quote after it is inside the comment.
      "SELECT * FROM users WHERE id = 1 #\r'\n UNION SELECT user, 2 FROM mysql.user -- '",
      // 1e0union and 1.0union are a number and a keyword to the server.
      "SELECT name FROM users WHERE id = 1e0union select @@version",
      "SELECT name FROM users WHERE id = 1.0union select @@version",
      // MariaDB's executable comments, and executable comments nested in one another.
      "SELECT name FROM users WHERE id = 1 /*M! UNION SELECT user FROM mysql.user */",
      "SELECT name FROM users WHERE id = 1 /*! /*! UNION SELECT user FROM mysql.user WHERE 1 */*/"})
  void hiddenSqlIsSeen(String sql) {
    assertThat(judge(sql).action()).as(sql).isEqualTo(Verdict.Action.BLOCK);
  }

  @Test
  void aBackslashThatANoBackslashEscapesServerReadsLiterallyHidesNothing() {
    // With NO_BACKSLASH_ESCAPES the string ends at 'a\' and the UNION runs; by default it is all one string.
    Verdict verdict = judge("SELECT id FROM users WHERE name = 'a\\' UNION SELECT user FROM mysql.user -- '");
    assertThat(verdict.action()).isEqualTo(Verdict.Action.BLOCK);
    assertThat(judge("SELECT id FROM users WHERE name = 'O\\'Reilly'").action())
        .as("a real escaped quote stays harmless both ways").isEqualTo(Verdict.Action.ALLOW);
  }

  @Test
  void paddingPastTheLengthLimitHidesNothing() {
    String padded = "SELECT id FROM users WHERE name = '" + "a".repeat(1 << 20)
        + "' UNION SELECT authentication_string FROM mysql.user";
    judge("SELECT id FROM users WHERE name = 'a'"); // the short shape is cached first
    Verdict verdict = judge(padded);
    assertThat(verdict.findings()).contains(Signature.OVER_LIMITS_SQL);
    assertThat(verdict.action()).isEqualTo(Verdict.Action.BLOCK);
  }

  @Test
  void hostileLikePatternsCostNothingAndNeverThrow() throws Exception {
    String slow = "SELECT * FROM t WHERE a = 1 OR '" + "a".repeat(25) + "' LIKE '" + "%".repeat(12) + "b'";
    String deep = "SELECT * FROM t WHERE a = 1 OR 'x' LIKE '" + "_".repeat(30_000) + "'";
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      judge(slow);
      pipeline.intercept(SqlEntry.EXECUTE_QUERY, deep);
    });
  }

  @Test
  void repeatedLineCommentsAndNestedCallsStayLinear() {
    String comments = "SELECT 1 " + "#\n".repeat(160_000);
    String nested = "SELECT " + "LOWER(".repeat(40_000) + "a" + ")".repeat(40_000) + " FROM t";
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      judge(comments);
      judge(nested);
    });
  }

  @Test
  void parserBacktrackingInputIsNeverParsed() {
    String hostile = "SELECT " + "( ".repeat(12) + "OR NULL" + " )".repeat(12);
    Verdict verdict = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> judge(hostile));
    assertThat(verdict.analysable()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "select e1_0.id from employee e1_0 where (? is null or e1_0.name=?) and (? is null or e1_0.dept=?)",
      "SELECT * FROM flags WHERE ? = 1 OR enabled = 1",
      "select o1_0.id from orders o1_0 where o1_0.status in ('NEW') and 1=0",
      "select `t`.`id` from `t` where (1 = 0 or `t`.`id` = ?)",
      "SELECT SUM(found) FROM ((SELECT 1 as found FROM information_schema.tables WHERE table_schema = 'app')"
          + " UNION ALL (SELECT 1 as found FROM information_schema.views WHERE table_schema = 'app')) as all_found",
      "INSERT INTO tokens (id) VALUES (UUID_TO_BIN(UUID()))",
      "SELECT UNHEX(REPLACE(UUID(), '-', ''))",
      "SELECT LOWER(DATABASE())",
      "SELECT JSON_KEYS(doc) FROM documents WHERE id = 4",
      "SELECT id FROM products ORDER BY FLOOR(RAND() * 100) LIMIT 5",
      "UPDATE accounts SET flags = flags & ~4 WHERE id = 9",
      "SELECT id, name FROM categories WHERE active = 1 UNION ALL SELECT 0, 'All'",
      "SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2",
      "SELECT sys.id FROM systems sys WHERE sys.active = 1",
      "SELECT id FROM jobs WHERE state = 'READY' -- don't pick up paused jobs",
      "SELECT id FROM posts ORDER BY created_at DESC -- newest or oldest first, see ticket 12",
      "/*!50001 CREATE ALGORITHM=UNDEFINED */ /*!50001 VIEW v AS select id from t */"})
  void applicationIdiomsAreNotBlocked(String sql) {
    Verdict verdict = judge(sql);
    assertThat(verdict.action()).as("%s -> %s", sql, verdict.findings()).isNotEqualTo(Verdict.Action.BLOCK);
  }

  @Test
  void aConstantOverLiteralsIsStillAProbe() {
    assertThat(judge("SELECT * FROM t WHERE id = 5 AND 6=6").findings()).contains(Signature.CONSTANT_PREDICATE);
    assertThat(judge("SELECT * FROM t WHERE id = 5 AND 'a'='b'").findings())
        .contains(Signature.CONSTANT_PREDICATE);
  }

  @Test
  void signedConstantsAreEvaluatedWhicheverStatementCameFirst() {
    assertThat(judge("SELECT * FROM t WHERE a = 'x' OR -1=-1").findings()).contains(Signature.TAUTOLOGY_OR);
    assertThat(judge("SELECT * FROM t WHERE a = 'x' OR 1=1").findings()).contains(Signature.TAUTOLOGY_OR);
  }
}
