package dev.aegis.benchmarks.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The hand-made JMH result the report's tests read: every part of the suite, plus one unknown benchmark. */
final class Fixtures {
  static final String SUITE_SAMPLE = "/report/suite-sample.json";

  private Fixtures() {}

  static String suiteSampleText() {
    try (InputStream in = Fixtures.class.getResourceAsStream(SUITE_SAMPLE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  static List<BenchmarkResult> suiteSample(Path dir) throws IOException {
    return JmhJson.read(write(dir, "sample.json", suiteSampleText())).results();
  }

  static BenchmarkResult named(List<BenchmarkResult> results, String method, int threads) {
    return results.stream().filter(r -> r.method().equals(method) && r.threads() == threads).findFirst()
        .orElseThrow();
  }
}
