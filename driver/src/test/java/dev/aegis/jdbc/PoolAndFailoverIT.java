package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aegis.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Aegis under a real pool and a real failover list. */
class PoolAndFailoverIT {
  private static final int THREADS = 16;
  private static final int TRANSACTIONS_PER_THREAD = 40;
  private static TestDatabase db;

  @BeforeAll
  static void start() {
    db = TestDatabase.shared();
  }

  @Test
  void hikariPoolOfEightOverAegisUrlServesSixteenThreads() throws Exception {
    String schema = db.createDatabase("pool");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.aegisUrl(schema));
    config.setDriverClassName(AegisDriver.class.getName());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(8);
    config.setAutoCommit(false);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      runWorkload(pool);
    }
  }

  @Test
  void aegisDataSourceWrappingAHikariPoolOverPlainMysql() throws Exception {
    String schema = db.createDatabase("wrapped");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.plainUrl(schema));
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(8);
    config.setAutoCommit(false);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      runWorkload(AegisDataSource.wrap(pool));
    }
  }

  @Test
  void borrowingFromAWrappedPoolSendsTheServerNothing() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.plainUrl(db.createDatabase("borrow")));
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(1);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      DataSource aegis = AegisDataSource.wrap(pool);
      long before;
      try (Connection c = aegis.getConnection()) {
        before = questions(c);
      }
      for (int i = 0; i < 20; i++) {
        try (Connection c = aegis.getConnection()) {
          assertThat(c.isWrapperFor(AegisConnection.class)).isTrue();
        }
      }
      try (Connection c = aegis.getConnection()) {
        // The one physical connection answered every borrow; only the two status queries reached its server.
        assertThat(questions(c) - before).isEqualTo(1);
      }
    }
  }

  /** What the server counted on this connection's session, asked past Aegis. */
  private static long questions(Connection c) throws SQLException {
    try (Statement s = c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).createStatement();
        ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  private static void runWorkload(DataSource source) throws Exception {
    try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
      assertThat(c.isWrapperFor(AegisConnection.class)).isTrue();
      s.execute("CREATE TABLE ledger (id INT PRIMARY KEY AUTO_INCREMENT, worker INT NOT NULL, amount INT NOT NULL)");
      c.commit();
    }
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int w = 0; w < THREADS; w++) {
        int worker = w;
        workers.add(executor.submit(() -> work(source, worker)));
      }
      for (Future<Integer> done : workers) {
        assertThat(done.get(5, TimeUnit.MINUTES)).isEqualTo(TRANSACTIONS_PER_THREAD);
      }
    } finally {
      executor.shutdownNow();
    }
    try (Connection c = source.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT worker), SUM(amount) FROM ledger")) {
      rs.next();
      // Each worker commits its even-numbered transactions and rolls back the odd ones.
      assertThat(rs.getInt(1)).isEqualTo(THREADS * TRANSACTIONS_PER_THREAD / 2);
      assertThat(rs.getInt(2)).isEqualTo(THREADS);
      assertThat(rs.getLong(3)).isEqualTo((long) THREADS * (TRANSACTIONS_PER_THREAD / 2) * 2);
    }
  }

  /** Returns how many transactions the worker saw behave as expected. */
  private static int work(DataSource source, int worker) throws SQLException {
    int consistent = 0;
    for (int i = 0; i < TRANSACTIONS_PER_THREAD; i++) {
      try (Connection c = source.getConnection();
          PreparedStatement insert = c.prepareStatement("INSERT INTO ledger (worker, amount) VALUES (?, 2)");
          PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM ledger WHERE worker = ?")) {
        insert.setInt(1, worker);
        insert.executeUpdate();
        count.setInt(1, worker);
        int expected = (i + 1) / 2 + 1; // committed so far (even i) plus this one
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          consistent += rs.getInt(1) == expected ? 1 : 0;
        }
        if (i % 2 == 0) {
          c.commit();
        } else {
          c.rollback();
        }
      }
    }
    return consistent;
  }

  @Test
  void failoverUrlSkipsTheHostThatIsDown() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String schema = db.createDatabase("failover");
    String url = "jdbc:aegis:mysql://127.0.0.1:" + deadPort + "," + db.host() + ":" + db.port() + "/" + schema
        + "?connectTimeout=5000";
    try (Connection c = DriverManager.getConnection(url, db.credentials()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@port, DATABASE()")) {
      assertThat(c).isInstanceOf(AegisConnection.class);
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(serverPort());
      assertThat(rs.getString(2)).isEqualTo(schema);
    }
  }

  /**
   * Connector/J's multi-host schemes behind Aegis, with the one test server playing every host: the
   * delegate builds its replication or load-balanced connection and Aegis still wraps and intercepts it.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mysql:replication", "mysql:loadbalance"})
  void multiHostSchemesWorkThroughAegis(String scheme) throws Exception {
    String schema = db.createDatabase("multihost");
    String host = db.host() + ":" + db.port();
    String url = "jdbc:aegis:" + scheme + "://" + host + "," + host + "/" + schema;
    try (Connection c = DriverManager.getConnection(url, db.credentials()); Statement s = c.createStatement()) {
      assertThat(c).isInstanceOf(AegisConnection.class);
      Class<?> expected = scheme.endsWith("replication")
          ? com.mysql.cj.jdbc.ha.ReplicationConnection.class
          : com.mysql.cj.jdbc.ha.LoadBalancedConnection.class;
      assertThat(c.isWrapperFor(expected)).as("the delegate is Connector/J's " + scheme + " connection").isTrue();
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      s.execute("INSERT INTO t VALUES (1), (2), (3)");
      c.setReadOnly(true);
      try (PreparedStatement ps = c.prepareStatement("SELECT SUM(id) FROM t WHERE id >= ?")) {
        ps.setInt(1, 2);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(5);
          assertThat(rs.getStatement()).isSameAs(ps);
        }
      }
      assertThat(c.isReadOnly()).isTrue();
    }
  }

  /** The port the server itself reports (differs from db.port() behind a container's port mapping). */
  private static int serverPort() throws SQLException {
    try (Connection c = db.connectPlain(""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@port")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
