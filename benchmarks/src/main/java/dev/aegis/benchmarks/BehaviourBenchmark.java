package dev.aegis.benchmarks;

import dev.aegis.config.ConfigLocation;
import dev.aegis.config.ConfigReader;
import dev.aegis.context.AegisContext;
import dev.aegis.pipeline.Session;
import dev.aegis.pipeline.SqlEntry;
import dev.aegis.pipeline.StatementPipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What behaviour checks add to a statement on the cache-hit path: {@code intercept} in monitor mode
 * without learned profiles (signatures only) and with them (habits judged per principal: tables, kind,
 * hour, statement rate), for a caller set through {@link AegisContext}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class BehaviourBenchmark {
  private static final Session SESSION = new Session("app", "app-host-1");

  private StatementPipeline signaturesOnly;
  private StatementPipeline withHabits;
  private AegisContext.Scope caller;
  private Path dir;

  @Setup
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("aegis-behaviour-bench");
    Path learn = write("learn.yml", "detection:\n  mode: learn\nbehaviour:\n  profiles: file:profiles.json\n");
    Path monitor = write("monitor.yml", "detection:\n  mode: monitor\nbehaviour:\n  profiles: file:profiles.json\n");
    caller = AegisContext.enter("alice", "203.0.113.7");
    StatementPipeline learning = pipeline(learn);
    learning.intercept(SESSION, SqlEntry.PREPARE_STATEMENT, DetectionBenchmark.PREPARED);
    withHabits = pipeline(monitor);
    signaturesOnly = StatementPipeline.create(dev.aegis.config.AegisConfig.defaults(), new SimpleMeterRegistry());
    withHabits.intercept(SESSION, SqlEntry.PREPARE_STATEMENT, DetectionBenchmark.PREPARED);
    signaturesOnly.intercept(SESSION, SqlEntry.PREPARE_STATEMENT, DetectionBenchmark.PREPARED);
  }

  @TearDown
  public void tearDown() throws IOException {
    caller.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  private StatementPipeline pipeline(Path config) throws SQLException {
    return StatementPipeline.create(ConfigReader.read(new ConfigLocation(config.toString(),
        ConfigLocation.Origin.COMMAND_LINE)), new SimpleMeterRegistry(), dir);
  }

  @Benchmark
  public String signaturesOnly() throws SQLException {
    return signaturesOnly.intercept(SESSION, SqlEntry.PREPARE_STATEMENT, DetectionBenchmark.PREPARED);
  }

  @Benchmark
  public String withLearnedHabits() throws SQLException {
    return withHabits.intercept(SESSION, SqlEntry.PREPARE_STATEMENT, DetectionBenchmark.PREPARED);
  }
}
