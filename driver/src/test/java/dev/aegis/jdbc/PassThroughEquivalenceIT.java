package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.ServerPreparedStatement;
import dev.aegis.pipeline.SqlEntry;
import dev.aegis.testing.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each scenario runs twice in fresh schemas, once through plain {@code jdbc:mysql:} and once through
 * {@code jdbc:aegis:mysql:}; the transcripts must be equal, and the SQL must have gone through the pipeline.
 */
class PassThroughEquivalenceIT {
  private static TestDatabase db;
  private static SimpleMeterRegistry meters;

  @FunctionalInterface
  interface Scenario {
    void run(Connection connection, Transcript transcript) throws Exception;
  }

  @BeforeAll
  static void start() {
    db = TestDatabase.shared();
    meters = new SimpleMeterRegistry();
    Metrics.addRegistry(meters);
  }

  @AfterAll
  static void stop() {
    Metrics.removeRegistry(meters);
  }

  private static List<String> sameThroughAegis(String name, Scenario scenario, String... parameters)
      throws Exception {
    Transcript plain = new Transcript();
    try (Connection c = DriverManager.getConnection(db.plainUrl(db.createDatabase(name), parameters),
        db.credentials())) {
      scenario.run(c, plain);
    }
    Transcript aegis = new Transcript();
    try (Connection c = DriverManager.getConnection(db.aegisUrl(db.createDatabase(name), parameters),
        db.credentials())) {
      assertThat(c).isInstanceOf(AegisConnection.class);
      scenario.run(c, aegis);
    }
    assertThat(aegis.lines()).as("transcript through Aegis").isEqualTo(plain.lines());
    return aegis.lines();
  }

  private static double intercepted(SqlEntry entry) {
    Counter counter = meters.find("aegis.statements").tag("entry", entry.tag()).counter();
    return counter == null ? 0 : counter.count();
  }

  private static ToDoubleFunction<SqlEntry> snapshot() {
    double[] before = new double[SqlEntry.values().length];
    for (SqlEntry entry : SqlEntry.values()) {
      before[entry.ordinal()] = intercepted(entry);
    }
    return entry -> intercepted(entry) - before[entry.ordinal()];
  }

  @Test
  void ddlDmlTransactionsAndSavepoints() throws Exception {
    ToDoubleFunction<SqlEntry> delta = snapshot();
    List<String> lines = sameThroughAegis("dml", (c, t) -> {
      Statement s = c.createStatement();
      t.add("create", s.executeUpdate("CREATE TABLE customers (id INT PRIMARY KEY AUTO_INCREMENT,"
          + " name VARCHAR(50) NOT NULL, balance DECIMAL(10,2), born DATE)"));
      t.add("insert", s.executeUpdate("INSERT INTO customers (name, balance, born) VALUES"
          + " ('Ada', 10.50, '1815-12-10'), ('Alan', 20.00, '1912-06-23'), ('O\\'Reilly', NULL, NULL)"));
      t.add("update", s.executeUpdate("UPDATE customers SET balance = balance + 1 WHERE balance IS NOT NULL"));

      c.setAutoCommit(false);
      t.add("delete", s.executeUpdate("DELETE FROM customers WHERE name = 'Ada'"));
      c.rollback();
      t.rows("after rollback", s.executeQuery("SELECT name, balance, born FROM customers ORDER BY id"));

      s.executeUpdate("INSERT INTO customers (name) VALUES ('Grace')");
      Savepoint savepoint = c.setSavepoint("before_delete");
      s.executeUpdate("DELETE FROM customers WHERE name = 'Alan'");
      c.rollback(savepoint);
      c.releaseSavepoint(savepoint);
      Savepoint unnamed = c.setSavepoint();
      s.executeUpdate("DELETE FROM customers WHERE name = 'Grace'");
      c.rollback(unnamed);
      c.commit();
      c.setAutoCommit(true);
      t.rows("after savepoints", s.executeQuery("SELECT name FROM customers ORDER BY id"));

      t.error("duplicate key", () -> s.executeUpdate("INSERT INTO customers (id, name) VALUES (1, 'dup')"));
      t.error("syntax error", () -> s.execute("SELEC 1"));
      t.error("executeQuery of an update", () -> s.executeQuery("DELETE FROM customers WHERE id = 0"));
      t.error("missing table", () -> s.executeQuery("SELECT * FROM no_such_table"));
      t.add("alter", s.executeUpdate("ALTER TABLE customers ADD COLUMN email VARCHAR(100)"));
      t.add("truncate", s.executeUpdate("TRUNCATE TABLE customers"));
      t.rows("after truncate", s.executeQuery("SELECT COUNT(*) AS n FROM customers"));
    });

    assertThat(lines).contains(
        "after rollback row: name=String:Ada | balance=BigDecimal:11.50 | born=Date:1815-12-10",
        "after rollback row: name=String:O'Reilly | balance=NULL | born=NULL",
        "after savepoints row: name=String:Grace",
        "after truncate row: n=Long:0");
    assertThat(lines).filteredOn(l -> l.startsWith("duplicate key")).containsExactly(
        "duplicate key: SQLState 23000, code 1062");
    assertThat(lines).filteredOn(l -> l.startsWith("syntax error")).singleElement().asString()
        .startsWith("syntax error: SQLState 42000");
    assertThat(delta.applyAsDouble(SqlEntry.EXECUTE_UPDATE)).isGreaterThanOrEqualTo(10);
    assertThat(delta.applyAsDouble(SqlEntry.EXECUTE_QUERY)).isGreaterThanOrEqualTo(5);
  }

  @ParameterizedTest(name = "rewriteBatchedStatements={0}")
  @ValueSource(booleans = {false, true})
  void batches(boolean rewrite) throws Exception {
    ToDoubleFunction<SqlEntry> delta = snapshot();
    List<String> lines = sameThroughAegis("batch", (c, t) -> {
      Statement s = c.createStatement();
      s.execute("CREATE TABLE events (id INT PRIMARY KEY AUTO_INCREMENT, kind VARCHAR(20) UNIQUE, n INT)");
      s.addBatch("INSERT INTO events (kind, n) VALUES ('a', 1)");
      s.addBatch("INSERT INTO events (kind, n) VALUES ('b', 2)");
      s.addBatch("UPDATE events SET n = n * 10");
      t.add("statement batch", s.executeBatch());

      PreparedStatement ps = c.prepareStatement("INSERT INTO events (kind, n) VALUES (?, ?)",
          Statement.RETURN_GENERATED_KEYS);
      for (int i = 0; i < 5; i++) {
        ps.setString(1, "p" + i);
        ps.setInt(2, i);
        ps.addBatch();
      }
      t.add("prepared batch", ps.executeBatch());
      t.rows("batch keys", ps.getGeneratedKeys());
      ps.setString(1, "large");
      ps.setInt(2, 99);
      ps.addBatch();
      t.add("large batch", ps.executeLargeBatch());
      t.add("large update", s.executeLargeUpdate("UPDATE events SET n = n + 1 WHERE n < 10"));

      ps.setString(1, "q");
      ps.setInt(2, 1);
      ps.addBatch();
      ps.setString(1, "a");
      ps.setInt(2, 2);
      ps.addBatch();
      try {
        ps.executeBatch();
        t.add("duplicate in batch", "no error");
      } catch (BatchUpdateException e) {
        t.add("duplicate in batch", e.getSQLState() + " " + e.getErrorCode());
        t.add("counts before failure", e.getUpdateCounts());
      }
      t.rows("events", s.executeQuery("SELECT kind, n FROM events ORDER BY id"));
    }, "rewriteBatchedStatements=" + rewrite);

    assertThat(lines).contains("statement batch: [1, 1, 2]", "events row: kind=String:large | n=Integer:99",
        "events row: kind=String:p3 | n=Integer:4", "duplicate in batch: String:23000 1062");
    assertThat(lines).filteredOn(l -> l.startsWith("batch keys")).hasSize(5);
    assertThat(delta.applyAsDouble(SqlEntry.ADD_BATCH)).isEqualTo(3);
    assertThat(delta.applyAsDouble(SqlEntry.PREPARE_STATEMENT)).isEqualTo(1);
  }

  @Test
  void generatedKeys() throws Exception {
    List<String> lines = sameThroughAegis("keys", (c, t) -> {
      Statement s = c.createStatement();
      s.execute("CREATE TABLE items (id BIGINT PRIMARY KEY AUTO_INCREMENT, label VARCHAR(20))");
      t.add("statement insert", s.executeUpdate("INSERT INTO items (label) VALUES ('x'), ('y')",
          Statement.RETURN_GENERATED_KEYS));
      t.rows("statement keys", s.getGeneratedKeys());
      t.add("execute with keys", s.execute("INSERT INTO items (label) VALUES ('w')", new String[] {"id"}));
      t.rows("execute keys", s.getGeneratedKeys());
      PreparedStatement ps = c.prepareStatement("INSERT INTO items (label) VALUES (?)", new int[] {1});
      ps.setString(1, "z");
      t.add("prepared insert", ps.executeUpdate());
      t.rows("prepared keys", ps.getGeneratedKeys());
    });
    assertThat(lines).contains("statement keys row: GENERATED_KEY=BigInteger:1",
        "statement keys row: GENERATED_KEY=BigInteger:2", "prepared keys row: GENERATED_KEY=BigInteger:4");
  }

  @ParameterizedTest(name = "useServerPrepStmts={0}")
  @ValueSource(booleans = {false, true})
  void preparedStatementsWithEveryCommonType(boolean serverSide) throws Exception {
    List<String> lines = sameThroughAegis("types", (c, t) -> {
      c.createStatement().execute("CREATE TABLE typed (id INT PRIMARY KEY, big BIGINT, amount DECIMAL(12,3),"
          + " ratio DOUBLE, label VARCHAR(40) CHARACTER SET utf8mb4, day DATE, moment DATETIME(3), raw BLOB,"
          + " flag BOOLEAN)");
      PreparedStatement insert = c.prepareStatement("INSERT INTO typed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      ParameterMetaData parameters = insert.getParameterMetaData();
      t.add("parameter count", parameters.getParameterCount());
      insert.setInt(1, 1);
      insert.setLong(2, Long.MAX_VALUE);
      insert.setBigDecimal(3, new BigDecimal("12345.678"));
      insert.setDouble(4, 0.25);
      insert.setString(5, "naïve café \uD83D\uDD12");
      insert.setDate(6, Date.valueOf("2024-02-29"));
      insert.setTimestamp(7, Timestamp.valueOf("2024-02-29 23:59:58.123"));
      insert.setBytes(8, new byte[] {0, 1, (byte) 0xff});
      insert.setBoolean(9, true);
      t.add("insert 1", insert.executeUpdate());
      insert.setInt(1, 2);
      for (int i = 2; i <= 9; i++) {
        insert.setNull(i, Types.NULL);
      }
      t.add("insert 2", insert.executeUpdate());
      insert.setObject(1, 3);
      insert.setObject(2, 7L);
      insert.setObject(3, "1.5", Types.DECIMAL);
      insert.setObject(4, 2.0f);
      insert.setObject(5, "it's \"quoted\" \\ and; -- not a comment");
      insert.setObject(6, java.time.LocalDate.of(2000, 1, 1));
      insert.setObject(7, java.time.LocalDateTime.of(2000, 1, 1, 12, 0));
      insert.setObject(8, "bytes".getBytes(StandardCharsets.UTF_8));
      insert.setObject(9, false);
      t.add("insert 3", insert.executeUpdate());

      PreparedStatement select = c.prepareStatement("SELECT * FROM typed WHERE id >= ? ORDER BY id");
      t.add("prepared on the server", select.isWrapperFor(ServerPreparedStatement.class));
      select.setInt(1, 1);
      ResultSet rs = select.executeQuery();
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        t.add("column " + i, meta.getColumnName(i) + " " + meta.getColumnTypeName(i) + " " + meta.getColumnType(i)
            + " table=" + meta.getTableName(i));
      }
      t.rows("typed", rs);
      select.setInt(1, 3);
      try (ResultSet again = select.executeQuery()) {
        again.next();
        t.add("reused statement", again.getString("label"));
        t.add("as LocalDate", again.getObject("day", java.time.LocalDate.class));
        t.add("as BigDecimal", again.getBigDecimal("amount"));
      }
    }, "useServerPrepStmts=" + serverSide);

    assertThat(lines).contains("prepared on the server: Boolean:" + serverSide, "parameter count: Integer:9",
        "reused statement: String:it's \"quoted\" \\ and; -- not a comment",
        "column 5: String:label VARCHAR 12 table=typed", "as LocalDate: LocalDate:2000-01-01");
    assertThat(lines).anyMatch(l -> l.startsWith("typed row: id=Integer:1 | big=Long:9223372036854775807")
        && l.contains("label=String:naïve café \uD83D\uDD12") && l.contains("raw=bytes[0, 1, -1]"));
  }

  @Test
  void streamingResultsHoldTheConnectionUntilRead() throws Exception {
    List<String> lines = sameThroughAegis("stream", (c, t) -> {
      Statement s = c.createStatement();
      s.execute("CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR(20))");
      // Digits cross-joined: recursive CTEs stop at 1,000 rows by default on both MySQL and MariaDB.
      s.execute("CREATE TABLE digits (d INT)");
      s.execute("INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
      t.add("filled", s.executeUpdate("INSERT INTO big SELECT n, CONCAT('v', n) FROM (SELECT"
          + " a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 1 AS n FROM digits a, digits b, digits c, digits e) s"
          + " WHERE n <= 3000"));
      Statement streaming = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      streaming.setFetchSize(Integer.MIN_VALUE);
      try (ResultSet rs = streaming.executeQuery("SELECT id, v FROM big ORDER BY id")) {
        long count = 0;
        long sum = 0;
        while (rs.next()) {
          if (count == 10) {
            t.error("second query while streaming", () -> c.createStatement().executeQuery("SELECT 1"));
          }
          count++;
          sum += rs.getInt(1);
        }
        t.add("streamed rows", count);
        t.add("streamed sum", sum);
      }
      t.rows("after stream", s.executeQuery("SELECT COUNT(*) AS n FROM big"));
    });
    assertThat(lines).contains("streamed rows: Long:3000", "streamed sum: Long:4501500");
    assertThat(lines).filteredOn(l -> l.startsWith("second query while streaming")).singleElement().asString()
        .doesNotContain("no error");
  }

  @Test
  void storedProcedureWithOutParametersAndSeveralResultSets() throws Exception {
    ToDoubleFunction<SqlEntry> delta = snapshot();
    List<String> lines = sameThroughAegis("proc", (c, t) -> {
      Statement s = c.createStatement();
      s.execute("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(20))");
      s.execute("INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three')");
      s.execute("CREATE PROCEDURE stats(IN lim INT, OUT total INT, INOUT factor INT)\n"
          + "BEGIN\n"
          + "  SELECT id, label FROM items WHERE id <= lim ORDER BY id;\n"
          + "  SELECT COUNT(*) AS c FROM items;\n"
          + "  SET total = (SELECT SUM(id) FROM items);\n"
          + "  SET factor = factor * 2;\n"
          + "END");
      s.execute("CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2");
      CallableStatement call = c.prepareCall("{call stats(?, ?, ?)}");
      call.setInt(1, 2);
      call.registerOutParameter(2, Types.INTEGER);
      call.setInt(3, 21);
      call.registerOutParameter(3, Types.INTEGER);
      t.allResults("call", call, call.execute());
      t.add("total", call.getInt(2));
      t.add("factor by name", call.getInt("factor"));
      t.add("was null", call.wasNull());

      CallableStatement function = c.prepareCall("{? = call twice(?)}");
      function.registerOutParameter(1, Types.INTEGER);
      function.setInt(2, 21);
      function.execute();
      t.add("function", function.getInt(1));
    });
    assertThat(lines).contains("call #0 row: id=Integer:1 | label=String:one",
        "call #0 row: id=Integer:2 | label=String:two", "call #1 row: c=Long:3", "total: Integer:6",
        "factor by name: Integer:42", "function: Integer:42");
    assertThat(delta.applyAsDouble(SqlEntry.PREPARE_CALL)).isEqualTo(2);
  }

  @Test
  void multipleResultsFromOneStatement() throws Exception {
    List<String> lines = sameThroughAegis("multi", (c, t) -> {
      Statement s = c.createStatement();
      boolean first = s.execute("CREATE TABLE m (id INT); INSERT INTO m VALUES (1), (2); SELECT id FROM m"
          + " ORDER BY id; UPDATE m SET id = id + 10; SELECT SUM(id) AS total FROM m");
      t.allResults("multi", s, first);
    }, "allowMultiQueries=true");
    assertThat(lines).containsExactly("multi #0 update count: Integer:0", "multi #1 update count: Integer:2",
        "multi #2 row: id=Integer:1", "multi #2 row: id=Integer:2", "multi #3 update count: Integer:2",
        "multi #4 row: total=BigDecimal:23");
  }

  @ParameterizedTest(name = "allowLoadLocalInfile={0}")
  @ValueSource(booleans = {false, true})
  void loadDataLocalFollowsConnectorJsOwnSetting(boolean allowed, @TempDir Path dir) throws Exception {
    try (Connection admin = db.connectPlain(""); Statement s = admin.createStatement()) {
      if (!localInfileEnabled(s)) {
        // MySQL 8 ships with local_infile OFF; a test server may be switched on (and is left on).
        try {
          s.execute("SET GLOBAL local_infile = 1");
        } catch (SQLException e) {
          Assumptions.abort("local_infile is OFF on the server and this user cannot enable it");
        }
      }
      assertThat(localInfileEnabled(s)).isTrue();
    }
    Path file = dir.resolve("rows.csv");
    writeRows(file);
    String load = "LOAD DATA LOCAL INFILE '" + file.toString().replace("\\", "/")
        + "' INTO TABLE loaded FIELDS TERMINATED BY ',' (id, label)";
    List<String> lines = sameThroughAegis("load", (c, t) -> {
      Statement s = c.createStatement();
      s.execute("CREATE TABLE loaded (id INT PRIMARY KEY, label VARCHAR(20))");
      t.error("load", () -> t.add("loaded", s.executeUpdate(load)));
      t.rows("count", s.executeQuery("SELECT COUNT(*) AS n FROM loaded"));
    }, "allowLoadLocalInfile=" + allowed);
    if (allowed) {
      assertThat(lines).contains("loaded: Integer:3", "load: no error", "count row: n=Long:3");
    } else {
      assertThat(lines).contains("count row: n=Long:0").noneMatch(l -> l.equals("load: no error"));
    }
  }

  private static boolean localInfileEnabled(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT @@GLOBAL.local_infile")) {
      rs.next();
      return rs.getInt(1) == 1;
    }
  }

  private static void writeRows(Path file) throws IOException {
    Files.writeString(file, "1,one\n2,two\n3,three\n", StandardCharsets.UTF_8);
  }

  @Test
  void hugeStatementsPassUnchanged() throws Exception {
    String big = "x".repeat(2 * 1024 * 1024);
    List<String> lines = sameThroughAegis("huge", (c, t) -> {
      Statement s = c.createStatement();
      s.execute("CREATE TABLE blobs (id INT PRIMARY KEY, body LONGTEXT)");
      StringBuilder values = new StringBuilder("INSERT INTO blobs VALUES ");
      for (int i = 0; i < 2_000; i++) {
        values.append(i == 0 ? "" : ", ").append('(').append(i).append(", '").append(i).append("')");
      }
      t.add("many rows in one statement", s.executeUpdate(values.toString()));
      t.add("one 2 MiB literal", s.executeUpdate("INSERT INTO blobs VALUES (-1, '" + big + "')"));
      t.rows("lengths", s.executeQuery("SELECT COUNT(*) AS n, MAX(LENGTH(body)) AS longest FROM blobs"));
    });
    assertThat(lines).contains("many rows in one statement: Integer:2000", "one 2 MiB literal: Integer:1",
        "lengths row: n=Long:2001 | longest=Long:" + big.length());
  }

  @Test
  void databaseMetadata() throws Exception {
    List<String> lines = sameThroughAegis("meta", (c, t) -> {
      c.createStatement().execute("CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(30) NOT NULL,"
          + " opened DATE, INDEX by_owner (owner))");
      DatabaseMetaData meta = c.getMetaData();
      t.add("product", meta.getDatabaseProductName());
      t.add("driver", meta.getDriverName());
      try (ResultSet rs = meta.getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          t.add("table", rs.getString("TABLE_NAME") + " " + rs.getString("TABLE_TYPE"));
        }
      }
      try (ResultSet rs = meta.getColumns(c.getCatalog(), null, "accounts", "%")) {
        while (rs.next()) {
          t.add("column", rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " nullable="
              + rs.getString("IS_NULLABLE"));
        }
      }
      try (ResultSet rs = meta.getPrimaryKeys(c.getCatalog(), null, "accounts")) {
        while (rs.next()) {
          t.add("primary key", rs.getString("COLUMN_NAME"));
        }
      }
      try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), null, "accounts", false, false)) {
        while (rs.next()) {
          t.add("index", rs.getString("INDEX_NAME") + " " + rs.getString("COLUMN_NAME"));
        }
      }
    });
    assertThat(lines).contains("table: String:accounts TABLE", "column: String:owner VARCHAR nullable=NO",
        "primary key: String:id", "index: String:by_owner owner");
  }
}
