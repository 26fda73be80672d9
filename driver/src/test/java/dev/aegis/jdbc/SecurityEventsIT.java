package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mysql.cj.jdbc.MysqlDataSource;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigReader;
import dev.aegis.context.AegisContext;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.events.SecurityEvent;
import dev.aegis.events.SecurityEventListener;
import dev.aegis.pipeline.Inspection;
import dev.aegis.pipeline.StatementPipeline;
import dev.aegis.testing.LogCapture;
import dev.aegis.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Security events from statements through the driver against the real server, sink by sink. */
class SecurityEventsIT {
  /** One rule fires on it (checked below), so each execution raises exactly one event. */
  private static final String INJECTION = "SELECT owner FROM accounts WHERE owner = 'zq-literal-7' OR 1=1";
  private static final String DIGEST = "SELECT owner FROM accounts WHERE owner = ? OR ? = ?";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestDatabase db;
  private static Path dir;
  private final BlockingQueue<SecurityEvent> heard = new LinkedBlockingQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private String schema;

  @BeforeAll
  static void server(@TempDir Path temp) throws Exception {
    db = TestDatabase.shared();
    dir = temp;
    Files.writeString(dir.resolve("monitor.yml"), "detection:\n  mode: monitor\n");
  }

  @BeforeEach
  void accounts() throws SQLException {
    schema = db.createDatabase("events");
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(40))");
      s.execute("INSERT INTO accounts VALUES (1, 'ada'), (2, 'alan')");
    }
  }

  @AfterEach
  void releaseBlockedListener() {
    release.countDown();
  }

  private static AegisConfig config(String yaml) throws Exception {
    return ConfigReader.parse(yaml, "test.yml");
  }

  private AegisDataSource.Builder source() {
    MysqlDataSource mysql = new MysqlDataSource();
    mysql.setURL(db.plainUrl(schema));
    mysql.setUser(db.user());
    mysql.setPassword(db.password());
    return AegisDataSource.builder(mysql);
  }

  private static int rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int rows = 0;
      while (rs.next()) {
        rows++;
      }
      return rows;
    }
  }

  private SecurityEvent next() throws InterruptedException {
    SecurityEvent event = heard.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("an event within 10 s").isNotNull();
    return event;
  }

  @Test
  void theInjectionRaisesOneRule() throws Exception {
    Inspection inspection = StatementPipeline.create(AegisConfig.defaults(), new SimpleMeterRegistry())
        .inspect(INJECTION);
    assertThat(inspection.verdict().findings()).extracting(f -> f.id()).containsExactly("tautology-or");
    assertThat(inspection.digest()).isEqualTo(DIGEST);
  }

  @Test
  void monitorWritesExactlyTheExpectedJsonLineWithoutTheLiteral() throws Exception {
    Instant before = Instant.now();
    String line;
    try (LogCapture log = LogCapture.start()) {
      try (Connection c = DriverManager.getConnection(db.aegisUrl(schema, "aegis.config=" + dir.resolve(
          "monitor.yml")), db.credentials())) {
        assertThat(rows(c, INJECTION)).as("monitor lets it run").isEqualTo(2);
      }
      line = log.await(l -> l.contains(" aegis.security - ") && l.contains(DIGEST), Duration.ofSeconds(10));
    }

    assertThat(line).startsWith("[aegis-events] WARN aegis.security - {").doesNotContain("zq-literal-7");
    ObjectNode event = (ObjectNode) JSON.readTree(line.substring(line.indexOf('{')));
    Instant time = Instant.parse(event.remove("time").asText());
    assertThat(time).isBetween(before, Instant.now());
    ObjectNode expected = JSON.createObjectNode()
        .put("rule", "tautology-or")
        .put("category", "injection")
        .put("severity", "high")
        .put("score", 0.9)
        .put("action", "would-block")
        .put("principal", db.user())
        .put("address", LocalHost.NAME)
        .put("digest", DIGEST)
        .put("detail", "tautology; execute-query in monitor mode; verdict rules: tautology-or");
    assertThat((JsonNode) event).isEqualTo(expected);
  }

  @Test
  void aListenerGivenToTheBuilderHearsTheCallerOfTheContext() throws Exception {
    AegisDataSource source = source().config(config("detection:\n  mode: enforce\n")).listener(heard::add).build();

    try (Connection c = source.getConnection();
        AegisContext.Scope scope = AegisContext.enter("alice", "203.0.113.7")) {
      assertThatThrownBy(() -> rows(c, INJECTION)).isInstanceOf(AegisBlockedException.class);
    }

    SecurityEvent event = next();
    assertThat(event.rule()).isEqualTo("tautology-or");
    assertThat(event.action()).isEqualTo("block");
    assertThat(event.principal()).isEqualTo("alice");
    assertThat(event.address()).isEqualTo("203.0.113.7");
    assertThat(event.digest()).isEqualTo(DIGEST);
  }

  @Test
  void withoutAContextTheDatabaseUserAndThisHostAreTheCaller() throws Exception {
    AegisDataSource source = source().config(config("detection:\n  mode: monitor\n")).listener(heard::add).build();

    try (Connection c = source.getConnection()) {
      rows(c, INJECTION);
    }

    SecurityEvent event = next();
    assertThat(event.principal()).isEqualTo(db.user());
    assertThat(event.address()).isEqualTo(LocalHost.NAME);
    assertThat(event.action()).isEqualTo("would-block");
  }

  @Test
  void listenersNamedInMetaInfServicesAreFound() throws Exception {
    RecordingListener.EVENTS.clear();
    try (Connection c = DriverManager.getConnection(db.aegisUrl(schema, "aegis.config=" + dir.resolve(
        "monitor.yml")), db.credentials());
        AegisContext.Scope scope = AegisContext.enter(RecordingListener.PREFIX + "bob", "198.51.100.4")) {
      rows(c, INJECTION);
    }

    SecurityEvent event = RecordingListener.EVENTS.poll(10, TimeUnit.SECONDS);
    assertThat(event).isNotNull();
    assertThat(event.principal()).isEqualTo("spi-bob");
    assertThat(event.rule()).isEqualTo("tautology-or");
  }

  @Test
  @Timeout(60) // a publisher that blocked on the stuck listener would hang here, not fail
  void aFullQueueDropsAndCountsEventsWhileStatementsGoOn() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    CountDownLatch entered = new CountDownLatch(1);
    SecurityEventListener stuck = event -> {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    AegisDataSource source = source().config(config("events:\n  queue-size: 1\n")).meterRegistry(meters)
        .listener(stuck).build();

    try (Connection c = source.getConnection()) {
      rows(c, INJECTION);
      assertThat(entered.await(10, TimeUnit.SECONDS)).as("the listener holds the event thread").isTrue();
      // The first event is in the listener; of the next five, one fits the queue and four are dropped.
      for (int i = 0; i < 5; i++) {
        assertThat(rows(c, INJECTION)).as("the statement still runs").isEqualTo(2);
      }
    }

    assertThat(meters.get("aegis.events.dropped").counter().count()).isEqualTo(4);
  }

  @Test
  void theTableSinkWritesTheBlockedInjectionThroughAConnectionOfItsOwn() throws Exception {
    AegisDataSource source = source().config(config("detection:\n  mode: enforce\nevents:\n  table: true\n"))
        .listener(heard::add).build();

    try (Connection c = source.getConnection();
        AegisContext.Scope scope = AegisContext.enter("carol", "192.0.2.10")) {
      assertThatThrownBy(() -> rows(c, INJECTION)).isInstanceOf(AegisBlockedException.class);
      // The listener runs after the table sink, so once it has the event the row is committed.
      assertThat(next().rule()).isEqualTo("tautology-or");
    }

    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT rule, action, principal, address, digest FROM aegis_events")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("rule")).isEqualTo("tautology-or");
      assertThat(rs.getString("action")).isEqualTo("block");
      assertThat(rs.getString("principal")).isEqualTo("carol");
      assertThat(rs.getString("address")).isEqualTo("192.0.2.10");
      assertThat(rs.getString("digest")).isEqualTo(DIGEST);
      assertThat(rs.next()).isFalse();
    }
  }
}
