package dev.aegis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.allowlist.AllowlistHooks;
import dev.aegis.config.ConfigReader;
import dev.aegis.context.AegisContext;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.error.AegisCallerBlockedException;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.events.SecurityEvent;
import dev.aegis.lockout.ManualTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automatic response in the pipeline, with blocks kept in memory (the shared table is in the ITs): who is
 * counted, when a caller is blocked, what a refused statement says, and when the block ends.
 */
class ResponseCheckTest {
  private static final Session APP = new Session("app", "app-host-1");
  private static final String INJECTION = "SELECT name FROM customers WHERE name = '' OR 1=1 -- '";
  private static final String CLEAN = "SELECT name FROM customers WHERE id = 7";
  private static final String MALLORY_AT = "203.0.113.66";

  @TempDir
  Path dir;
  private final ManualTime time = new ManualTime();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

  private StatementPipeline pipeline(String response) throws Exception {
    return pipeline("enforce", response);
  }

  private StatementPipeline pipeline(String mode, String response) throws Exception {
    StatementPipeline pipeline = PipelineHooks.withEvents(ConfigReader.parse("""
        detection:
          mode: %s
        response:
          store: memory
          refresh: 24h
        %s""".formatted(mode, response.indent(2)), "test.yml"), registry, dir, time, events::add);
    pipeline.open(null, null);
    return pipeline;
  }

  private static void injectThrice(StatementPipeline pipeline) {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> pipeline.intercept(APP, SqlEntry.EXECUTE_QUERY, INJECTION))
          .isInstanceOf(AegisBlockedException.class);
    }
  }

  private static AegisCallerBlockedException refused(StatementPipeline pipeline, String sql) {
    return catchThrowableOfType(AegisCallerBlockedException.class,
        () -> pipeline.intercept(APP, SqlEntry.EXECUTE_QUERY, sql));
  }

  private double meter(String name, String kind) {
    return registry.get(name).tag("kind", kind).counter().count();
  }

  @Test
  void threeBlockedStatementsBlockThePrincipalAndTheAddressAndTheMessageSaysWhoUntilWhenWhyAndHowToLiftIt()
      throws Exception {
    StatementPipeline pipeline = pipeline("");
    try (AegisContext.Scope mallory = AegisContext.enter("mallory", MALLORY_AT)) {
      injectThrice(pipeline);

      AegisCallerBlockedException e = refused(pipeline, CLEAN);
      assertThat((Throwable) e).isNotNull();
      assertThat(e.getSQLState()).isEqualTo("ZA130");
      assertThat(e.until()).isEqualTo(ManualTime.START.plus(Duration.ofMinutes(30)));
      assertThat(e.blockedPrincipal()).isEqualTo("mallory");
      assertThat(e.blockedAddress()).isEqualTo(MALLORY_AT);
      assertThat(e.getMessage()).startsWith("Aegis refused this statement before it reached the server: principal"
          + " 'mallory' is blocked until 2026-11-23T10:30:00Z (3 blocked statements within 10m: tautology-or")
          .contains("address '203.0.113.66' is blocked until 2026-11-23T10:30:00Z")
          .contains("docs/response.md")
          .contains("aegis blocks remove --principal 'mallory' (and again with --address '203.0.113.66')")
          .doesNotContain("1=1", "customers");
      assertThatThrownBy(() -> pipeline.prepare(APP, SqlEntry.PREPARE_STATEMENT, CLEAN)).as("prepared too")
          .isInstanceOf(AegisCallerBlockedException.class);
      assertThatThrownBy(() -> pipeline.admit(APP)).as("a statement prepared before the block, executed after it")
          .isInstanceOf(AegisCallerBlockedException.class);
    }
    assertThat(events).filteredOn(event -> event.rule().equals(ResponseCheck.CALLER_BLOCKED))
        .extracting(SecurityEvent::principal, SecurityEvent::address, SecurityEvent::severity, SecurityEvent::action)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("mallory", MALLORY_AT, "high", "block"),
            org.assertj.core.groups.Tuple.tuple("mallory", MALLORY_AT, "high", "block"));
    assertThat(events).filteredOn(event -> event.rule().equals(ResponseCheck.CALLER_BLOCKED))
        .extracting(SecurityEvent::detail).first().asString()
        .startsWith("principal blocked for 30m until 2026-11-23T10:30:00Z (3 blocked statements within 10m:");
    assertThat(meter(ResponseMetrics.CREATED, "principal")).isEqualTo(1);
    assertThat(meter(ResponseMetrics.CREATED, "address")).isEqualTo(1);
    assertThat(meter(ResponseMetrics.REFUSED, "principal")).isEqualTo(3);
  }

  @Test
  void othersPassAndTheBlockEndsByItself() throws Exception {
    StatementPipeline pipeline = pipeline("");
    try (AegisContext.Scope mallory = AegisContext.enter("mallory", MALLORY_AT)) {
      injectThrice(pipeline);
    }
    try (AegisContext.Scope alice = AegisContext.enter("alice", "198.51.100.7")) {
      assertThat(pipeline.intercept(APP, SqlEntry.EXECUTE_QUERY, CLEAN)).isEqualTo(CLEAN);
    }
    try (AegisContext.Scope mallory = AegisContext.enter("mallory", "198.51.100.8")) {
      assertThat(refused(pipeline, CLEAN).blockedAddress()).as("the principal from elsewhere").isNull();
    }
    try (AegisContext.Scope bob = AegisContext.enter("bob", MALLORY_AT)) {
      assertThat(refused(pipeline, CLEAN).blockedPrincipal()).as("another principal from the address").isNull();
    }

    time.advance(Duration.ofMinutes(30));
    try (AegisContext.Scope mallory = AegisContext.enter("mallory", MALLORY_AT)) {
      assertThat(pipeline.intercept(APP, SqlEntry.EXECUTE_QUERY, CLEAN)).isEqualTo(CLEAN);
    }
  }

  @Test
  void scopePrincipalLeavesTheAddressAloneAndScopeAddressThePrincipal() throws Exception {
    StatementPipeline byPrincipal = pipeline("scope: principal");
    try (AegisContext.Scope mallory = AegisContext.enter("mallory", MALLORY_AT)) {
      injectThrice(byPrincipal);
      assertThat(refused(byPrincipal, CLEAN).blockedAddress()).isNull();
    }
    try (AegisContext.Scope bob = AegisContext.enter("bob", MALLORY_AT)) {
      assertThat(byPrincipal.intercept(APP, SqlEntry.EXECUTE_QUERY, CLEAN)).isEqualTo(CLEAN);
    }

    StatementPipeline byAddress = pipeline("scope: address");
    try (AegisContext.Scope mallory = AegisContext.enter("mallory", MALLORY_AT)) {
      injectThrice(byAddress);
    }
    try (AegisContext.Scope mallory = AegisContext.enter("mallory", "198.51.100.8")) {
      assertThat(byAddress.intercept(APP, SqlEntry.EXECUTE_QUERY, CLEAN)).isEqualTo(CLEAN);
    }
    try (AegisContext.Scope bob = AegisContext.enter("bob", MALLORY_AT)) {
      assertThat(refused(byAddress, CLEAN).blockedAddress()).isEqualTo(MALLORY_AT);
    }
  }

  @Test
  void blockedStatementsSpreadWiderThanTheWindowBlockNobody() throws Exception {
    StatementPipeline pipeline = pipeline("block-after: 3\nwithin: 10m");
    try (AegisContext.Scope mallory = AegisContext.enter("mallory", MALLORY_AT)) {
      for (int i = 0; i < 6; i++) {
        assertThatThrownBy(() -> pipeline.intercept(APP, SqlEntry.EXECUTE_QUERY, INJECTION))
            .isInstanceOf(AegisBlockedException.class);
        time.advance(Duration.ofMinutes(6));
      }
      assertThat(pipeline.intercept(APP, SqlEntry.EXECUTE_QUERY, CLEAN)).isEqualTo(CLEAN);
    }
  }

  @Test
  void withoutAegisContextTheApplicationsOwnAccountAndHostAreNeverBlocked() throws Exception {
    StatementPipeline pipeline = pipeline("");
    injectThrice(pipeline);
    injectThrice(pipeline);

    assertThat(pipeline.intercept(APP, SqlEntry.EXECUTE_QUERY, CLEAN)).isEqualTo(CLEAN);
    assertThat(events).noneMatch(event -> event.rule().equals(ResponseCheck.CALLER_BLOCKED));
  }

  @Test
  void blockDatabaseUserBlocksTheDatabaseUserButNeverThisHost() throws Exception {
    StatementPipeline pipeline = pipeline("block-database-user: true");
    injectThrice(pipeline);

    AegisCallerBlockedException e = refused(pipeline, CLEAN);
    assertThat(e.blockedPrincipal()).isEqualTo("app");
    assertThat(e.blockedAddress()).isNull();
    Session sameHostOtherUser = new Session("reporting", "app-host-1");
    assertThat(pipeline.intercept(sameHostOtherUser, SqlEntry.EXECUTE_QUERY, CLEAN)).isEqualTo(CLEAN);
  }

  @Test
  void monitorAndDisabledResponseBlockNobody() throws Exception {
    for (StatementPipeline pipeline : List.of(pipeline("monitor", ""), pipeline("enabled: false"))) {
      try (AegisContext.Scope mallory = AegisContext.enter("mallory", MALLORY_AT)) {
        for (int i = 0; i < 4; i++) {
          try {
            pipeline.intercept(APP, SqlEntry.EXECUTE_QUERY, INJECTION);
          } catch (AegisBlockedException expectedInEnforce) {
            // enabled: false still blocks the statement itself, just not its caller
          }
        }
        assertThat(pipeline.intercept(APP, SqlEntry.EXECUTE_QUERY, CLEAN)).isEqualTo(CLEAN);
        assertThat(pipeline.blocks()).isNull();
      }
    }
  }

  @Test
  void unknownShapesOfTheAllowlistCountToo() throws Exception {
    StatementPipeline learn = PipelineHooks.withEvents(ConfigReader.parse(
        "detection:\n  mode: learn\n  allowlist: file:allowlist.txt\n  allowlist-refresh: 24h\n", "learn.yml"),
        registry, dir, time, events::add);
    learn.open(null, null);
    learn.intercept(APP, SqlEntry.EXECUTE_QUERY, CLEAN);
    AllowlistHooks.flush(learn.allowlist());
    StatementPipeline enforce = PipelineHooks.withEvents(ConfigReader.parse("""
        detection:
          mode: enforce
          allowlist: file:allowlist.txt
          allowlist-refresh: 24h
        response:
          store: memory
        """, "enforce.yml"), registry, dir, time, events::add);
    enforce.open(null, null);

    try (AegisContext.Scope mallory = AegisContext.enter("mallory", null)) {
      assertThat(enforce.intercept(APP, SqlEntry.EXECUTE_QUERY, CLEAN)).isEqualTo(CLEAN);
      for (String probe : List.of("SELECT email FROM customers", "SELECT id FROM orders", "DELETE FROM customers")) {
        assertThatThrownBy(() -> enforce.intercept(APP, SqlEntry.EXECUTE_QUERY, probe))
            .isInstanceOfSatisfying(AegisBlockedException.class, b -> assertThat(b.rules()).contains("unknown-shape"));
      }
      assertThat(refused(enforce, CLEAN).getMessage()).contains("(3 blocked statements within 10m: unknown-shape)");
    }
  }

  @Test
  void aPrincipalTooLongForTheTableIsNotBlocked() throws Exception {
    StatementPipeline pipeline = pipeline("scope: principal");
    try (AegisContext.Scope longName = AegisContext.enter("m".repeat(300), null)) {
      injectThrice(pipeline);
      assertThat(pipeline.intercept(APP, SqlEntry.EXECUTE_QUERY, CLEAN)).isEqualTo(CLEAN);
    }
  }

  @Test
  void aJdbcStoreWithoutConnectionsOfItsOwnIsAConfigurationError() throws Exception {
    StatementPipeline pipeline = PipelineHooks.withEvents(ConfigReader.parse(
        "detection:\n  mode: enforce\nresponse:\n  store: jdbc\n", "test.yml"), registry, dir, time, events::add);

    assertThatThrownBy(() -> pipeline.open(null, null)).isInstanceOf(AegisConfigurationException.class)
        .hasMessageContaining("response.store: memory");
  }
}
