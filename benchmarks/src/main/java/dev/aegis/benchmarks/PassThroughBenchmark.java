package dev.aegis.benchmarks;

import dev.aegis.jdbc.AegisDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the pass-through driver adds to one statement when nothing else costs anything: the same calls on a
 * canned in-memory connection, raw and through {@link AegisDataSource} (no configuration: wrappers plus the
 * pipeline's measurement).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PassThroughBenchmark {
  private static final String QUERY = "SELECT id, name FROM customers WHERE id = 42";
  private static final String PREPARED = "SELECT id, name FROM customers WHERE id = ?";

  private Connection raw;
  private Connection aegis;

  @Setup
  public void connect() throws SQLException {
    DataSource canned = CannedJdbc.dataSource();
    raw = canned.getConnection();
    aegis = AegisDataSource.wrap(canned).getConnection();
  }

  @Benchmark
  public int statementRaw() throws SQLException {
    return statement(raw);
  }

  @Benchmark
  public int statementAegis() throws SQLException {
    return statement(aegis);
  }

  @Benchmark
  public int preparedRaw() throws SQLException {
    return prepared(raw);
  }

  @Benchmark
  public int preparedAegis() throws SQLException {
    return prepared(aegis);
  }

  private static int statement(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
      return rs.next() ? rs.getInt(1) : -1;
    }
  }

  private static int prepared(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(PREPARED)) {
      statement.setInt(1, 42);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? rs.getInt(1) : -1;
      }
    }
  }
}
