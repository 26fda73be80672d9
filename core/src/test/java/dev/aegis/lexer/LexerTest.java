package dev.aegis.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexerTest {

  private static List<String> tokens(String sql) {
    LexedStatement s = Lexer.lex(sql);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.tokenCount(); i++) {
      out.add(s.type(i) + ":" + s.text(i));
    }
    return out;
  }

  @Test
  void stringsInBothQuoteStylesWithBothEscapes() {
    assertThat(tokens("'it''s' \"say \\\"hi\\\"\" 'O\\'Reilly'")).containsExactly(
        "STRING:'it''s'", "STRING:\"say \\\"hi\\\"\"", "STRING:'O\\'Reilly'");
  }

  @Test
  void introducersAndBinaryLiteralsAreOneToken() {
    assertThat(tokens("_utf8mb4'x' N'y' X'4142' x'41' 0x4142 b'0101' B'1' 0b0101")).containsExactly(
        "STRING:_utf8mb4'x'", "STRING:N'y'", "HEX:X'4142'", "HEX:x'41'", "HEX:0x4142", "BIT:b'0101'",
        "BIT:B'1'", "BIT:0b0101");
  }

  @Test
  void numbersAndNamesThatStartWithDigits() {
    assertThat(tokens("1 1.5 .5 1e10 1.5E-3 1abc t.5")).containsExactly(
        "NUMBER:1", "NUMBER:1.5", "NUMBER:.5", "NUMBER:1e10", "NUMBER:1.5E-3", "IDENTIFIER:1abc",
        "IDENTIFIER:t", "DOT:.", "NUMBER:5");
  }

  @Test
  void backtickNamesVariablesAndPlaceholders() {
    assertThat(tokens("`my ``odd`` name` @x @'q x' @@global.max_connections ?")).containsExactly(
        "QUOTED_IDENTIFIER:`my ``odd`` name`", "USER_VARIABLE:@x", "USER_VARIABLE:@'q x'",
        "SYSTEM_VARIABLE:@@global.max_connections", "PLACEHOLDER:?");
  }

  @Test
  void doubleDashStartsACommentOnlyBeforeWhitespace() {
    assertThat(tokens("1--1")).containsExactly("NUMBER:1", "OPERATOR:-", "OPERATOR:-", "NUMBER:1");
    assertThat(tokens("1 -- x\n2 #y\n3 /* z */ 4")).containsExactly("NUMBER:1", "COMMENT:-- x", "NUMBER:2",
        "COMMENT:#y", "NUMBER:3", "COMMENT:/* z */", "NUMBER:4");
    assertThat(tokens("1 --")).containsExactly("NUMBER:1", "COMMENT:--");
  }

  @Test
  void executableCommentContentIsLexedAsSql() {
    assertThat(tokens("SELECT /*!50000 UNION*/ /*!SELECT */ 1")).containsExactly("KEYWORD:SELECT",
        "EXECUTABLE_COMMENT_START:/*!50000", "KEYWORD:UNION", "EXECUTABLE_COMMENT_END:*/",
        "EXECUTABLE_COMMENT_START:/*!", "KEYWORD:SELECT", "EXECUTABLE_COMMENT_END:*/", "NUMBER:1");
  }

  @Test
  void operatorsAreLongestMatch() {
    assertThat(tokens("a<=>b a<>b a!=b a<=b a>=b a:=b a||b a&&b a<<b a->>'$.x'")).filteredOn(t -> t.startsWith("OPERATOR"))
        .containsExactly("OPERATOR:<=>", "OPERATOR:<>", "OPERATOR:!=", "OPERATOR:<=", "OPERATOR:>=",
            "OPERATOR::=", "OPERATOR:||", "OPERATOR:&&", "OPERATOR:<<", "OPERATOR:->>");
  }

  @Test
  void unterminatedStringOrCommentRunsToTheEndAndIsFlagged() {
    assertThat(Lexer.lex("SELECT 'abc").unterminated()).isTrue();
    assertThat(Lexer.lex("SELECT 1 /* abc").unterminated()).isTrue();
    assertThat(Lexer.lex("SELECT `abc").unterminated()).isTrue();
    assertThat(Lexer.lex("SELECT /*! 1").unterminated()).isTrue();
    assertThat(Lexer.lex("SELECT 'abc'").unterminated()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT\u000B1", "SELECT\f1", "SELECT\u00A01", "SELECT\u20031"})
  void oddWhitespaceIsNoticed(String sql) {
    LexedStatement lexed = Lexer.lex(sql);
    assertThat(lexed.oddWhitespace()).isTrue();
    assertThat(lexed.digest()).isEqualTo("SELECT ?");
  }

  @Test
  void ordinaryWhitespaceIsNotOdd() {
    assertThat(Lexer.lex("SELECT\t1\r\n FROM t").oddWhitespace()).isFalse();
  }

  @Test
  void statementsAreCountedAcrossSemicolons() {
    assertThat(Lexer.lex("SELECT 1").statementCount()).isEqualTo(1);
    assertThat(Lexer.lex("SELECT 1;").statementCount()).isEqualTo(1);
    assertThat(Lexer.lex("SELECT 1; -- done").statementCount()).isEqualTo(1);
    assertThat(Lexer.lex("SELECT 1; DROP TABLE t").statementCount()).isEqualTo(2);
    assertThat(Lexer.lex("SELECT ';'").statementCount()).isEqualTo(1);
  }

  @Test
  void aRoutineBodyIsOneStatementWhateverItsSemicolons() {
    assertThat(Lexer.lex("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END").statementCount()).isEqualTo(1);
    assertThat(Lexer.lex("CREATE DEFINER = CURRENT_USER TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN"
        + " SET NEW.a = 1; END").statementCount()).isEqualTo(1);
    assertThat(Lexer.lex("CREATE TABLE t (a INT); DROP TABLE u").statementCount()).isEqualTo(2);
  }

  @Test
  void literalValuesAreDecodedAsMysqlReadsThem() {
    assertThat(valueOf("'O\\'Reilly'")).isEqualTo("O'Reilly");
    assertThat(valueOf("'it''s'")).isEqualTo("it's");
    assertThat(valueOf("\"a\\nb\"")).isEqualTo("a\nb");
    assertThat(valueOf("_latin1'x'")).isEqualTo("x");
    assertThat(valueOf("'50\\%'")).as("LIKE escapes stay escaped").isEqualTo("50\\%");
    assertThat(valueOf("-12.5")).isEqualTo("-12.5");
  }

  private static String valueOf(String literal) {
    LexedStatement lexed = Lexer.lex("SELECT " + literal);
    assertThat(lexed.valueCount()).isEqualTo(1);
    return lexed.literalValue(0);
  }
}
