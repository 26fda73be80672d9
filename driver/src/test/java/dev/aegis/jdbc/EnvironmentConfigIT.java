package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AEGIS_CONFIG is the last source; these run a fresh JVM because a JVM cannot set its own environment. */
class EnvironmentConfigIT {
  private static TestDatabase db;
  private static String schema;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.shared();
    schema = db.createDatabase("env");
  }

  @Test
  void environmentVariableNamesTheConfiguration(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("from-env.yml"), "detection:\n  mode: learn\n");
    assertThat(probe(config.toString(), null)).isEqualTo("CONNECTED LEARN");
  }

  @Test
  void missingFileFromTheEnvironmentSaysWhereItCameFrom(@TempDir Path dir) throws Exception {
    String output = probe(dir.resolve("missing.yml").toString(), null);
    assertThat(output).startsWith("SQLSTATE ZA010").contains("environment variable AEGIS_CONFIG")
        .contains(dir.resolve("missing.yml").toString());
  }

  @Test
  void systemPropertyWinsOverTheEnvironment(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("from-property.yml"), "detection:\n  mode: enforce\n");
    String output = probe(dir.resolve("missing.yml").toString(), config.toString());
    assertThat(output).isEqualTo("CONNECTED ENFORCE");
  }

  private static String probe(String environmentConfig, String systemPropertyConfig)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    if (systemPropertyConfig != null) {
      command.add("-Daegis.config=" + systemPropertyConfig);
    }
    command.add(ConnectProbe.class.getName());
    command.add(db.aegisUrl(schema));
    command.add(db.user());
    Path output = Files.createTempFile("aegis-probe", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(output.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("AEGIS_CONFIG", environmentConfig);
      builder.environment().put("AEGIS_PROBE_PASSWORD", db.password());
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the probe JVM did not finish within 60 s");
      }
      return Files.readString(output, StandardCharsets.UTF_8).strip();
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
