package dev.aegis.benchmarks.endtoend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Whole statements against a real server on loopback (MariaDB), through three arms over the same kind of
 * HikariCP pool of MySQL Connector/J connections: {@code raw} (the pool itself), {@code aegis} (detection
 * in {@code enforce}, {@code email} encrypted deterministic and {@code phone} randomized) and
 * {@code shardingsphere} (ShardingSphere-JDBC's encrypt rule, AES, on the same two columns). Every
 * workload sends the same SQL text through every arm; each arm has a database of its own with the same
 * tables (see {@link CustomerTables}), and its set-up fails unless its encrypted columns hold ciphertext in
 * the server and read back as plaintext. Run with {@code -t 1} and {@code -t 8}; each arm's pool has a
 * connection per thread and two to spare.
 *
 * <p>{@code connection}: {@code held} (the default) measures what each driver adds to a statement: every
 * benchmark thread holds one connection of its arm through an iteration (taking a fresh one from the
 * pool at each iteration, as an application returns connections between requests) and prepares, binds,
 * executes, reads and closes a statement per operation. {@code borrowed} measures a request of one
 * statement: each operation also takes the connection from its arm's data source and closes it, which
 * adds whatever each driver does per borrowed connection.
 *
 * <p>The server: the one {@code -Daegis.bench.jdbcUrl=jdbc:mysql://…} names (see {@link ServerAddress}), or
 * else an embedded MariaDB started for the trial ({@link BenchServer}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// The raw arm is still speeding up after 4 s (JIT and the server's own warm-up); 6 s levels it.
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class EndToEndBenchmark {
  @Param({"raw", "aegis", "shardingsphere"})
  public String driver;

  @Param({"held"})
  public String connection;

  private boolean borrowed;
  private BenchServer embedded;
  private ArmFixture fixture;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws Exception {
    borrowed = switch (connection) {
      case "held" -> false;
      case "borrowed" -> true;
      default -> throw new IllegalArgumentException("-p connection=held or borrowed, not " + connection);
    };
    ServerAddress server = ServerAddress.fromSystemProperties().orElse(null);
    if (server == null) {
      embedded = BenchServer.start();
      server = embedded.address();
    }
    try {
      fixture = ArmFixture.open(Arm.named(driver), server, params.getThreads());
    } catch (Exception | Error e) {
      stopServer();
      throw e;
    }
  }

  /** The insert table starts each iteration empty, so a long run does not keep making it larger. */
  @Setup(Level.Iteration)
  public void emptyInsertTable() throws SQLException {
    fixture.emptyInsertTable();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    try {
      fixture.close();
    } finally {
      stopServer();
    }
  }

  private void stopServer() {
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }

  /** One benchmark thread's connection, and the numbers of the rows it inserts (unique across threads). */
  @State(Scope.Thread)
  public static class Session {
    private DataSource dataSource;
    private boolean borrowed;
    private Connection held;
    long nextInsert;

    @Setup(Level.Trial)
    public void start(EndToEndBenchmark benchmark, ThreadParams thread) {
      dataSource = benchmark.fixture.dataSource();
      borrowed = benchmark.borrowed;
      nextInsert = (thread.getThreadIndex() + 1L) * 1_000_000_000_000L;
    }

    /**
     * A fresh connection per iteration: a driver may keep per-connection state that grows with every
     * statement until the connection closes (ShardingSphere 5.5.2 keeps each statement's manager), which
     * an application's short-lived borrowings never let grow.
     */
    @Setup(Level.Iteration)
    public void take() throws SQLException {
      if (!borrowed) {
        held = dataSource.getConnection();
      }
    }

    @TearDown(Level.Iteration)
    public void giveBack() throws SQLException {
      if (held != null) {
        held.close();
        held = null;
      }
    }

    Connection connection() throws SQLException {
      return borrowed ? dataSource.getConnection() : held;
    }

    void release(Connection connection) throws SQLException {
      if (borrowed) {
        connection.close();
      }
    }
  }

  /** The row of a random id: one plain and two encrypted columns out. */
  @Benchmark
  public void pkLookup(Session session, Blackhole bh) throws SQLException {
    Connection connection = session.connection();
    try (PreparedStatement s = connection.prepareStatement(CustomerTables.PK_LOOKUP)) {
      s.setInt(1, ThreadLocalRandom.current().nextInt(1, CustomerTables.SEEDED_ROWS + 1));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          bh.consume(rs.getString(1));
          bh.consume(rs.getString(2));
          bh.consume(rs.getString(3));
        }
      }
    } finally {
      session.release(connection);
    }
  }

  /** Ten consecutive rows from a random id, both encrypted columns of each read. */
  @Benchmark
  public void rangeRead10(Session session, Blackhole bh) throws SQLException {
    int from = ThreadLocalRandom.current().nextInt(1, CustomerTables.SEEDED_ROWS - CustomerTables.RANGE_ROWS + 2);
    Connection connection = session.connection();
    try (PreparedStatement s = connection.prepareStatement(CustomerTables.RANGE_READ)) {
      s.setInt(1, from);
      s.setInt(2, from + CustomerTables.RANGE_ROWS - 1);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          bh.consume(rs.getInt(1));
          bh.consume(rs.getString(2));
          bh.consume(rs.getString(3));
          bh.consume(rs.getString(4));
        }
      }
    } finally {
      session.release(connection);
    }
  }

  /** Equality search on the deterministic column: the parameter is encrypted, the row's phone decrypted. */
  @Benchmark
  public void emailLookup(Session session, Blackhole bh) throws SQLException {
    String email = CustomerTables.email(ThreadLocalRandom.current().nextInt(1, CustomerTables.SEEDED_ROWS + 1));
    Connection connection = session.connection();
    try (PreparedStatement s = connection.prepareStatement(CustomerTables.EMAIL_LOOKUP)) {
      s.setString(1, email);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          bh.consume(rs.getInt(1));
          bh.consume(rs.getString(2));
          bh.consume(rs.getString(3));
        }
      }
    } finally {
      session.release(connection);
    }
  }

  /** One new row, both encrypted columns bound (auto-commit: one transaction per row). */
  @Benchmark
  public int insert(Session session) throws SQLException {
    Connection connection = session.connection();
    try (PreparedStatement s = connection.prepareStatement(CustomerTables.INSERT)) {
      ArmFixture.bindInsert(s, session.nextInsert++);
      return s.executeUpdate();
    } finally {
      session.release(connection);
    }
  }

  /** A hundred new rows in one batch (one multi-row INSERT on the wire: rewriteBatchedStatements). */
  @Benchmark
  public int[] batchInsert100(Session session) throws SQLException {
    Connection connection = session.connection();
    try (PreparedStatement s = connection.prepareStatement(CustomerTables.INSERT)) {
      for (int i = 0; i < CustomerTables.BATCH_ROWS; i++) {
        ArmFixture.bindInsert(s, session.nextInsert++);
        s.addBatch();
      }
      return s.executeBatch();
    } finally {
      session.release(connection);
    }
  }
}
