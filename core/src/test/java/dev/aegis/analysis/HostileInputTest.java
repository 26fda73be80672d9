package dev.aegis.analysis;

import static dev.aegis.analysis.Analyses.ANALYZER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever the input, the analyser returns, quickly, and never throws. */
class HostileInputTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", ";", ";;;", "SELECT", "SELECT * FROM", "SELECT * FROM t WHERE (a = ?",
      "SELECT * FROM t WHERE a = ? ) OR (1 = 1", "'", "\"unterminated", "/* open comment",
      "SELECT * FROM t WHERE a = ? garbage garbage", "DROP", "\u0000\u0001\u0002", "?????",
      "SELECT 'a\\'' FROM t", "UPDATE SET WHERE", "INSERT INTO", "((((((((((", "))))"})
  void malformedIsUnanalysable(String sql) {
    Analysis a = ANALYZER.analyze(sql);
    assertThat(a.analysable()).as(sql).isFalse();
    assertThat(a.unanalysableReason()).isNotBlank();
  }

  @Test
  void nullIsUnanalysable() {
    assertThat(ANALYZER.analyze(null).analysable()).isFalse();
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      char[] chars = new char[random.nextInt(200)];
      for (int j = 0; j < chars.length; j++) {
        chars[j] = (char) random.nextInt(128);
      }
      String sql = new String(chars);
      assertThatCode(() -> ANALYZER.analyze(sql)).doesNotThrowAnyException();
    }
  }

  @Test
  void randomSqlTokensNeverThrow() {
    String[] tokens = {"SELECT", "*", "FROM", "t", "WHERE", "a", "=", "?", "OR", "AND", "(", ")", "IN",
        "UNION", "NOT", "LIKE", ",", "JOIN", "ON", ";", "1", "NULL", "CASE", "WHEN", "THEN", "END", "x.y"};
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder("SELECT ");
      for (int j = random.nextInt(30); j > 0; j--) {
        sb.append(tokens[random.nextInt(tokens.length)]).append(' ');
      }
      String sql = sb.toString();
      assertThatCode(() -> ANALYZER.analyze(sql)).doesNotThrowAnyException();
    }
  }

  @Test
  void twoThousandTermInListIsQuick() {
    StringBuilder sb = new StringBuilder("SELECT * FROM t WHERE id IN (");
    for (int i = 0; i < 2000; i++) {
      sb.append(i == 0 ? "?" : ", ?");
    }
    sb.append(") AND name = ?");
    String sql = sb.toString();
    Analysis a = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> ANALYZER.analyze(sql));
    assertThat(a.analysable()).isTrue();
    assertThat(a.bindings()).hasSize(2001);
    assertThat(Analyses.compact(a.bindings().get(1999))).isEqualTo("id@t IN_LIST");
    assertThat(Analyses.compact(a.bindings().get(2000))).isEqualTo("name@t EQUALS");
  }

  @Test
  void fiftyLevelsOfParenthesesStillBind() {
    String sql = "SELECT * FROM t WHERE " + "(".repeat(50) + "a = ?" + ")".repeat(50);
    Analysis a = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> ANALYZER.analyze(sql));
    assertThat(Analyses.compact(a.bindings().get(0))).isEqualTo("a@t EQUALS");
  }

  /** The pipeline never parses past 64 levels; called directly, the parse deadline bounds the work. */
  @Test
  void twoHundredLevelsOfParenthesesReturnWithinTheParseBudget() {
    String sql = "SELECT * FROM t WHERE " + "(".repeat(200) + "a = ?" + ")".repeat(200);
    Analysis a = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> ANALYZER.analyze(sql));
    String outcome = a.analysable() ? Analyses.compact(a.bindings().get(0)) : a.unanalysableReason();
    assertThat(outcome).matches("a@t EQUALS|the parser gave up after \\d+ ms of CPU time");
  }

  /** Short hostile input that makes JSqlParser 5.3 backtrack for seconds, even without complex parsing. */
  @Test
  void exponentialBacktrackingIsCutByTheParseDeadline() {
    String sql = "SELECT " + "( ".repeat(12) + "OR NULL" + " )".repeat(12);
    Analysis a = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> ANALYZER.analyze(sql));
    assertThat(a.analysable()).isFalse();
  }

  /** Complex parsing triples its cost per level: ten levels would take seconds with it. */
  @Test
  void tenLevelsOfNestedFunctionsAndParenthesesReturnQuickly() {
    String sql = "SELECT " + "COALESCE(".repeat(10) + "a" + ", ?)".repeat(10) + " FROM t WHERE "
        + "(b = ? OR ".repeat(10) + "c = ?" + ")".repeat(10);
    Analysis a = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> ANALYZER.analyze(sql));
    assertThat(a.analysable()).isTrue();
    assertThat(a.bindings()).hasSize(21);
  }

  /** With complex parsing first this took 80 s in JSqlParser 5.3; simple parsing fails in about 0.3 s. */
  @Test
  void failingNestedParseIsBounded() {
    Analysis a = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(3),
        () -> ANALYZER.analyze("SELECT ( ( ( OR NULL ) ) )"));
    assertThat(a.analysable()).isFalse();
  }

  @Test
  void fiveThousandLevelsOfFunctionsAreUnanalysableNotACrash() {
    String sql = "SELECT " + "COALESCE(".repeat(5000) + "a" + ", ?)".repeat(5000) + " FROM t";
    Analysis a = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> ANALYZER.analyze(sql));
    assertThat(a.analysable()).isFalse();
  }

  @Test
  void longAndChainDoesNotOverflow() {
    StringBuilder sb = new StringBuilder("SELECT * FROM t WHERE a0 = ?");
    for (int i = 1; i < 2000; i++) {
      sb.append(" AND a").append(i).append(" = ?");
    }
    Analysis a = ANALYZER.analyze(sb.toString());
    assertThat(a.bindings().size()).isIn(0, 2000);
  }

  @Test
  void reasonNeverCarriesALiteral() {
    Analysis a = ANALYZER.analyze("SELECT * FROM t WHERE a = 'secret-value' garbage 'secret-value'");
    assertThat(a.analysable()).isFalse();
    assertThat(a.unanalysableReason()).doesNotContain("secret");
  }

  @Test
  void concurrentUseGivesTheSameAnswers() throws Exception {
    String sql = "SELECT c.email FROM customers c JOIN orders o ON o.cid = c.id WHERE c.email = ? AND o.total > ?";
    Analysis expected = ANALYZER.analyze(sql);
    Thread[] threads = new Thread[4];
    Analysis[][] results = new Analysis[threads.length][50];
    for (int t = 0; t < threads.length; t++) {
      int index = t;
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 50; i++) {
          results[index][i] = ANALYZER.analyze(sql);
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    for (Analysis[] perThread : results) {
      for (Analysis a : perThread) {
        assertThat(a).isEqualTo(expected);
      }
    }
  }
}
