package dev.aegis.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {

  private static String digest(String sql) {
    return Lexer.lex(sql).digest();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id, name FROM users WHERE id = 42 AND name = 'ada'",
      "select id,name from USERS where ID=7 and NAME=\"grace\"",
      "  SELECT\n\tid ,  name\nFROM users\r\nWHERE id = -1 AND name = 'O\\'Reilly'  ",
      "/* app=checkout */ SELECT id, name FROM users -- trailing\n WHERE id = 0x10 AND name = _utf8mb4'x'",
      "SELECT id, name FROM users WHERE id = ? AND name = ?"})
  void sameShapeGivesTheSameDigest(String sql) {
    assertThat(digest(sql)).isEqualTo("SELECT id, name FROM users WHERE id = ? AND name = ?");
  }

  @Test
  void inListsOfValuesFoldToOnePlaceholder() {
    assertThat(digest("SELECT * FROM t WHERE a IN (1, 2, 3)")).isEqualTo("SELECT * FROM t WHERE a IN (?)");
    assertThat(digest("SELECT * FROM t WHERE a in ('x')")).isEqualTo("SELECT * FROM t WHERE a IN (?)");
    assertThat(digest("SELECT * FROM t WHERE a NOT IN (?, ?, -5)")).isEqualTo("SELECT * FROM t WHERE a NOT IN (?)");
    assertThat(digest("SELECT * FROM t WHERE a IN (b, 1)")).isEqualTo("SELECT * FROM t WHERE a IN (b, ?)");
    assertThat(digest("SELECT * FROM t WHERE a IN (SELECT b FROM u WHERE c = 1)"))
        .isEqualTo("SELECT * FROM t WHERE a IN (SELECT b FROM u WHERE c = ?)");
  }

  @Test
  void everyValueOfAFoldedListMapsToItsPlaceholder() {
    LexedStatement lexed = Lexer.lex("SELECT * FROM t WHERE x = 'k' AND a IN (1, 2, 3) AND b = ?");
    assertThat(lexed.placeholderCount()).isEqualTo(3);
    assertThat(lexed.valueCount()).isEqualTo(5);
    assertThat(new int[] {lexed.valuePlaceholder(0), lexed.valuePlaceholder(1), lexed.valuePlaceholder(2),
        lexed.valuePlaceholder(3), lexed.valuePlaceholder(4)}).containsExactly(0, 1, 1, 1, 2);
    assertThat(lexed.valueType(4)).isEqualTo(TokenType.PLACEHOLDER);
    assertThat(lexed.firstValueOf(1)).isEqualTo(1);
  }

  @Test
  void multiRowValuesFoldToTheFirstRowAndMapByPosition() {
    LexedStatement lexed = Lexer.lex("INSERT INTO t (a, b, c) VALUES (1, 'x', NULL), (2, 'y', NULL), (3, 'z', NULL)");
    assertThat(lexed.digest()).isEqualTo("INSERT INTO t(a, b, c) VALUES (?, ?, NULL)");
    assertThat(lexed.valueCount()).isEqualTo(6);
    assertThat(lexed.valuePlaceholder(5)).isEqualTo(1);
    assertThat(lexed.literalValue(5)).isEqualTo("z");
    assertThat(digest("INSERT INTO t (a, b) VALUES (?, ?), (?, ?)")).isEqualTo(digest("INSERT INTO t (a, b) VALUES (1, 2)"));
  }

  @Test
  void rowsOfAnotherShapeAreNotFolded() {
    assertThat(digest("INSERT INTO t (a, b) VALUES (1, NULL), (2, 3)"))
        .isEqualTo("INSERT INTO t(a, b) VALUES (?, NULL), (?, ?)");
    assertThat(digest("INSERT INTO t (a, b) VALUES (1, NOW()), (2, NOW())"))
        .isEqualTo("INSERT INTO t(a, b) VALUES (?, now()), (?, now())");
  }

  @Test
  void executableCommentsStayInTheDigestAndOpenInTheParseText() {
    LexedStatement lexed = Lexer.lex("SELECT a FROM t WHERE id = 1 /*!50000 UNION */ SELECT 2");
    assertThat(lexed.digest()).isEqualTo("SELECT a FROM t WHERE id = ? /*!50000 UNION */ SELECT ?");
    assertThat(lexed.parseText()).isEqualTo("SELECT a FROM t WHERE id = ? UNION SELECT ?");
  }

  @Test
  void signsBelongToNumbersOnlyWhereTheyAreUnary() {
    assertThat(digest("SELECT a - 1, -1, b*-2 FROM t WHERE c > -3")).isEqualTo("SELECT a - ?, ?, b * ? FROM t WHERE c > ?");
  }

  @Test
  void functionCallsKeepTheirParenthesisWhateverTheSpacing() {
    assertThat(digest("SELECT COUNT (*), char (65), IF (a, 1, 2) FROM t"))
        .isEqualTo(digest("SELECT count(*), CHAR(65), if(a,1,2) FROM t"))
        .isEqualTo("SELECT count(*), CHAR(?), IF(a, ?, ?) FROM t");
  }

  @Test
  void keywordsUpperNamesLowerQuotedNamesAsWritten() {
    assertThat(digest("select `Order`.Id from `Order` where Status = 'x'"))
        .isEqualTo("SELECT `Order`.id FROM `Order` WHERE status = ?");
  }

  @Test
  void literalsInsideStringsNeverReachTheDigest() {
    assertThat(digest("INSERT INTO comments (body) VALUES ('nice post -- OR 1=1; DROP TABLE users /*')"))
        .isEqualTo("INSERT INTO comments(body) VALUES (?)");
  }
}
