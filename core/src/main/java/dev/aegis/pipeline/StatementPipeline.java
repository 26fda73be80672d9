package dev.aegis.pipeline;

import dev.aegis.config.AegisConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The one place every SQL text passes before the delegate driver sees it. The JDBC wrappers call
 * {@link #intercept} and nothing else; analysis, detection and encryption plug in here.
 *
 * <p>Today the pipeline measures and passes the text through unchanged. It is shared by every connection
 * that uses the same configuration and is safe for concurrent use without locks.
 */
public final class StatementPipeline {
  private final AegisConfig config;
  private final PipelineMetrics metrics;

  private StatementPipeline(AegisConfig config, MeterRegistry registry) {
    this.config = Objects.requireNonNull(config, "config");
    this.metrics = new PipelineMetrics(Objects.requireNonNull(registry, "registry"));
  }

  /** A pipeline for {@code config} that records its meters in {@code registry}. */
  public static StatementPipeline create(AegisConfig config, MeterRegistry registry) {
    return new StatementPipeline(config, registry);
  }

  public AegisConfig config() {
    return config;
  }

  /** How many times recording a meter failed (the statements went on regardless). */
  long telemetryFailures() {
    return metrics.failures();
  }

  /**
   * Judges and, where needed, rewrites one SQL text.
   *
   * @param entry the JDBC call that carries the text
   * @param sql the application's SQL; null is passed on for the delegate to reject as it always does
   * @return the SQL to hand to the delegate
   * @throws SQLException when the statement must not reach the server
   */
  public String intercept(SqlEntry entry, String sql) throws SQLException {
    long start = System.nanoTime();
    try {
      return sql;
    } finally {
      metrics.record(entry, System.nanoTime() - start);
    }
  }
}
