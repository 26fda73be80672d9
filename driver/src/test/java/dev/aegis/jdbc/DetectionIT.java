package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.testing.LogCapture;
import dev.aegis.testing.TestDatabase;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection through the driver against the real server: enforce blocks before sending, monitor reports. */
class DetectionIT {
  private static final String INJECTED_DELETE = "DELETE FROM accounts WHERE owner = 'nobody' OR 1=1";
  private static final String DIGEST = "DELETE FROM accounts WHERE owner = ? OR ? = ?";
  private static TestDatabase db;
  private static SimpleMeterRegistry meters;
  private static String schema;
  private static Path dir;

  @BeforeAll
  static void start(@TempDir Path temp) throws Exception {
    db = TestDatabase.shared();
    schema = db.createDatabase("detect");
    meters = new SimpleMeterRegistry();
    Metrics.addRegistry(meters);
    dir = temp;
    Files.writeString(dir.resolve("enforce.yml"), "detection:\n  mode: enforce\n");
    Files.writeString(dir.resolve("monitor.yml"), "detection:\n  mode: monitor\n");
  }

  @AfterAll
  static void stop() {
    Metrics.removeRegistry(meters);
  }

  @BeforeEach
  void accounts() throws SQLException {
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS accounts");
      s.execute("CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(40), balance INT)");
      s.execute("INSERT INTO accounts VALUES (1, 'ada', 100), (2, 'alan', 200), (3, 'grace', 300)");
    }
  }

  private static Connection connect(String mode, String... parameters) throws SQLException {
    String[] all = new String[parameters.length + 1];
    all[0] = "aegis.config=" + dir.resolve(mode + ".yml");
    System.arraycopy(parameters, 0, all, 1, parameters.length);
    return DriverManager.getConnection(db.aegisUrl(schema, all), db.credentials());
  }

  private static int rows() throws SQLException {
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM accounts")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static double verdicts(String action) {
    RequiredSearch search = meters.get("aegis.verdicts").tag("action", action);
    return search.counter().count();
  }

  @Test
  void enforceBlocksAnInjectedDeleteBeforeItReachesTheServer() throws Exception {
    double blocks = verdicts("block");
    try (Connection c = connect("enforce"); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate(INJECTED_DELETE))
          .isInstanceOf(AegisBlockedException.class)
          .hasMessageContaining("tautology-or")
          .hasMessageContaining("DELETE FROM accounts WHERE owner = ? OR ? = ?")
          .hasMessageNotContaining("nobody")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("ZA100");
      assertThat(rows()).as("the table it would have emptied").isEqualTo(3);

      assertThat(s.executeUpdate("DELETE FROM accounts WHERE owner = 'ada'")).isEqualTo(1);
    }
    assertThat(rows()).isEqualTo(2);
    assertThat(verdicts("block") - blocks).isEqualTo(1);
  }

  @Test
  void enforceBlocksAtPrepareAddBatchAndStackedQueries() throws Exception {
    try (Connection c = connect("enforce", "allowMultiQueries=true"); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> c.prepareStatement("SELECT owner FROM accounts WHERE id = ? UNION SELECT NULL"))
          .isInstanceOf(AegisBlockedException.class);
      assertThatThrownBy(() -> s.addBatch("UPDATE accounts SET balance = 0 WHERE id = 1; DROP TABLE accounts"))
          .isInstanceOf(AegisBlockedException.class).hasMessageContaining("stacked-dangerous");
      assertThatThrownBy(() -> s.execute("UPDATE accounts SET balance = 0 WHERE id = 1; DROP TABLE accounts"))
          .isInstanceOf(AegisBlockedException.class);
      try (PreparedStatement ps = c.prepareStatement("SELECT owner FROM accounts WHERE id = ?")) {
        ps.setString(1, "1 OR 1=1");
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).as("a bound parameter is data, not SQL: only id 1 matches").isTrue();
          assertThat(rs.getString(1)).isEqualTo("ada");
          assertThat(rs.next()).isFalse();
        }
      }
    }
    assertThat(rows()).isEqualTo(3);
  }

  @Test
  void monitorRunsTheStatementAndLogsTheVerdictWithoutItsValues() throws Exception {
    double blocks = verdicts("block");
    String line;
    try (LogCapture log = LogCapture.start()) {
      try (Connection c = connect("monitor"); Statement s = c.createStatement()) {
        assertThat(s.executeUpdate(INJECTED_DELETE)).isEqualTo(3);
      }
      line = log.await(l -> l.contains(" aegis.security - ") && l.contains("\"rule\":\"tautology-or\"")
          && l.contains(DIGEST), Duration.ofSeconds(10));
    }
    assertThat(rows()).isZero();
    assertThat(verdicts("block") - blocks).isEqualTo(1);
    assertThat(line).contains(" WARN aegis.security - ").doesNotContain("nobody");
    JsonNode event = new ObjectMapper().readTree(line.substring(line.indexOf('{')));
    assertThat(event.get("action").asText()).isEqualTo("would-block");
    assertThat(event.get("digest").asText()).isEqualTo(DIGEST);
    assertThat(event.get("detail").asText()).startsWith("tautology; execute-update in monitor mode");
  }

  @Test
  void ordinaryApplicationStatementsPassInEnforce() throws Exception {
    try (Connection c = connect("enforce"); Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("UPDATE accounts SET balance = balance + 1 WHERE 1=1 AND owner IN ('ada', 'alan')"))
          .isEqualTo(2);
      try (ResultSet rs = s.executeQuery("/* app=report */ SELECT owner, SUM(balance) FROM accounts"
          + " WHERE owner = 'O\\'Reilly' OR owner LIKE 'gr%' GROUP BY owner")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("grace");
      }
      assertThat(s.executeUpdate("INSERT INTO accounts VALUES (4, 'x'' OR 1=1 --', 0)")).isEqualTo(1);
    }
  }
}
