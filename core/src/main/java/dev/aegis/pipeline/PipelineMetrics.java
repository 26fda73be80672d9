package dev.aegis.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline's meters, resolved once so that recording a statement is an array lookup and two atomic
 * adds, never a registry look-up.
 *
 * <ul>
 *   <li>{@code aegis.statements} (counter, tag {@code entry}): SQL texts that went through the pipeline.
 *   <li>{@code aegis.pipeline.duration} (timer, tag {@code entry}): time Aegis spent on them, not the server's.
 * </ul>
 */
final class PipelineMetrics {
  static final String STATEMENTS = "aegis.statements";
  static final String DURATION = "aegis.pipeline.duration";

  private final Counter[] statements;
  private final Timer[] durations;

  PipelineMetrics(MeterRegistry registry) {
    SqlEntry[] entries = SqlEntry.values();
    statements = new Counter[entries.length];
    durations = new Timer[entries.length];
    for (SqlEntry entry : entries) {
      statements[entry.ordinal()] = Counter.builder(STATEMENTS)
          .description("SQL texts that went through the Aegis pipeline")
          .tag("entry", entry.tag())
          .register(registry);
      durations[entry.ordinal()] = Timer.builder(DURATION)
          .description("Time Aegis spent on a SQL text before handing it to the delegate driver")
          .tag("entry", entry.tag())
          .register(registry);
    }
  }

  void record(SqlEntry entry, long nanos) {
    statements[entry.ordinal()].increment();
    durations[entry.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
  }
}
