package dev.aegis.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkResultTest {
  @TempDir Path dir;

  @Test
  void averageTimeIsTurnedIntoNanosAndThroughputOverAllThreads() throws IOException {
    List<BenchmarkResult> results = Fixtures.suiteSample(dir);

    BenchmarkResult enforceAt4 = Fixtures.named(results, "aegisEnforce", 4);
    assertThat(enforceAt4.nanosPerOp()).isEqualTo(1800.0);
    // Each of 4 threads finishes one statement every 1.8 µs.
    assertThat(enforceAt4.opsPerSecond()).isCloseTo(4 / 1800e-9, within(1e-3));

    BenchmarkResult microseconds = Fixtures.named(results, "readPlain", 1);
    assertThat(microseconds.nanosPerOp()).isCloseTo(893.0, within(1e-9));
  }

  @Test
  void throughputIsKeptAndTurnedIntoTimePerOperationPerThread() {
    BenchmarkResult thrpt = result("thrpt", 8, new Metric(40_000, 100, "ops/s", 40_000));
    assertThat(thrpt.opsPerSecond()).isEqualTo(40_000.0);
    assertThat(thrpt.nanosPerOp()).isCloseTo(8 / 40_000.0 * 1e9, within(1e-6));

    BenchmarkResult perMillisecond = result("thrpt", 1, new Metric(20, 1, "ops/ms", 20));
    assertThat(perMillisecond.opsPerSecond()).isCloseTo(20_000.0, within(1e-9));
  }

  @Test
  void anUnknownUnitGivesNaNRatherThanAWrongFigure() {
    BenchmarkResult odd = result("ss", 1, new Metric(3, 1, "widgets", 3));
    assertThat(odd.nanosPerOp()).isNaN();
    assertThat(odd.opsPerSecond()).isNaN();
  }

  private static BenchmarkResult result(String mode, int threads, Metric metric) {
    return new BenchmarkResult("a.B.c", mode, threads, 1, Map.of(), metric, Map.of(),
        new BenchmarkResult.RunSettings("1.37", "17", "vm", "17", 1, "1 s", 1, "1 s", List.of()));
  }
}
