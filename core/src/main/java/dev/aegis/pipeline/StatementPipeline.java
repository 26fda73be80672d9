package dev.aegis.pipeline;

import dev.aegis.config.AegisConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.Objects;

/**
 * The one place every SQL text passes before the delegate driver sees it. The JDBC wrappers call
 * {@link #intercept} and nothing else; analysis, detection and encryption plug in here.
 *
 * <p>Today the pipeline measures and passes the text through unchanged, and refuses client info that
 * would break out of the comment Connector/J carries it in. It is shared by every connection
 * that uses the same configuration and is safe for concurrent use without locks.
 */
public final class StatementPipeline implements Pipeline {
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

  @Override
  public AegisConfig config() {
    return config;
  }

  /** How many times recording a meter failed (the statements went on regardless). */
  long telemetryFailures() {
    return metrics.failures();
  }

  @Override
  public String intercept(SqlEntry entry, String sql) throws SQLException {
    long start = System.nanoTime();
    try {
      return sql;
    } finally {
      metrics.record(entry, System.nanoTime() - start);
    }
  }

  @Override
  public void checkClientInfo(String name, String value) throws SQLClientInfoException {
    ClientInfoCheck.check(name, value);
  }

  @Override
  public void checkClientInfo(Properties properties) throws SQLClientInfoException {
    if (properties != null) {
      for (Map.Entry<Object, Object> property : properties.entrySet()) {
        ClientInfoCheck.check(String.valueOf(property.getKey()), String.valueOf(property.getValue()));
      }
    }
  }
}
