package dev.aegis.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.context.AegisContext;
import dev.aegis.events.SecurityEvent;
import dev.aegis.jdbc.RecordingListener;
import dev.aegis.testing.TestDatabase;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour checks seen from results, against the real server: canary values and mass data access. */
class BehaviourIT {
  private static final int ROWS = 3_000;
  private static TestDatabase db;
  private static String schema;
  private static SimpleMeterRegistry meters;
  private static Path dir;

  @BeforeAll
  static void start(@TempDir Path temp) throws Exception {
    db = TestDatabase.shared();
    schema = db.createDatabase("behaviour");
    dir = temp;
    meters = new SimpleMeterRegistry();
    Metrics.addRegistry(meters);
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(60), email VARCHAR(120))");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers VALUES (?, ?, ?)")) {
        for (int i = 1; i <= ROWS; i++) {
          ps.setInt(1, i);
          ps.setString(2, "customer " + i);
          ps.setString(3, i == 1_234 ? "decoy.canary@example.com" : "c" + i + "@example.com");
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    String canary = """
        behaviour:
          canaries:
            - { column: customers.email, value: decoy.canary@example.com }
        """;
    Files.writeString(dir.resolve("canary.yml"), canary);
    Files.writeString(dir.resolve("learn.yml"), "detection:\n  mode: learn\nbehaviour:\n  profiles: file:profiles.json\n");
    Files.writeString(dir.resolve("monitor.yml"), "detection:\n  mode: monitor\nbehaviour:\n  profiles: file:profiles.json\n"
        + "  max-rows-per-statement: 2500\n");
  }

  @AfterAll
  static void stop() {
    Metrics.removeRegistry(meters);
  }

  private static Connection connect(String config) throws SQLException {
    return DriverManager.getConnection(db.aegisUrl(schema, "aegis.config=" + dir.resolve(config)), db.credentials());
  }

  private static double findings(String rule) {
    return meters.get("aegis.behaviour.findings").tag("rule", rule).counter().count();
  }

  /** The next event of {@code principal} and {@code rule}; other tests' and rules' events are skipped. */
  private static SecurityEvent await(String principal, String rule) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      SecurityEvent event = RecordingListener.EVENTS.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
      if (event != null && event.principal().equals(principal) && event.rule().equals(rule)) {
        return event;
      }
    }
    return null;
  }

  private static int readAll(ResultSet rs) throws SQLException {
    int n = 0;
    while (rs.next()) {
      n++;
    }
    return n;
  }

  @Test
  void readingACanaryThroughAnyQueryIsACriticalFinding() throws Exception {
    try (Connection c = connect("canary.yml"); Statement s = c.createStatement();
        AegisContext.Scope who = AegisContext.enter("spi-canary-thief", "203.0.113.66")) {
      RecordingListener.EVENTS.removeIf(e -> e.principal().equals("spi-canary-thief"));
      double before = findings(BehaviourChecks.CANARY_READ);
      try (ResultSet rs = s.executeQuery("SELECT id, name FROM customers WHERE id BETWEEN 1 AND 2000")) {
        readAll(rs);
      }
      assertThat(findings(BehaviourChecks.CANARY_READ)).as("the canary column was not read").isEqualTo(before);
      for (String sql : new String[] {
          "SELECT * FROM customers WHERE id = 1234",
          "SELECT c.email AS contact FROM customers c WHERE c.id > 1200 AND c.id < 1300",
          "SELECT name, email FROM customers ORDER BY id DESC"}) {
        double was = findings(BehaviourChecks.CANARY_READ);
        try (ResultSet rs = s.executeQuery(sql)) {
          readAll(rs);
        }
        assertThat(findings(BehaviourChecks.CANARY_READ)).as(sql).isEqualTo(was + 1);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT email FROM customers WHERE id = ?")) {
        ps.setInt(1, 1234);
        double was = findings(BehaviourChecks.CANARY_READ);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
        }
        assertThat(findings(BehaviourChecks.CANARY_READ)).isEqualTo(was + 1);
      }
    }
    // The events say who read it and through which statement, and hold no value.
    java.util.List<SecurityEvent> events = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      SecurityEvent event = await("spi-canary-thief", BehaviourChecks.CANARY_READ);
      assertThat(event).as("canary event %d", i + 1).isNotNull();
      events.add(event);
    }
    assertThat(events).allSatisfy(e -> {
      assertThat(e.rule()).isEqualTo(BehaviourChecks.CANARY_READ);
      assertThat(e.severity()).isEqualTo("critical");
      assertThat(e.principal()).isEqualTo("spi-canary-thief");
      assertThat(e.address()).isEqualTo("203.0.113.66");
      assertThat(e.toString()).doesNotContain("decoy.canary");
    });
    assertThat(events).extracting(SecurityEvent::digest).containsExactly("SELECT * FROM customers WHERE id = ?",
        "SELECT c.email AS contact FROM customers c WHERE c.id > ? AND c.id < ?",
        "SELECT name, email FROM customers ORDER BY id DESC", "SELECT email FROM customers WHERE id = ?");
  }

  @Test
  void anAttackerPagingThroughATableIsFlaggedAndALearnedReportIsNot() throws Exception {
    // Learn: the reporting job reads the whole table in pages, as it does every night.
    try (Connection c = connect("learn.yml"); AegisContext.Scope who = AegisContext.enter("report-job", null)) {
      assertThat(readPaged(c)).isEqualTo(ROWS);
    }
    assertThat(Files.readString(dir.resolve("profiles.json"))).contains("report-job");

    // A configuration of its own, read after learning: a pipeline loads the profiles when it starts.
    Files.writeString(dir.resolve("after-learning.yml"), Files.readString(dir.resolve("monitor.yml")));
    double before = findings(BehaviourChecks.MASS_DATA_ACCESS);
    try (Connection c = connect("after-learning.yml"); AegisContext.Scope who = AegisContext.enter("report-job", null)) {
      assertThat(readPaged(c)).isEqualTo(ROWS);
    }
    assertThat(findings(BehaviourChecks.MASS_DATA_ACCESS)).as("the learned report").isEqualTo(before);

    try (Connection c = connect("after-learning.yml"); AegisContext.Scope who = AegisContext.enter("mallory", "203.0.113.66");
        PreparedStatement ps = c.prepareStatement("SELECT * FROM customers WHERE id = ?")) {
      for (int id = 1; id <= ROWS; id++) {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          readAll(rs);
        }
      }
    }
    assertThat(findings(BehaviourChecks.MASS_DATA_ACCESS)).as("the attacker, once per minute").isEqualTo(before + 1);
  }

  @Test
  void profilesLearnedByOneInstanceAreLoadedByAnotherFromTheTable() throws Exception {
    Files.writeString(dir.resolve("learn-jdbc.yml"), "detection:\n  mode: learn\nbehaviour:\n  profiles: jdbc\n");
    try (Connection c = connect("learn-jdbc.yml"); AegisContext.Scope who = AegisContext.enter("fleet-report", null)) {
      assertThat(readPaged(c)).isEqualTo(ROWS);
    }
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT profile FROM aegis_profiles WHERE principal = 'fleet-report'")) {
      assertThat(rs.next()).as("the profile is in the table").isTrue();
      assertThat(rs.getString(1)).contains("\"rowsPerMinute\"").contains("customers");
    }
    // Another instance (its own configuration, so its own pipeline) starts from the table.
    Files.writeString(dir.resolve("monitor-jdbc.yml"), "detection:\n  mode: monitor\nbehaviour:\n  profiles: jdbc\n");
    double before = findings(BehaviourChecks.MASS_DATA_ACCESS);
    try (Connection c = connect("monitor-jdbc.yml"); AegisContext.Scope who = AegisContext.enter("fleet-report", null)) {
      assertThat(readPaged(c)).isEqualTo(ROWS);
    }
    assertThat(findings(BehaviourChecks.MASS_DATA_ACCESS)).as("the report learned elsewhere").isEqualTo(before);
    try (Connection c = connect("monitor-jdbc.yml"); AegisContext.Scope who = AegisContext.enter("fleet-thief", null)) {
      assertThat(readPaged(c)).isEqualTo(ROWS);
    }
    assertThat(findings(BehaviourChecks.MASS_DATA_ACCESS)).as("a principal without profile").isEqualTo(before + 1);
  }

  @Test
  void oneResultAboveThePerStatementCapIsFlagged() throws Exception {
    double before = findings(BehaviourChecks.MASS_DATA_ACCESS);
    try (Connection c = connect("monitor.yml"); Statement s = c.createStatement();
        AegisContext.Scope who = AegisContext.enter("dumper", null);
        ResultSet rs = s.executeQuery("SELECT * FROM customers")) {
      assertThat(readAll(rs)).isEqualTo(ROWS);
    }
    // Above 2,500 in one result; the dumper has no baseline either, so its minute counts once more.
    assertThat(findings(BehaviourChecks.MASS_DATA_ACCESS)).isEqualTo(before + 2);
  }

  @Test
  void aBurstOfServerSyntaxErrorsIsReportedAsProbing() throws Exception {
    double before = findings(BehaviourChecks.SYNTAX_ERROR_BURST);
    try (Connection c = connect("monitor.yml"); Statement s = c.createStatement();
        AegisContext.Scope who = AegisContext.enter("spi-prober", "203.0.113.99")) {
      RecordingListener.EVENTS.removeIf(e -> e.principal().equals("spi-prober"));
      // Counting columns with ORDER BY n, as a UNION injection starts: the server rejects the guesses.
      for (int n = 4; n <= 15; n++) {
        int column = n;
        org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> s.executeQuery("SELECT id FROM customers WHERE id = 1 ORDER BY " + column))
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("42"));
      }
    }
    assertThat(findings(BehaviourChecks.SYNTAX_ERROR_BURST)).isEqualTo(before + 1);
    SecurityEvent event = await("spi-prober", BehaviourChecks.SYNTAX_ERROR_BURST);
    assertThat(event).isNotNull();
    assertThat(event.principal()).isEqualTo("spi-prober");
    assertThat(event.digest()).isEqualTo("SELECT id FROM customers WHERE id = ? ORDER BY ?");
  }

  private static int readPaged(Connection c) throws SQLException {
    int total = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT id, name, email FROM customers ORDER BY id LIMIT 500 OFFSET ?")) {
      for (int offset = 0; offset < ROWS; offset += 500) {
        ps.setInt(1, offset);
        try (ResultSet rs = ps.executeQuery()) {
          total += readAll(rs);
        }
      }
    }
    return total;
  }
}
