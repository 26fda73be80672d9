package dev.aegis.benchmarks.endtoend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * One arm ready to be measured: its database created and seeded on the server, a HikariCP pool of
 * Connector/J connections to it, and the arm's driver around the pool. Opening it also proves the arm does
 * what it claims (see {@link #verify()}); a failure there fails the run.
 */
final class ArmFixture implements AutoCloseable {
  private final Arm arm;
  private final ServerAddress server;
  private final String database;
  private final Path dir;
  private final HikariDataSource pool;
  private final DataSource dataSource;

  private ArmFixture(Arm arm, ServerAddress server, Path dir, HikariDataSource pool, DataSource dataSource) {
    this.arm = arm;
    this.server = server;
    this.database = arm.database();
    this.dir = dir;
    this.pool = pool;
    this.dataSource = dataSource;
  }

  /**
   * Creates and seeds the arm's database and opens its pool: a fixed {@code threads + 2} connections, one
   * held by each benchmark thread and two to spare for a driver's own background work (Aegis reads its
   * block table through the pool it wraps).
   */
  static ArmFixture open(Arm arm, ServerAddress server, int threads) throws Exception {
    try (Connection plain = plainConnection(server, "")) {
      CustomerTables.create(plain, arm.database());
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("e2e-" + arm.label());
    config.setJdbcUrl(server.url(arm.database()));
    config.setUsername(server.user());
    config.setPassword(server.password());
    config.setMaximumPoolSize(threads + 2);
    config.setMinimumIdle(threads + 2);
    HikariDataSource pool = new HikariDataSource(config);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("aegis-e2e-" + arm.label());
      ArmFixture fixture = new ArmFixture(arm, server, dir, pool, arm.wrap(pool, arm.database(), dir));
      try (Connection connection = fixture.dataSource.getConnection()) {
        CustomerTables.seed(connection);
      }
      fixture.verify();
      return fixture;
    } catch (Exception | Error e) {
      pool.close();
      deleteTree(dir);
      throw e;
    }
  }

  /** What the workloads borrow their connections from. */
  DataSource dataSource() {
    return dataSource;
  }

  Arm arm() {
    return arm;
  }

  /** Empties the insert table, without the arm's driver. */
  void emptyInsertTable() throws SQLException {
    try (Connection plain = plainConnection(server, database)) {
      CustomerTables.emptyInsertTable(plain, database);
    }
  }

  @Override
  public void close() throws SQLException, IOException {
    try {
      if (dataSource != pool && dataSource instanceof AutoCloseable closeable) {
        closeable.close();
      }
    } catch (SQLException | IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new SQLException("Closing the " + arm.label() + " data source failed", e);
    } finally {
      pool.close();
      deleteTree(dir);
    }
  }

  /**
   * Fails unless the server holds what this arm should have written and the arm reads back plaintext: the
   * seeded rows and rows inserted one by one and in a batch, read without any driver in between, hold
   * ciphertext of the right kind in {@code email} and {@code phone} (plaintext for raw); each workload's
   * statement, sent through the arm, returns the plaintexts; the lookup by email finds its row, which for
   * the encrypting arms means the parameter was encrypted as the stored value was.
   */
  private void verify() throws SQLException {
    try (Connection plain = plainConnection(server, database); Connection connection = dataSource.getConnection()) {
      for (int n : new int[] {1, CustomerTables.SEEDED_ROWS / 2, CustomerTables.SEEDED_ROWS}) {
        checkStored(plain, CustomerTables.READ_TABLE, n, n);
      }

      int id = 1234;
      try (PreparedStatement s = connection.prepareStatement(CustomerTables.PK_LOOKUP)) {
        s.setInt(1, id);
        try (ResultSet rs = s.executeQuery()) {
          check(rs.next(), "pkLookup found row " + id);
          checkRow(rs.getString(1), rs.getString(2), rs.getString(3), id, "pkLookup");
          check(!rs.next(), "pkLookup returned one row");
        }
      }

      int from = 500;
      try (PreparedStatement s = connection.prepareStatement(CustomerTables.RANGE_READ)) {
        s.setInt(1, from);
        s.setInt(2, from + CustomerTables.RANGE_ROWS - 1);
        try (ResultSet rs = s.executeQuery()) {
          for (int n = from; n < from + CustomerTables.RANGE_ROWS; n++) {
            check(rs.next() && rs.getInt(1) == n, "rangeRead10 returned row " + n);
            checkRow(rs.getString(2), rs.getString(3), rs.getString(4), n, "rangeRead10");
          }
          check(!rs.next(), "rangeRead10 returned " + CustomerTables.RANGE_ROWS + " rows");
        }
      }

      int wanted = 777;
      try (PreparedStatement s = connection.prepareStatement(CustomerTables.EMAIL_LOOKUP)) {
        s.setString(1, CustomerTables.email(wanted));
        try (ResultSet rs = s.executeQuery()) {
          check(rs.next() && rs.getInt(1) == wanted, "emailLookup found row " + wanted);
          check(CustomerTables.name(wanted).equals(rs.getString(2))
              && CustomerTables.phone(wanted).equals(rs.getString(3)), "emailLookup read back the plaintexts");
          check(!rs.next(), "emailLookup returned one row");
        }
      }

      verifyInserts(plain, connection);
    }
    emptyInsertTable();
  }

  /** One insert and one batch through the arm, checked in the server and read back through the arm. */
  private void verifyInserts(Connection plain, Connection connection) throws SQLException {
    long first = 1_000_000_000L;
    try (PreparedStatement s = connection.prepareStatement(CustomerTables.INSERT)) {
      bindInsert(s, first);
      check(s.executeUpdate() == 1, "insert inserted one row");
    }
    try (PreparedStatement s = connection.prepareStatement(CustomerTables.INSERT)) {
      for (int i = 1; i <= CustomerTables.BATCH_ROWS; i++) {
        bindInsert(s, first + i);
        s.addBatch();
      }
      int[] counts = s.executeBatch();
      check(counts.length == CustomerTables.BATCH_ROWS, "batchInsert100 reported " + CustomerTables.BATCH_ROWS
          + " counts, got " + counts.length);
    }
    Map<Long, Integer> idByRow = new HashMap<>();
    try (PreparedStatement s = plain.prepareStatement("SELECT id, name FROM " + CustomerTables.INSERT_TABLE);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        idByRow.put(Long.parseLong(rs.getString(2).substring("Customer ".length())), rs.getInt(1));
      }
    }
    check(idByRow.size() == CustomerTables.BATCH_ROWS + 1, (CustomerTables.BATCH_ROWS + 1)
        + " rows inserted, found " + idByRow.size());
    for (Map.Entry<Long, Integer> row : idByRow.entrySet()) {
      checkStored(plain, CustomerTables.INSERT_TABLE, row.getValue(), row.getKey());
    }
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT name, email, phone FROM " + CustomerTables.INSERT_TABLE + " WHERE id = ?")) {
      for (Map.Entry<Long, Integer> row : idByRow.entrySet()) {
        s.setInt(1, row.getValue());
        try (ResultSet rs = s.executeQuery()) {
          check(rs.next(), "inserted row " + row.getValue() + " reads back");
          checkRow(rs.getString(1), rs.getString(2), rs.getString(3), row.getKey(), "reading an inserted row");
        }
      }
    }
  }

  static void bindInsert(PreparedStatement s, long n) throws SQLException {
    s.setString(1, CustomerTables.name(n));
    s.setString(2, CustomerTables.email(n));
    s.setString(3, CustomerTables.phone(n));
  }

  /** Row {@code id} of {@code table} as the server holds it, for plaintext row {@code n}. */
  private void checkStored(Connection plain, String table, int id, long n) throws SQLException {
    try (PreparedStatement s = plain.prepareStatement("SELECT name, email, phone FROM " + table + " WHERE id = ?")) {
      s.setInt(1, id);
      try (ResultSet rs = s.executeQuery()) {
        check(rs.next(), table + " row " + id + " exists in the server");
        check(CustomerTables.name(n).equals(rs.getString(1)), table + ".name of row " + id + " is plaintext");
        String[] columns = {"email", "phone"};
        String[] plaintexts = {CustomerTables.email(n), CustomerTables.phone(n)};
        for (int i = 0; i < 2; i++) {
          String problem = arm.storedFormProblem(rs.getString(i + 2), plaintexts[i], table, columns[i]);
          check(problem == null, table + "." + columns[i] + " of row " + id + " as the server holds it: " + problem);
        }
      }
    }
  }

  private void checkRow(String name, String email, String phone, long n, String what) {
    check(Objects.equals(CustomerTables.name(n), name) && Objects.equals(CustomerTables.email(n), email)
        && Objects.equals(CustomerTables.phone(n), phone), what + " read back the plaintexts of row " + n);
  }

  /** A Connector/J connection with no driver around it: what the server really holds. */
  private static Connection plainConnection(ServerAddress server, String database) throws SQLException {
    return DriverManager.getConnection(server.url(database), server.user(), server.password());
  }

  /** Fails the set-up, and so the run: figures for an arm that does not do its work would mislead. */
  private void check(boolean condition, String expected) {
    if (!condition) {
      throw new IllegalStateException("EndToEndBenchmark set-up, arm " + arm.label()
          + ": expected " + expected);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
