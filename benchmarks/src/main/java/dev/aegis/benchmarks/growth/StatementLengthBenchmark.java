package dev.aegis.benchmarks.growth;

import dev.aegis.benchmarks.stub.StubColumn;
import dev.aegis.benchmarks.stub.StubConnection;
import dev.aegis.benchmarks.stub.StubDataSource;
import dev.aegis.benchmarks.stub.StubResult;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigReader;
import dev.aegis.detect.Verdict;
import dev.aegis.error.AegisSqlState;
import dev.aegis.jdbc.AegisDataSource;
import dev.aegis.pipeline.Inspection;
import dev.aegis.pipeline.StatementPipeline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * How the cost of a statement grows with its length: a {@link BulkInsert} of {@code length} characters
 * executed through a plain statement ({@code createStatement}, {@code executeUpdate(sql)}, close), on the
 * stub driver ({@code raw}) and through Aegis with detection in enforce mode ({@code aegis}).
 *
 * <p>Every call sends a new text (a new key in the first row): the honest worst case, since the text is
 * lexed whole every time; only its shape, cached after the first call, is shared. Both arms build the
 * text (one copy of {@code length} characters), so {@code aegis − raw} is what Aegis adds.
 *
 * <p>Analysis limits are Aegis's defaults ({@code analysis.max-length} 1,048,576 characters,
 * {@code max-tokens} 500,000): the longest statement, 1,000,000 characters and about 170,000 tokens, is
 * under both, so every length is really lexed, digested and (once per shape) parsed, never cut short.
 * The set-up checks it: the statement is judged analysable and clean by a fresh pipeline, the measured
 * pipeline's parser read its shape (no {@code aegis.analysis.unanalysable}), and an injection appended at
 * its very end is blocked.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StatementLengthBenchmark {
  static final String ENFORCE_CONFIG = """
      detection: { mode: enforce }
      """;

  /** The statement, and the data source of the arm this fork measures, shared by every thread. */
  @State(Scope.Benchmark)
  public static class Arm {
    @Param({"100", "1000", "10000", "100000", "1000000"})
    int length;

    BulkInsert statement;
    DataSource dataSource;

    @Setup(Level.Trial)
    public void build(BenchmarkParams params) throws SQLException {
      statement = BulkInsert.ofLength(length);
      String sample = statement.withKey(BulkInsert.FIRST_KEY);
      check(sample.length() == length, "a statement of " + length + " characters, got " + sample.length());
      StubDataSource stub = new StubDataSource("customers", StubResult.oneRow("app", "customers",
          List.of(StubColumn.intKey("id")), 1));
      String benchmark = params.getBenchmark();
      dataSource = benchmark.endsWith(".raw") ? raw(stub, sample) : aegis(stub, sample);
    }

    private static DataSource raw(StubDataSource stub, String sample) throws SQLException {
      try (StubConnection connection = stub.getConnection()) {
        execute(connection, sample);
        check(sample.equals(connection.lastSql()), "the raw statement reaches the stub");
      }
      return stub;
    }

    private static DataSource aegis(StubDataSource stub, String sample) throws SQLException {
      AegisConfig config = ConfigReader.parse(ENFORCE_CONFIG, "StatementLengthBenchmark configuration");

      // What enforce makes of the statement, from a pipeline of its own (the measured one's verdicts are
      // not visible): analysed by the parser, not judged on tokens alone, and clean.
      long start = System.nanoTime();
      Inspection inspection = StatementPipeline.create(config, new SimpleMeterRegistry()).inspect(sample);
      long parseMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      Verdict verdict = inspection.verdict();
      check(verdict.analysable() && verdict.findings().isEmpty() && verdict.action() == Verdict.Action.ALLOW,
          "the statement analysed and clean (" + parseMillis + " ms to lex, parse and judge it cold), got "
              + verdict);
      System.out.printf("%d characters: analysed and clean; %d ms to lex, parse and judge it cold%n",
          sample.length(), parseMillis);

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      DataSource aegis = AegisDataSource.builder(stub).config(config).meterRegistry(registry).build();
      try (Connection connection = aegis.getConnection()) {
        StubConnection delegate = connection.unwrap(StubConnection.class);
        execute(connection, sample);
        check(sample.equals(delegate.lastSql()), "the statement reaches the stub unchanged through Aegis");
        Counter unanalysable = registry.find("aegis.analysis.unanalysable").counter();
        check(unanalysable != null && unanalysable.count() == 0,
            "the measured pipeline's parser read the statement's shape");
        long executions = delegate.executions();
        try {
          execute(connection, sample + "; DROP TABLE customers");
          throw new IllegalStateException("StatementLengthBenchmark set-up: expected enforce to block an"
              + " injection at the end of " + sample.length() + " characters, it passed");
        } catch (SQLException blocked) {
          check(AegisSqlState.STATEMENT_BLOCKED.code().equals(blocked.getSQLState()),
              "an injection at the end blocked with ZA100, got " + blocked);
        }
        check(delegate.executions() == executions, "the blocked statement never reached the stub");
      }
      return aegis;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate(sql);
      }
    }
  }

  /** One thread's connection and its series of keys, interleaved with other threads': every text is new. */
  @State(Scope.Thread)
  public static class Caller {
    Connection connection;
    private long key;
    private int step;

    @Setup(Level.Trial)
    public void open(Arm arm, ThreadParams thread) throws SQLException {
      connection = arm.dataSource.getConnection();
      key = BulkInsert.FIRST_KEY + thread.getThreadIndex();
      step = thread.getThreadCount();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      connection.close();
    }

    long nextKey() {
      long next = key;
      key += step;
      return next;
    }
  }

  @Benchmark
  public int raw(Arm arm, Caller caller) throws SQLException {
    return insert(caller.connection, arm.statement.withKey(caller.nextKey()));
  }

  @Benchmark
  public int aegis(Arm arm, Caller caller) throws SQLException {
    return insert(caller.connection, arm.statement.withKey(caller.nextKey()));
  }

  private static int insert(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return statement.executeUpdate(sql);
    }
  }

  private static void check(boolean condition, String expected) {
    if (!condition) {
      throw new IllegalStateException("StatementLengthBenchmark set-up: expected " + expected);
    }
  }
}
