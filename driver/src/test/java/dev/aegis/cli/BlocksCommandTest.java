package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aegis blocks}: what it refuses before connecting anywhere. */
class BlocksCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir
  Path dir;

  private int run(String... args) {
    CommandLine line = new CommandLine(new AegisCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  @Test
  void blocksKeptInMemoryHaveNoTableToList() throws Exception {
    Path config = Files.writeString(dir.resolve("aegis.yml"),
        "detection:\n  mode: enforce\nresponse:\n  store: memory\n");

    assertThat(run("blocks", "list", "--config", config.toString(), "--url", "jdbc:mysql://localhost:1/app"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("response.store: memory", "there is no table to list or change");
  }

  @Test
  void theDatabaseIsRequired() {
    assertThat(run("blocks", "list")).isEqualTo(2);
    assertThat(err.toString()).contains("Give the application's database with --url");
  }

  @Test
  void removeNamesExactlyOneSubject() {
    assertThat(run("blocks", "remove", "--url", "jdbc:mysql://localhost:1/app")).isEqualTo(2);
    assertThat(err.toString()).contains("--principal", "--address");
    assertThat(run("blocks", "remove", "--principal", "a", "--address", "b", "--url", "jdbc:mysql://localhost:1/app"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("mutually exclusive");
  }

  @Test
  void anInvalidConfigurationIsReportedWithItsLine() throws Exception {
    Path config = Files.writeString(dir.resolve("aegis.yml"), "response:\n  scope: everyone\n");

    assertThat(run("blocks", "list", "--config", config.toString(), "--url", "jdbc:mysql://localhost:1/app"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("line 2, setting 'response.scope'");
  }

  @Test
  void helpListsTheSubcommands() {
    assertThat(run("blocks", "--help")).isZero();
    assertThat(out.toString()).contains("list", "remove", "docs/response.md");
  }
}
