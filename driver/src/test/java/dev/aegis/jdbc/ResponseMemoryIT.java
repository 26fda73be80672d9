package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.JdbcConnection;
import dev.aegis.context.AegisContext;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.error.AegisCallerBlockedException;
import dev.aegis.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automatic response with blocks kept in memory, against the real server: a canary read blocks its
 * principal at once, a statement prepared before a block is refused when executed after it, and no
 * {@code aegis_blocks} table is ever created.
 */
class ResponseMemoryIT {
  private static final String CANARY = "decoy.canary@example.com";

  @TempDir
  Path dir;
  private TestDatabase db;
  private String schema;
  private Path config;

  @BeforeEach
  void tables() throws Exception {
    db = TestDatabase.shared();
    schema = db.createDatabase("response_memory");
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(60), email VARCHAR(80))");
      s.execute("INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com'), (2, 'Alan', 'alan@example.com'),"
          + " (3, 'Decoy', '" + CANARY + "')");
    }
    config = Files.writeString(dir.resolve("aegis.yml"), """
        detection:
          mode: enforce
        behaviour:
          canaries:
            - { column: customers.email, value: %s }
        response:
          store: memory
          refresh: 24h
        """.formatted(CANARY));
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(db.aegisUrl(schema, "aegis.config=" + config), db.credentials());
  }

  private static long questions(Connection c) throws SQLException {
    try (Statement s = c.unwrap(JdbcConnection.class).createStatement();
        ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  private static String firstOf(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private boolean blocksTableExists() throws SQLException {
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
            + " AND TABLE_NAME = 'aegis_blocks'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  @Test
  void aCanaryReadBlocksItsPrincipalAtOnceAndOnlyItsPrincipal() throws Exception {
    try (Connection c = connect()) {
      try (AegisContext.Scope mallory = AegisContext.enter("mallory", "203.0.113.66")) {
        assertThat(firstOf(c, "SELECT name FROM customers WHERE id = 1")).isEqualTo("Ada");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, email FROM customers")) {
          int read = 0;
          while (rs.next()) {
            read++;
          }
          assertThat(read).as("the result being read is not cut short").isEqualTo(3);
        }
        long before = questions(c);
        assertThatThrownBy(() -> firstOf(c, "SELECT name FROM customers WHERE id = 1"))
            .isInstanceOfSatisfying(AegisCallerBlockedException.class, e -> {
              assertThat(e.getSQLState()).isEqualTo("ZA130");
              assertThat(e.blockedPrincipal()).isEqualTo("mallory");
              assertThat(e.blockedAddress()).isNull();
              assertThat(e.getMessage()).contains("(canary-read: a result returned a canary value)")
                  .doesNotContain(CANARY);
            });
        assertThat(questions(c) - before).as("statements the server received besides SHOW STATUS").isEqualTo(1);
      }
      try (AegisContext.Scope bob = AegisContext.enter("bob", "203.0.113.66")) {
        assertThat(firstOf(c, "SELECT name FROM customers WHERE id = 2")).as("same address, other principal")
            .isEqualTo("Alan");
      }
    }
    assertThat(blocksTableExists()).as("the memory store needs no table").isFalse();
  }

  @Test
  void aStatementPreparedBeforeTheBlockIsRefusedWhenExecutedAfterIt() throws Exception {
    try (Connection c = connect(); AegisContext.Scope mallory = AegisContext.enter("mallory", "203.0.113.66");
        PreparedStatement find = c.prepareStatement("SELECT name FROM customers WHERE id = ?")) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> firstOf(c, "SELECT name FROM customers WHERE name = '' OR 1=1 -- '"))
            .isInstanceOf(AegisBlockedException.class);
      }
      find.setInt(1, 1);
      long before = questions(c);
      assertThatThrownBy(find::executeQuery).isInstanceOf(AegisCallerBlockedException.class);
      assertThatThrownBy(() -> {
        find.addBatch();
        find.executeBatch();
      }).isInstanceOf(AegisCallerBlockedException.class);
      assertThat(questions(c) - before).isEqualTo(1);
    }
    assertThat(blocksTableExists()).isFalse();
  }
}
