package dev.aegis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.config.ConfigReader;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.events.SecurityEvent;
import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.Lexer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenedTextsTest {
  @Test
  void aTextIsFoundAgainWithWhatScreeningItFound() {
    ScreenedTexts texts = new ScreenedTexts(true);
    String sql = "SELECT name FROM customers WHERE id = 42";
    ScreenedTexts.Screened screened = screened(sql);

    texts.keep(sql, screened);

    assertThat(texts.find(new String(sql))).isSameAs(screened);
    assertThat(texts.find("SELECT name FROM customers WHERE id = 43")).isNull();
  }

  @Test
  void aTextLongerThanTheLimitIsNeverKept() {
    ScreenedTexts texts = new ScreenedTexts(true);
    String sql = "SELECT '" + "x".repeat(ScreenedTexts.MAX_TEXT) + "'";

    texts.keep(sql, screened(sql));

    assertThat(texts.find(sql)).isNull();
    assertThat(texts.size()).isZero();
  }

  @Test
  void withEncryptedColumnsOnlyTextsWithoutLiteralsAreKept() {
    ScreenedTexts texts = new ScreenedTexts(false);
    String literal = "INSERT INTO customers (email) VALUES ('alice@example.com')";
    String number = "SELECT email FROM customers WHERE id = 7";
    String parameters = "INSERT INTO customers (email) VALUES (?)";
    String none = "SELECT COUNT(*) FROM customers";

    for (String sql : List.of(literal, number, parameters, none)) {
      texts.keep(sql, screened(sql));
    }

    assertThat(texts.find(literal)).as("may carry a protected plaintext").isNull();
    assertThat(texts.find(number)).isNull();
    assertThat(texts.find(parameters)).isNotNull();
    assertThat(texts.find(none)).isNotNull();
  }

  @Test
  void theTextsKeptNeverHoldMoreThanTheCharacterBudget() {
    ScreenedTexts texts = new ScreenedTexts(true);
    int length = 2_000;
    for (int i = 0; i < 2 * ScreenedTexts.MAX_CHARACTERS / length; i++) {
      String sql = ("SELECT " + i + " FROM t WHERE a = '").concat("y".repeat(length)).substring(0, length - 1) + "'";
      texts.keep(sql, screened(sql));
    }

    assertThat(texts.size()).isPositive().isLessThanOrEqualTo(ScreenedTexts.MAX_CHARACTERS / length);
  }

  @Test
  void shortTextsAreChargedForWhatEachEntryCosts() {
    ScreenedTexts texts = new ScreenedTexts(true);
    for (int i = 0; i < 3 * ScreenedTexts.MAX_CHARACTERS / ScreenedTexts.ENTRY_CHARACTERS; i++) {
      String sql = "SELECT " + i;
      texts.keep(sql, screened(sql));
    }

    assertThat(texts.size()).isLessThanOrEqualTo(ScreenedTexts.MAX_CHARACTERS / ScreenedTexts.ENTRY_CHARACTERS);
  }

  @Test
  void aRepeatedInjectionIsBlockedAndReportedEveryTime() throws Exception {
    List<SecurityEvent> events = new ArrayList<>();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    StatementPipeline pipeline = PipelineHooks.withEvents(
        ConfigReader.parse("detection:\n  mode: enforce\n", "test"), registry, Path.of(""), events::add);
    String injection = "SELECT * FROM users WHERE name = '' OR 1=1 UNION SELECT user, password FROM mysql.user";

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> pipeline.intercept(Session.UNKNOWN, SqlEntry.EXECUTE_QUERY, injection))
          .isInstanceOf(AegisBlockedException.class);
    }

    assertThat(events).isNotEmpty();
    assertThat(events.size() % 3).as("the same events each time").isZero();
    assertThat(registry.get("aegis.verdicts").tag("action", "block").counter().count()).isEqualTo(3.0);
  }

  @Test
  void aCleanTextSentAgainStaysCleanAndNamesItsDigest() throws Exception {
    StatementPipeline pipeline = StatementPipeline.create(
        ConfigReader.parse("detection:\n  mode: enforce\n", "test"), new SimpleMeterRegistry());
    String sql = "SELECT name FROM customers WHERE id = 42";

    assertThat(pipeline.intercept(Session.UNKNOWN, SqlEntry.EXECUTE_QUERY, sql)).isSameAs(sql);
    assertThat(pipeline.intercept(Session.UNKNOWN, SqlEntry.EXECUTE_QUERY, new String(sql))).isEqualTo(sql);
    assertThat(pipeline.lastDigest()).isEqualTo("SELECT name FROM customers WHERE id = ?");
  }

  private static ScreenedTexts.Screened screened(String sql) {
    LexedStatement statement = Lexer.lex(sql);
    return new ScreenedTexts.Screened(statement, statement, null);
  }
}
