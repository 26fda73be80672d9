package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcPreparedStatement;
import com.mysql.cj.jdbc.JdbcStatement;
import dev.aegis.testing.TestDatabase;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Aegis objects point to Aegis objects, and Connector/J's own interfaces stay reachable through unwrap. */
class WrapperIdentityIT {
  private static TestDatabase db;
  private static String schema;
  private Connection connection;

  @BeforeAll
  static void createSchema() throws SQLException {
    db = TestDatabase.shared();
    schema = db.createDatabase("identity");
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, v VARCHAR(10))");
      s.execute("INSERT INTO t (v) VALUES ('a'), ('b')");
    }
  }

  @BeforeEach
  void connect() throws SQLException {
    connection = DriverManager.getConnection(db.aegisUrl(schema, "allowMultiQueries=true"), db.credentials());
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void statementsResultsAndMetadataPointBackToAegisObjects() throws SQLException {
    Statement statement = connection.createStatement();
    assertThat(statement).isInstanceOf(AegisStatement.class);
    assertThat(statement.getConnection()).isSameAs(connection);
    ResultSet rs = statement.executeQuery("SELECT id FROM t ORDER BY id");
    assertThat(rs).isInstanceOf(AegisResultSet.class);
    assertThat(rs.getStatement()).isSameAs(statement);
    assertThat(statement.getResultSet()).isSameAs(rs).isSameAs(statement.getResultSet());

    PreparedStatement prepared = connection.prepareStatement("SELECT v FROM t WHERE id = ?");
    assertThat(prepared).isInstanceOf(AegisPreparedStatement.class);
    assertThat(prepared.getConnection()).isSameAs(connection);
    prepared.setInt(1, 1);
    assertThat(prepared.executeQuery().getStatement()).isSameAs(prepared);

    CallableStatement callable = connection.prepareCall("{call no_such_procedure_is_needed_to_prepare()}");
    assertThat(callable).isInstanceOf(AegisCallableStatement.class);
    assertThat(callable.getConnection()).isSameAs(connection);

    DatabaseMetaData meta = connection.getMetaData();
    assertThat(meta.getConnection()).isSameAs(connection);
    ResultSet tables = meta.getTables(schema, null, "t", null);
    assertThat(tables).isInstanceOf(AegisResultSet.class);
    assertThat(tables.getStatement()).as("JDBC: null for metadata result sets").isNull();
    assertThat(meta.getURL()).as("the delegate never sees jdbc:aegis:").startsWith("jdbc:mysql://");
  }

  @Test
  void generatedKeysAndMoreResultsAreWrapped() throws SQLException {
    Statement statement = connection.createStatement();
    statement.executeUpdate("INSERT INTO t (v) VALUES ('k')", Statement.RETURN_GENERATED_KEYS);
    ResultSet keys = statement.getGeneratedKeys();
    assertThat(keys.getStatement()).isSameAs(statement);
    assertThat(keys.next()).isTrue();
    assertThat(keys.getLong(1)).isPositive();

    assertThat(statement.execute("SELECT 1; SELECT 2")).isTrue();
    assertThat(statement.getResultSet().getStatement()).isSameAs(statement);
    assertThat(statement.getMoreResults()).isTrue();
    ResultSet second = statement.getResultSet();
    assertThat(second.next()).isTrue();
    assertThat(second.getInt(1)).isEqualTo(2);
    assertThat(second.getStatement()).isSameAs(statement);
    assertThat(statement.getMoreResults()).isFalse();
    assertThat(statement.getUpdateCount()).isEqualTo(-1);
  }

  @Test
  void unwrapReachesConnectorJsInterfaces() throws SQLException {
    assertThat(connection.isWrapperFor(JdbcConnection.class)).isTrue();
    JdbcConnection mysql = connection.unwrap(JdbcConnection.class);
    assertThat(mysql).isNotInstanceOf(AegisConnection.class);
    assertThat(mysql.getServerVersion()).isNotNull();
    assertThat(connection.unwrap(Connection.class)).as("the Aegis object is itself a Connection").isSameAs(connection);
    assertThat(connection.unwrap(AegisConnection.class)).isSameAs(connection);

    Statement statement = connection.createStatement();
    assertThat(statement.isWrapperFor(JdbcStatement.class)).isTrue();
    assertThat(statement.unwrap(JdbcStatement.class)).isNotInstanceOf(AegisStatement.class);
    PreparedStatement prepared = connection.prepareStatement("SELECT 1");
    assertThat(prepared.unwrap(JdbcPreparedStatement.class).getPreparedSql()).isEqualTo("SELECT 1");

    assertThat(connection.isWrapperFor(java.util.List.class)).isFalse();
    assertThatThrownBy(() -> connection.unwrap(java.util.List.class)).isInstanceOf(SQLException.class);
  }

  @Test
  void nativeSqlClientInfoTimeoutsAndValidity() throws Exception {
    assertThat(connection.nativeSQL("SELECT {fn UCASE('x')}")).isEqualTo("SELECT UCASE('x')");
    connection.setClientInfo("ApplicationName", "aegis-test");
    assertThat(connection.getClientInfo("ApplicationName")).isEqualTo("aegis-test");
    assertThat(connection.isValid(2)).isTrue();

    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      connection.setNetworkTimeout(executor, 12_345);
      // Connector/J 8 applies the timeout on the executor; a task queued after it runs after it.
      executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
      assertThat(connection.getNetworkTimeout()).isEqualTo(12_345);
      connection.setSchema(schema);
      assertThat(connection.getCatalog()).isEqualTo(schema);
      connection.abort(executor);
      executor.shutdown();
      assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      executor.shutdownNow();
    }
    assertThat(connection.isClosed()).isTrue();
    assertThat(connection.isValid(1)).isFalse();
    assertThatThrownBy(() -> connection.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
  }

  @Test
  void serverThatGoesAwayMidStatementSurfacesAsTheDelegatesSqlException() throws Exception {
    long id;
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
      rs.next();
      id = rs.getLong(1);
    }
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (Connection admin = db.connectPlain(schema)) {
      Future<?> running = executor.submit(() -> {
        try (Statement s = connection.createStatement()) {
          s.executeQuery("SELECT SLEEP(60)");
        }
        return null;
      });
      awaitRunning(admin, id);
      admin.createStatement().execute("KILL CONNECTION " + id);
      assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
    } finally {
      executor.shutdownNow();
    }
    assertThat(connection.isValid(1)).isFalse();
  }

  /** Waits until the server shows connection {@code id} running a statement (a condition, not a timer). */
  private static void awaitRunning(Connection admin, long id) throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (PreparedStatement ps = admin.prepareStatement(
        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ? AND INFO LIKE 'SELECT SLEEP%'")) {
      ps.setLong(1, id);
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getInt(1) == 1) {
            return;
          }
        }
        // Poll, don't hammer: a condition wait with a short pause between looks, never a fixed delay.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
    }
    throw new AssertionError("connection " + id + " never started its statement");
  }
}
