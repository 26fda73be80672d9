package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged command line runs on its own: {@code java -jar aegis-driver-<version>-all.jar inspect}. */
class AllJarIT {

  @Test
  void inspectRunsFromTheAllJar() throws Exception {
    File[] jars = new File(System.getProperty("aegis.test.dir", "target"))
        .listFiles((dir, name) -> name.startsWith("aegis-driver-") && name.endsWith("-all.jar"));
    assertThat(jars).as("mvn package builds the -all jar").hasSize(1);
    Path input = Files.createTempFile("aegis-inspect", ".sql");
    Path output = Files.createTempFile("aegis-inspect", ".jsonl");
    try {
      Files.writeString(input, "SELECT 1\nSELECT * FROM t WHERE a = '' OR 'x'='x'\n");
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", jars[0].getPath(), "inspect")
          .redirectInput(input.toFile()).redirectOutput(output.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).contains("\"verdict\":\"ALLOW\"");
      assertThat(lines.get(1)).contains("\"verdict\":\"BLOCK\"").contains("tautology-or");
    } finally {
      Files.deleteIfExists(input);
      Files.deleteIfExists(output);
    }
  }
}
