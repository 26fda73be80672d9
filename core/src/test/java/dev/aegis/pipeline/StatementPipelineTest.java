package dev.aegis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLClientInfoException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StatementPipelineTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final StatementPipeline pipeline = StatementPipeline.create(AegisConfig.defaults(), registry);

  @ParameterizedTest
  @EnumSource(SqlEntry.class)
  void sqlIsReturnedUnchanged(SqlEntry entry) throws Exception {
    String sql = new String("\n  SELECT email FROM customers WHERE name = 'O\\'Reilly' -- note\n  ");

    assertThat(pipeline.intercept(entry, sql)).isSameAs(sql);
  }

  @Test
  void nullIsPassedOnForTheDelegateToReject() throws Exception {
    assertThat(pipeline.intercept(SqlEntry.EXECUTE, null)).isNull();
    assertThat(statements(SqlEntry.EXECUTE).count()).as("still counted").isEqualTo(1.0);
  }

  @Test
  void emptyAndHostileTextIsReturnedUnchanged() throws Exception {
    assertThat(pipeline.intercept(SqlEntry.EXECUTE, "")).isEmpty();
    String injection = "SELECT * FROM users WHERE name = '' OR 1=1; DROP TABLE users; #";
    assertThat(pipeline.intercept(SqlEntry.EXECUTE_QUERY, injection)).isEqualTo(injection);
  }

  @Test
  void eachStatementIsCountedUnderItsEntry() throws Exception {
    pipeline.intercept(SqlEntry.EXECUTE_QUERY, "SELECT 1");
    pipeline.intercept(SqlEntry.EXECUTE_QUERY, "SELECT 2");
    pipeline.intercept(SqlEntry.PREPARE_STATEMENT, "SELECT ?");

    assertThat(statements(SqlEntry.EXECUTE_QUERY).count()).isEqualTo(2.0);
    assertThat(statements(SqlEntry.PREPARE_STATEMENT).count()).isEqualTo(1.0);
    assertThat(statements(SqlEntry.EXECUTE).count()).isZero();
    assertThat(registry.get("aegis.statements").counters()).hasSize(SqlEntry.values().length);
  }

  @Test
  void timeSpentIsRecordedUnderItsEntry() throws Exception {
    int sent = 200 * PipelineMetrics.TIMED_ONE_IN;
    for (int i = 0; i < sent; i++) {
      pipeline.intercept(SqlEntry.ADD_BATCH, "INSERT INTO t VALUES (" + (i % 2) + ")");
    }

    Timer timer = duration(SqlEntry.ADD_BATCH);
    // One in TIMED_ONE_IN at random: 200 expected, and 100 or 300 lie beyond ten standard deviations.
    assertThat(timer.count()).isBetween(100L, 300L);
    assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    assertThat(statements(SqlEntry.ADD_BATCH).count()).as("every statement counted").isEqualTo(sent);
    assertThat(duration(SqlEntry.EXECUTE_UPDATE).count()).isZero();
  }

  @Test
  void metersExistBeforeTheFirstStatement() {
    for (SqlEntry entry : SqlEntry.values()) {
      assertThat(statements(entry).count()).as(entry.tag()).isZero();
      assertThat(duration(entry).count()).as(entry.tag()).isZero();
    }
  }

  @Test
  void pipelinesSharingARegistryShareTheirMeters() throws Exception {
    StatementPipeline other = StatementPipeline.create(AegisConfig.defaults(), registry);

    pipeline.intercept(SqlEntry.NATIVE_SQL, "SELECT 1");
    other.intercept(SqlEntry.NATIVE_SQL, "SELECT 1");

    assertThat(statements(SqlEntry.NATIVE_SQL).count()).isEqualTo(2.0);
  }

  @ParameterizedTest
  @CsvSource({
      "EXECUTE, execute",
      "EXECUTE_QUERY, execute-query",
      "EXECUTE_UPDATE, execute-update",
      "ADD_BATCH, add-batch",
      "PREPARE_STATEMENT, prepare-statement",
      "PREPARE_CALL, prepare-call",
      "NATIVE_SQL, native-sql",
  })
  void entryTagsAreLowerCaseWithDashes(SqlEntry entry, String tag) {
    assertThat(entry.tag()).isEqualTo(tag);
  }

  @Test
  void pipelineKeepsItsConfiguration() throws Exception {
    AegisConfig config = ConfigReader.parse("detection:\n  mode: enforce\n", "test");

    assertThat(StatementPipeline.create(config, registry).config()).isSameAs(config);
  }

  @Test
  void configurationAndRegistryAreRequired() {
    assertThatNullPointerException().isThrownBy(() -> StatementPipeline.create(null, registry))
        .withMessage("config");
    assertThatNullPointerException().isThrownBy(() -> StatementPipeline.create(AegisConfig.defaults(), null))
        .withMessage("registry");
  }

  @Test
  void aMeterRegistryThatThrowsNeverBreaksAStatement() throws Exception {
    SimpleMeterRegistry broken = new SimpleMeterRegistry() {
      @Override
      protected Counter newCounter(Meter.Id id) {
        return new Counter() {
          @Override
          public void increment(double amount) {
            throw new IllegalStateException("metrics backend down");
          }

          @Override
          public double count() {
            return 0;
          }

          @Override
          public Meter.Id getId() {
            return id;
          }
        };
      }
    };
    StatementPipeline guarded = StatementPipeline.create(AegisConfig.defaults(), broken);
    assertThat(guarded.intercept(SqlEntry.EXECUTE, "SELECT 1")).isEqualTo("SELECT 1");
    assertThat(guarded.intercept(SqlEntry.PREPARE_STATEMENT, "SELECT ?")).isEqualTo("SELECT ?");
    assertThat(guarded.telemetryFailures()).isEqualTo(2);
    assertThat(pipeline.telemetryFailures()).isZero();
  }

  @Test
  void onlyClientInfoThatWouldEndConnectorJsCommentIsRefused() throws Exception {
    pipeline.checkClientInfo("ApplicationName", "billing/v2 (eu-west) * / not an end");
    pipeline.checkClientInfo("ApplicationName", null);
    pipeline.checkClientInfo((Properties) null);

    for (String[] property : new String[][] {{"ApplicationName", "x */ DROP TABLE t -- "},
        {"evil*/name", "v"}}) {
      assertThatThrownBy(() -> pipeline.checkClientInfo(property[0], property[1]))
          .isInstanceOf(SQLClientInfoException.class)
          .extracting(e -> ((SQLClientInfoException) e).getSQLState()).isEqualTo("ZA110");
    }
    Properties properties = new Properties();
    properties.setProperty("ClientUser", "ada");
    properties.setProperty("ClientHostname", "h */ SELECT 1 -- ");
    assertThatThrownBy(() -> pipeline.checkClientInfo(properties))
        .isInstanceOf(SQLClientInfoException.class)
        .satisfies(e -> assertThat(((SQLClientInfoException) e).getFailedProperties()).containsKey("ClientHostname"));
  }

  private Counter statements(SqlEntry entry) {
    return registry.get("aegis.statements").tag("entry", entry.tag()).counter();
  }

  private Timer duration(SqlEntry entry) {
    return registry.get("aegis.pipeline.duration").tag("entry", entry.tag()).timer();
  }

  @Test
  void theShapeCacheAndUnreadableStatementsAreMeasured() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    StatementPipeline pipeline = StatementPipeline.create(AegisConfig.defaults(), registry);
    pipeline.intercept(SqlEntry.EXECUTE, "SELECT name FROM customers WHERE id = 1");
    pipeline.intercept(SqlEntry.EXECUTE, "SELECT name FROM customers WHERE id = 2");
    pipeline.intercept(SqlEntry.EXECUTE, "SELECT name FROM customers WHERE id = 3");
    pipeline.intercept(SqlEntry.EXECUTE, "SELEC name FROM WHERE (((");
    assertThat(registry.get("cache.gets").tag("cache", "aegis.shapes").tag("result", "hit")
        .functionCounter().count()).isGreaterThanOrEqualTo(2);
    assertThat(registry.get("aegis.analysis.unanalysable").counter().count()).isEqualTo(1);
  }
}
