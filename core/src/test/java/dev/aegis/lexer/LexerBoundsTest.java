package dev.aegis.lexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: the lexer must return, within its limits, on anything. The timeouts are hang guards far
 * above the real cost, not speed measurements (those are JMH's job).
 */
class LexerBoundsTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);
  private static final String ALPHABET = "'\"`\\/*!-#;()?@.,=<>|&^~%0123456789xXbB_aSELECTunion \t\n\r\u000B\u00A0é\u0000";

  @Test
  void randomTextNeverBreaksTheLexer() {
    Random random = new Random(20261123);
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (int round = 0; round < 3_000; round++) {
        StringBuilder sql = new StringBuilder();
        int length = random.nextInt(400);
        for (int i = 0; i < length; i++) {
          sql.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000)
              : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        LexedStatement lexed = Lexer.lex(sql.toString());
        assertThat(lexed.digest()).isNotNull();
        assertThat(lexed.parseText()).isNotNull();
        for (int v = 0; v < lexed.valueCount(); v++) {
          assertThat(lexed.valueStart(v)).isBetween(0, lexed.valueEnd(v));
          assertThat(lexed.valueEnd(v)).isLessThanOrEqualTo(sql.length());
          assertThat(lexed.valuePlaceholder(v)).isBetween(0, lexed.placeholderCount() - 1);
          lexed.literalValue(v);
        }
      }
    });
  }

  @Test
  void aMegabyteStatementIsLexedWholeAndStillFoldsToAShortDigest() {
    StringBuilder sql = new StringBuilder("INSERT INTO t (a, b) VALUES ");
    for (int row = 0; sql.length() < 1_000_000; row++) {
      sql.append(row == 0 ? "" : ", ").append('(').append(row).append(", 'value ").append(row).append("')");
    }
    LexedStatement lexed = assertTimeoutPreemptively(HANG_GUARD, () -> Lexer.lex(sql.toString()));
    assertThat(lexed.overLimit()).isNull();
    assertThat(lexed.digest()).isEqualTo("INSERT INTO t(a, b) VALUES (?, ?)");
    assertThat(lexed.valueCount()).isGreaterThan(50_000);
  }

  @Test
  void textBeyondTheLengthLimitIsStillReadForHiddenSql() {
    String padding = "x".repeat(2_000_000);
    LexedStatement plain = assertTimeoutPreemptively(HANG_GUARD,
        () -> Lexer.lex("SELECT id FROM t WHERE name = '" + padding + "'"));
    assertThat(plain.overLimit()).as("one literal across the limit is read whole").isNull();
    assertThat(plain.digest()).isEqualTo("SELECT id FROM t WHERE name = ?");
    LexedStatement hiding = Lexer.lex("SELECT id FROM t WHERE name = '" + padding
        + "' UNION SELECT authentication_string FROM mysql.user");
    assertThat(hiding.overLimit()).contains("longer than");
    assertThat(hiding.tailHidesSql()).isTrue();
    assertThat(hiding.digest()).as("never the cached shape of the statement it starts like")
        .isNotEqualTo(Lexer.lex("SELECT id FROM t WHERE name = 'x'").digest());
  }

  @Test
  void tenThousandNestedParenthesesAreCountedNotRecursed() {
    String sql = "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
    LexedStatement lexed = assertTimeoutPreemptively(HANG_GUARD, () -> Lexer.lex(sql));
    assertThat(lexed.maxDepth()).isEqualTo(10_000);
    assertThat(lexed.overLimit()).contains("nested deeper than 64");
    assertThat(lexed.digest()).startsWith("SELECT ((((");
  }

  @Test
  void tokenLimitStopsTheLexer() {
    String sql = "SELECT " + "1,".repeat(60_000) + "1";
    LexedStatement lexed = Lexer.lex(sql, new LexerLimits(1 << 20, 50_000, 64));
    assertThat(lexed.overLimit()).contains("more than 50000 tokens");
    assertThat(lexed.tokenCount()).isEqualTo(50_000);
    assertThat(lexed.tailHidesSql()).as("only values past the limit").isFalse();
  }

  @Test
  void unterminatedQuotesAndCommentsAreFlagged() {
    for (String sql : new String[] {"'", "\"", "`", "/*", "/*!", "/*M!", "@'", "x'", "_utf8'"}) {
      assertThat(Lexer.lex(sql).unterminated()).as(sql).isTrue();
    }
    assertThat(Lexer.lex("SELECT ((((").maxDepth()).isEqualTo(4);
  }
}
