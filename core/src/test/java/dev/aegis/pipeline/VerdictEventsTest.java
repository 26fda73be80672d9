package dev.aegis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.config.ConfigReader;
import dev.aegis.context.AegisContext;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.events.SecurityEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Detection verdicts become security events: one per rule, with the caller, never a literal. */
class VerdictEventsTest {
  private static final String INJECTION = "SELECT * FROM users WHERE name = 'mallory' OR 'x'='x' -- '";
  private static final Session SESSION = new Session("app_user", "app-host-1");
  private final BlockingQueue<SecurityEvent> received = new LinkedBlockingQueue<>();

  private StatementPipeline pipeline(String mode) throws Exception {
    return StatementPipeline.create(ConfigReader.parse("detection:\n  mode: " + mode + "\n", "test.yml"),
        new SimpleMeterRegistry(), Path.of(""), List.of(received::add));
  }

  /** The events of one statement: as many as its verdict has rules; no more arrive for a clean one. */
  private List<SecurityEvent> events(int count) throws InterruptedException {
    List<SecurityEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SecurityEvent event = received.poll(10, TimeUnit.SECONDS);
      assertThat(event).as("event %d within 10 s", i + 1).isNotNull();
      events.add(event);
    }
    return events;
  }

  @Test
  void monitorPublishesOneWouldBlockEventPerRuleWithTheVerdictScore() throws Exception {
    StatementPipeline pipeline = pipeline("monitor");
    var inspection = pipeline.inspect(INJECTION);
    List<String> rules = inspection.verdict().findings().stream().map(s -> s.id()).toList();
    assertThat(rules).contains("tautology-or", "comment-truncation");

    pipeline.intercept(SESSION, SqlEntry.EXECUTE_QUERY, INJECTION);

    List<SecurityEvent> events = events(rules.size());
    assertThat(events).extracting(SecurityEvent::rule).containsExactlyElementsOf(rules);
    SecurityEvent tautology = events.get(rules.indexOf("tautology-or"));
    assertThat(tautology.category()).isEqualTo("injection");
    assertThat(tautology.severity()).isEqualTo("high");
    assertThat(tautology.action()).isEqualTo("would-block");
    assertThat(events).extracting(SecurityEvent::score).containsOnly(inspection.verdict().score());
    assertThat(events).extracting(SecurityEvent::digest).containsOnly(inspection.digest());
    assertThat(tautology.principal()).as("no context: the database user").isEqualTo("app_user");
    assertThat(tautology.address()).isEqualTo("app-host-1");
    assertThat(tautology.detail()).startsWith("tautology; execute-query in monitor mode; verdict rules: ");
    assertThat(events).allSatisfy(event -> assertThat(event.toString()).doesNotContain("mallory", "'x'"));
  }

  @Test
  void enforceBlocksAndReportsBlockWithTheCallerOfTheContext() throws Exception {
    StatementPipeline pipeline = pipeline("enforce");
    int rules = pipeline.inspect(INJECTION).verdict().findings().size();

    try (AegisContext.Scope scope = AegisContext.enter("alice", "203.0.113.7")) {
      assertThatThrownBy(() -> pipeline.intercept(SESSION, SqlEntry.EXECUTE_QUERY, INJECTION))
          .isInstanceOf(AegisBlockedException.class);
    }

    assertThat(events(rules)).allSatisfy(event -> {
      assertThat(event.action()).isEqualTo("block");
      assertThat(event.principal()).isEqualTo("alice");
      assertThat(event.address()).isEqualTo("203.0.113.7");
    });
  }

  @Test
  void alertsAreReportedAsAlertAndCleanStatementsNotAtAll() throws Exception {
    StatementPipeline pipeline = pipeline("enforce");
    String alert = "SELECT 1; SELECT 2";
    assertThat(pipeline.inspect(alert).verdict().action()).isEqualTo(dev.aegis.detect.Verdict.Action.ALERT);

    pipeline.intercept(SESSION, SqlEntry.EXECUTE, "SELECT name FROM users WHERE id = 7");
    pipeline.intercept(SESSION, SqlEntry.EXECUTE, alert);

    SecurityEvent event = events(1).get(0);
    assertThat(event.rule()).as("the clean statement published nothing before it").isEqualTo("stacked-query");
    assertThat(event.action()).isEqualTo("alert");
  }

  @Test
  void detectionOffPublishesNothing() throws Exception {
    StatementPipeline pipeline = pipeline("off");
    pipeline.intercept(SESSION, SqlEntry.EXECUTE_QUERY, INJECTION);
    pipeline.intercept(SESSION, SqlEntry.EXECUTE, "SELECT 1; SELECT 2");
    // Events arrive in order: if the marker comes first, the statements published nothing before it.
    pipeline.events().publish(new SecurityEvent(java.time.Instant.now(), "marker", "test", "info", 0, "allow",
        null, null, null, null));
    assertThat(events(1)).extracting(SecurityEvent::rule).containsExactly("marker");
  }
}
