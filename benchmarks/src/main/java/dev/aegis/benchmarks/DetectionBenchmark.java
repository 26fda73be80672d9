package dev.aegis.benchmarks;

import dev.aegis.config.AegisConfig;
import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.Lexer;
import dev.aegis.pipeline.SqlEntry;
import dev.aegis.pipeline.StatementPipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
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
 * The per-statement cost of the analysis pipeline on typical OLTP statements: lexing and digesting alone,
 * and the whole of {@code intercept} (lex, analysis-cache hit, signatures) with detection in monitor mode.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DetectionBenchmark {
  /** A Hibernate-style lookup, as sent with a bound parameter. */
  static final String PREPARED = "select c1_0.id,c1_0.email,c1_0.name,c1_0.created_at from customers c1_0"
      + " where c1_0.email=?";
  /** The same lookup with its literal inlined, as hand-built SQL sends it. */
  static final String INLINED = "SELECT id, email, name, created_at FROM customers WHERE email = 'ada@example.com'"
      + " AND tenant_id = 42 LIMIT 1";

  private StatementPipeline pipeline;
  private long counter;

  @Setup
  public void setUp() throws SQLException {
    pipeline = StatementPipeline.create(AegisConfig.defaults(), new SimpleMeterRegistry());
    pipeline.intercept(SqlEntry.PREPARE_STATEMENT, PREPARED);
    pipeline.intercept(SqlEntry.EXECUTE_QUERY, INLINED);
  }

  @Benchmark
  public LexedStatement lexInlined() {
    return Lexer.lex(INLINED);
  }

  @Benchmark
  public String interceptPreparedCacheHit() throws SQLException {
    return pipeline.intercept(SqlEntry.PREPARE_STATEMENT, PREPARED);
  }

  @Benchmark
  public String interceptInlinedCacheHit() throws SQLException {
    return pipeline.intercept(SqlEntry.EXECUTE_QUERY, INLINED);
  }

  /** A new literal every time: a cache miss on the text, a hit on the shape. */
  @Benchmark
  public String interceptUniqueLiteral() throws SQLException {
    return pipeline.intercept(SqlEntry.EXECUTE_QUERY,
        "SELECT id, email, name, created_at FROM customers WHERE email = 'user" + (counter++)
            + "@example.com' AND tenant_id = 42 LIMIT 1");
  }
}
