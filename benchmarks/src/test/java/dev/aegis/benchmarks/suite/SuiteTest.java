package dev.aegis.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteTest {
  @TempDir Path dir;

  @Test
  void readsTheModeThePartsAndTheOutputFolder() {
    BenchmarkSuite.Arguments arguments = BenchmarkSuite.parse(
        new String[] {"full", "--only", "endtoend,overhead", "--out", "x/y", "--dry-run"});

    assertThat(arguments.mode()).isEqualTo(SuiteMode.FULL);
    assertThat(arguments.parts()).containsExactly(Part.ENDTOEND, Part.OVERHEAD);
    assertThat(arguments.out()).isEqualTo(Path.of("x/y"));
    assertThat(arguments.dryRun()).isTrue();
    assertThat(BenchmarkSuite.parse(new String[] {"quick"}).parts()).containsExactly(Part.values());
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThatThrownBy(() -> BenchmarkSuite.parse(new String[] {"fast"})).hasMessageContaining("quick or full");
    assertThatThrownBy(() -> BenchmarkSuite.parse(new String[] {"quick", "--only", "overhead,speed"}))
        .hasMessageContaining("no part named 'speed'");
    assertThatThrownBy(() -> BenchmarkSuite.parse(new String[] {"quick", "--out"})).hasMessageContaining("needs a value");
  }

  @Test
  void theQuickModeFitsInTenMinutesForTheExpectedBenchmarks() {
    // Issue 7's benchmarks as planned: 9 overhead arms; statement length 2 methods × 5 lengths and shape churn
    // 2 methods × 5 counts; 3 drivers × 5 workloads end to end. The fork start-up guesses come from quick runs
    // on a busy 2-core machine.
    double seconds = Part.OVERHEAD.threads(SuiteMode.QUICK).size() * 9 * seconds(Part.OVERHEAD)
        + (Part.THREADS.threads(SuiteMode.QUICK).size() - 1) * 2 * seconds(Part.THREADS)
        + 20 * seconds(Part.GROWTH)
        + Part.ENDTOEND.threads(SuiteMode.QUICK).size() * 15 * seconds(Part.ENDTOEND);

    assertThat(seconds).isLessThan(9 * 60);
  }

  @Test
  void mergesTheRunsIntoOneJmhArrayWithPasswordsMasked() throws IOException {
    Path first = Files.writeString(dir.resolve("a.json"), "[{\"benchmark\":\"a.B.c\",\"jvmArgs\":[\"-Xmx1g\"]}]");
    Path second = Files.writeString(dir.resolve("b.json"), "[{\"benchmark\":\"a.B.d\",\"jvmArgs\":["
        + "\"-Daegis.bench.jdbcUrl=jdbc:mysql://127.0.0.1:3306/db?sslMode=DISABLED&user=u&password=s3cret&x=1\","
        + "\"-Daegis.bench.password=hunter2\"]}]");
    Path merged = dir.resolve("merged.json");

    int entries = ResultMerge.merge(List.of(first, dir.resolve("missing.json"), second), merged);

    assertThat(entries).isEqualTo(2);
    String text = Files.readString(merged);
    assertThat(text).doesNotContain("s3cret", "hunter2");
    JsonNode all = new ObjectMapper().readTree(text);
    assertThat(all.isArray()).isTrue();
    assertThat(all.get(0).path("benchmark").asText()).isEqualTo("a.B.c");
    assertThat(all.get(1).path("jvmArgs").get(0).asText())
        .isEqualTo("-Daegis.bench.jdbcUrl=jdbc:mysql://127.0.0.1:3306/db?sslMode=DISABLED&user=u&password=***&x=1");
    assertThat(all.get(1).path("jvmArgs").get(1).asText()).isEqualTo("-Daegis.bench.password=***");
  }

  private static double seconds(Part part) {
    return part.settings(SuiteMode.QUICK).seconds(part.forkStartSeconds());
  }
}
