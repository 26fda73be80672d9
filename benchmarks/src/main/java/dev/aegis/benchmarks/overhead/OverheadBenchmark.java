package dev.aegis.benchmarks.overhead;

import dev.aegis.benchmarks.stub.StubConnection;
import dev.aegis.benchmarks.stub.StubDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * What a driver wrapper costs per statement when the driver under it costs next to nothing: the same JDBC
 * calls on an in-process stub driver (no I/O, canned results; {@code dev.aegis.benchmarks.stub}), raw and
 * through Aegis and its peers. Subtract the right raw arm from an arm to get what the wrapper adds:
 *
 * <ul>
 *   <li>{@code raw}, {@code aegisPassThrough}, {@code aegisEnforce}, {@code p6spy}, {@code datasourceProxy}:
 *       a primary-key lookup: {@code prepareStatement}, {@code setInt}, {@code executeQuery}, {@code next},
 *       three getters ({@code id, email, phone}), close both;
 *   <li>{@code rawUniqueLiteral}, {@code aegisUniqueLiteral}: the same lookup with a new key inlined every
 *       call ({@code createStatement}, {@code executeQuery(sql)}, …): a new text each time, one shape;
 *   <li>{@code rawEncryptedShape}, {@code aegisEncrypted}: a lookup binding two strings and reading two
 *       columns, encrypted in the Aegis arm (one deterministic, one randomized column read).
 * </ul>
 *
 * <p>Each fork builds only the arm it measures ({@link Arm}), checks it does what its name says, and runs
 * the other arms' classes nowhere, so the JIT sees one arm's classes as an application would. The data
 * source is shared by all threads ({@link Scope#Benchmark}); each thread has its own connection
 * ({@link Scope#Thread}), so {@code -t N} measures N callers of one pool-like source.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Five warm-up seconds: datasource-proxy's reflective paths take about that long to be compiled on 2 cores.
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OverheadBenchmark {

  /** The data source of the arm this fork measures, built and checked once, shared by every thread. */
  @State(Scope.Benchmark)
  public static class Arm {
    DataSource dataSource;
    private Path dir;

    @Setup(Level.Trial)
    public void build(BenchmarkParams params) throws Exception {
      String benchmark = params.getBenchmark();
      String arm = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      dataSource = switch (arm) {
        case "raw" -> raw(Customers.lookupTable("customers"));
        case "rawUniqueLiteral" -> rawInlined(Customers.lookupTable("customers"));
        case "rawEncryptedShape" -> rawByEmail(Customers.emailTable("customers", Customers.EMAIL,
            Customers.PHONE));
        case "aegisPassThrough" -> AegisArms.passThrough(Customers.lookupTable("customers"));
        case "aegisEnforce", "aegisUniqueLiteral" -> AegisArms.enforce(Customers.lookupTable("customers"));
        case "aegisEncrypted" -> AegisArms.encrypted(dir = Files.createTempDirectory("aegis-overhead"));
        case "p6spy" -> PeerArms.p6spy(Customers.lookupTable("customers"));
        case "datasourceProxy" -> PeerArms.datasourceProxy(Customers.lookupTable("customers"));
        default -> throw new IllegalStateException("OverheadBenchmark has no arm for " + benchmark);
      };
    }

    @TearDown(Level.Trial)
    public void deleteKeys() throws IOException {
      if (dir == null) {
        return;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }

    private static DataSource raw(StubDataSource stub) throws SQLException {
      try (StubConnection connection = stub.getConnection()) {
        AegisArms.checkLookup(connection, connection, "raw");
      }
      return stub;
    }

    private static DataSource rawInlined(StubDataSource stub) throws SQLException {
      try (StubConnection connection = stub.getConnection()) {
        String sql = Customers.LOOKUP_INLINED + 7;
        Check.that(AegisArms.expectedRow().equals(Work.inlined(connection, sql)) && sql.equals(
            connection.lastSql()), "the raw inlined lookup reads the stub's row");
      }
      return stub;
    }

    private static DataSource rawByEmail(StubDataSource stub) throws SQLException {
      try (StubConnection connection = stub.getConnection()) {
        Check.that(List.of(Customers.EMAIL, Customers.PHONE).equals(Work.lookupByEmail(connection))
            && Customers.LOOKUP_BY_EMAIL.equals(connection.lastSql())
            && Customers.EMAIL.equals(connection.lastParameter(1))
            && Customers.NATIONAL_ID.equals(connection.lastParameter(2)),
            "the raw lookup by e-mail sends and reads plaintext");
      }
      return stub;
    }
  }

  /** One thread's connection from the arm's data source, and its own series of inlined keys. */
  @State(Scope.Thread)
  public static class Caller {
    Connection connection;
    private long key;
    private int step;

    @Setup(Level.Trial)
    public void open(Arm arm, ThreadParams thread) throws SQLException {
      connection = arm.dataSource.getConnection();
      // Nine-digit keys (one length for all texts), interleaved across threads: every text is new to the
      // whole process.
      key = 100_000_000L + thread.getThreadIndex();
      step = thread.getThreadCount();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      connection.close();
    }

    /** The lookup with a key no statement has inlined before. */
    String uniqueLookup() {
      String sql = Customers.LOOKUP_INLINED + key;
      key += step;
      return sql;
    }
  }

  @Benchmark
  public void raw(Caller caller, Blackhole bh) throws SQLException {
    Work.lookup(caller.connection, bh);
  }

  @Benchmark
  public void aegisPassThrough(Caller caller, Blackhole bh) throws SQLException {
    Work.lookup(caller.connection, bh);
  }

  @Benchmark
  public void aegisEnforce(Caller caller, Blackhole bh) throws SQLException {
    Work.lookup(caller.connection, bh);
  }

  @Benchmark
  public void p6spy(Caller caller, Blackhole bh) throws SQLException {
    Work.lookup(caller.connection, bh);
  }

  @Benchmark
  public void datasourceProxy(Caller caller, Blackhole bh) throws SQLException {
    Work.lookup(caller.connection, bh);
  }

  @Benchmark
  public void rawUniqueLiteral(Caller caller, Blackhole bh) throws SQLException {
    Work.inlined(caller.connection, caller.uniqueLookup(), bh);
  }

  @Benchmark
  public void aegisUniqueLiteral(Caller caller, Blackhole bh) throws SQLException {
    Work.inlined(caller.connection, caller.uniqueLookup(), bh);
  }

  @Benchmark
  public void rawEncryptedShape(Caller caller, Blackhole bh) throws SQLException {
    Work.lookupByEmail(caller.connection, bh);
  }

  @Benchmark
  public void aegisEncrypted(Caller caller, Blackhole bh) throws SQLException {
    Work.lookupByEmail(caller.connection, bh);
  }
}
