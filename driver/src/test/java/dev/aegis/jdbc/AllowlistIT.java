package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.JdbcConnection;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aegis.allowlist.Allowlist;
import dev.aegis.allowlist.AllowlistEntry;
import dev.aegis.allowlist.AllowlistFile;
import dev.aegis.allowlist.AllowlistHooks;
import dev.aegis.allowlist.JdbcAllowlistStore;
import dev.aegis.context.AegisContext;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.pipeline.PipelineHooks;
import dev.aegis.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The allowlist against the real server: an application-like workload runs in learn, then the same
 * application runs in enforce on what was learnt. Every learnt shape passes whatever its values; a new
 * shape, such as an injection, is stopped before the server sees it, which the server's own
 * {@code Questions} counter proves.
 */
class AllowlistIT {
  /** The classic: an injected UNION reading the server's accounts (signatures block it too). */
  private static final String UNION = "SELECT id FROM customers WHERE email = '' UNION SELECT password FROM"
      + " mysql.user -- ' AND name = 'x'";
  /** Boolean-blind extraction, one character at a time: no signature fires on it. */
  private static final String SUBTLE = "SELECT name FROM customers WHERE id = 1 AND ASCII(SUBSTRING((SELECT"
      + " email FROM customers WHERE id = 2), 1, 1)) > 64";
  /** A login bypass: a tautology, which signatures score as an attack. */
  private static final String TAUTOLOGY = "SELECT id FROM customers WHERE email = '' OR 1=1 -- ' AND name = 'x'";

  @TempDir
  Path dir;
  private TestDatabase db;
  private String schema;

  @BeforeEach
  void tables() throws SQLException {
    db = TestDatabase.shared();
    schema = db.createDatabase("allowlist");
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(60), email VARCHAR(80))");
      s.execute("CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, customer_id INT, total DECIMAL(9,2))");
      s.execute("INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com'), (2, 'Alan', 'alan@example.com')");
    }
  }

  private Path config(String name, String mode, String allowlist) throws Exception {
    // A refresh far beyond the test: only the hooks write and reload, so nothing depends on timing.
    return Files.writeString(dir.resolve(name + ".yml"), """
        detection:
          mode: %s
          allowlist: %s
          allowlist-refresh: 24h
        """.formatted(mode, allowlist));
  }

  private Connection connect(Path config) throws SQLException {
    return DriverManager.getConnection(db.aegisUrl(schema, "aegis.config=" + config), db.credentials());
  }

  private static Allowlist allowlist(Connection c) throws SQLException {
    return PipelineHooks.allowlist(c.unwrap(AegisConnection.class).pipeline());
  }

  /** What the server counted on this connection, asked past Aegis so the question is not itself judged. */
  private static long questions(Connection c) throws SQLException {
    try (Statement s = c.unwrap(JdbcConnection.class).createStatement();
        ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  /** An application's statements, prepared and with literals, each round with other values. */
  private static void workload(Connection c, int round) throws SQLException {
    int id = 100 + round;
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO customers (id, name, email) VALUES (" + id + ", 'Name " + round + "', 'n"
          + round + "@example.com')");
      s.executeUpdate("UPDATE customers SET name = 'O\\'Brien " + round + "' WHERE id = " + id);
      try (ResultSet rs = s.executeQuery("SELECT name FROM customers WHERE id = " + id)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("O'Brien " + round);
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders WHERE customer_id IN (1, " + id + ")")) {
        assertThat(rs.next()).isTrue();
      }
      try (ResultSet rs = s.executeQuery("SELECT id FROM customers WHERE email = 'n" + round
          + "@example.com' AND name = 'nobody'")) {
        assertThat(rs.next()).isFalse();
      }
    }
    try (PreparedStatement find = c.prepareStatement("SELECT id, name FROM customers WHERE email = ?")) {
      find.setString(1, "n" + round + "@example.com");
      try (ResultSet rs = find.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(id);
      }
    }
    try (PreparedStatement order = c.prepareStatement("INSERT INTO orders (customer_id, total) VALUES (?, ?)")) {
      for (int i = 0; i < 3; i++) {
        order.setInt(1, id);
        order.setBigDecimal(2, new java.math.BigDecimal(round + "." + i));
        order.addBatch();
      }
      assertThat(order.executeBatch()).hasSize(3);
    }
    try (AegisContext.Scope caller = AegisContext.enter("alice", "203.0.113.9");
        Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("DELETE FROM orders WHERE customer_id = " + id + " AND total < 1")).isBetween(0, 3);
    }
  }

  private static final int SHAPES = 8;

  /** Learns the workload (and sees attacks run, as learn blocks nothing), then writes what was learnt. */
  private void learn(Path config) throws Exception {
    try (Connection c = connect(config)) {
      for (int round = 0; round < 3; round++) {
        workload(c, round);
      }
      try (Statement s = c.createStatement()) {
        s.executeQuery(TAUTOLOGY).close();
        s.executeQuery(UNION).close();
      }
      AllowlistHooks.flush(allowlist(c));
      assertThat(allowlist(c).size()).isEqualTo(SHAPES);
    }
  }

  private static void assertBlockedBeforeTheServer(Connection c, String sql, String rule) throws SQLException {
    long before = questions(c);
    assertThatThrownBy(() -> {
      try (Statement s = c.createStatement()) {
        s.executeQuery(sql).close();
      }
    }).isInstanceOfSatisfying(AegisBlockedException.class, e -> {
      assertThat(e.getSQLState()).isEqualTo("ZA100");
      assertThat(e.rules()).contains(rule);
    });
    assertThat(questions(c) - before).as("statements the server received besides SHOW STATUS").isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:allowlist.txt", "jdbc"})
  void enforceAfterLearnPassesEveryLearntShapeAndBlocksANewOneBeforeTheServer(String store) throws Exception {
    learn(config("learn", "learn", store));

    try (Connection c = connect(config("enforce", "enforce", store))) {
      for (int round = 10; round < 13; round++) {
        workload(c, round);
      }
      assertBlockedBeforeTheServer(c, SUBTLE, "unknown-shape");
      assertBlockedBeforeTheServer(c, UNION, "union-system-schema");
      assertBlockedBeforeTheServer(c, TAUTOLOGY, "tautology-or");
      assertBlockedBeforeTheServer(c, "DELETE FROM customers", "unknown-shape");
    }
  }

  @Test
  void learningRecordsNoInjectionAndNamesTheFirstCaller() throws Exception {
    learn(config("learn", "learn", "file:allowlist.txt"));

    List<AllowlistEntry> learnt = AllowlistFile.read(dir.resolve("allowlist.txt"));
    assertThat(learnt).hasSize(SHAPES).extracting(AllowlistEntry::digest)
        .noneMatch(digest -> digest.contains("UNION") || digest.contains("OR"))
        .contains("SELECT id, name FROM customers WHERE email = ?", "SELECT name FROM customers WHERE id = ?");
    assertThat(learnt).filteredOn(e -> e.digest().startsWith("DELETE")).singleElement()
        .extracting(AllowlistEntry::firstCaller).isEqualTo("alice@203.0.113.9");
    assertThat(Files.readString(dir.resolve("allowlist.txt"))).doesNotContain("Brien", "example.com");
  }

  @Test
  void learningIntoTheTableRecordsNoInjectionEither() throws Exception {
    learn(config("learn", "learn", "jdbc"));

    List<AllowlistEntry> learnt = new JdbcAllowlistStore(() -> db.connectPlain(schema)).load();
    assertThat(learnt).hasSize(SHAPES).extracting(AllowlistEntry::digest)
        .noneMatch(digest -> digest.contains("UNION") || digest.contains(" OR "));
    assertThat(learnt).allSatisfy(entry -> assertThat(entry.lastSeen()).isNotNull());
  }

  @Test
  void twoInstancesSharingTheTableSeeEachOthersShapesAfterARefresh() throws Exception {
    Path learnConfig = config("learn", "learn", "jdbc");
    Path enforceConfig = config("enforce", "enforce", "jdbc");
    String shape = "SELECT name FROM customers WHERE id = 1";
    try (HikariDataSource poolA = pool(); HikariDataSource poolB = pool()) {
      AegisDataSource learning = AegisDataSource.builder(poolA).config(learnConfig.toString()).build();
      AegisDataSource enforcing = AegisDataSource.builder(poolB).config(enforceConfig.toString()).build();
      try (Connection a = learning.getConnection(); Connection b = enforcing.getConnection()) {
        assertThat(allowlist(a)).as("two pipelines").isNotSameAs(allowlist(b));
        try (Statement s = a.createStatement(); ResultSet rs = s.executeQuery(shape)) {
          assertThat(rs.next()).isTrue();
        }
        assertBlockedBeforeTheServer(b, shape, "unknown-shape");

        AllowlistHooks.flush(allowlist(a));
        assertBlockedBeforeTheServer(b, shape.replace("1", "2"), "unknown-shape");

        AllowlistHooks.refresh(allowlist(b));
        try (Statement s = b.createStatement(); ResultSet rs = s.executeQuery(shape.replace("1", "2"))) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("Alan");
        }
      }
    }
  }

  @Test
  void enforceWithoutAnythingLearntRefusesToConnect() throws Exception {
    assertThatThrownBy(() -> connect(config("enforce", "enforce", "jdbc")).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("table aegis_allowlist does not exist")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("ZA010");
  }

  private HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.plainUrl(schema));
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }
}
