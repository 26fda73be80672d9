package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String input, String... args) {
    InspectCommand inspect = new InspectCommand();
    inspect.in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    CommandLine line = new CommandLine(inspect);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        nodes.add(MAPPER.readTree(line));
      }
    }
    return nodes;
  }

  @Test
  void oneJsonVerdictPerStatementLine() throws Exception {
    int status = run("SELECT name FROM users WHERE id = 42\n\n"
        + "SELECT name FROM users WHERE id = 42 UNION SELECT NULL, NULL -- x\n");
    assertThat(status).isZero();
    List<JsonNode> verdicts = lines();
    assertThat(verdicts).hasSize(2);
    assertThat(verdicts.get(0).get("digest").asText()).isEqualTo("SELECT name FROM users WHERE id = ?");
    assertThat(verdicts.get(0).get("verdict").asText()).isEqualTo("ALLOW");
    JsonNode attack = verdicts.get(1);
    assertThat(attack.get("verdict").asText()).isEqualTo("BLOCK");
    assertThat(attack.get("score").asDouble()).isGreaterThanOrEqualTo(0.8);
    assertThat(attack.get("findings").get(0).get("rule").asText()).isEqualTo("union-padding");
    assertThat(attack.get("findings").get(0).get("category").asText()).isEqualTo("union");
    assertThat(attack.get("findings").get(0).get("severity").asText()).isEqualTo("high");
    assertThat(attack.has("analysable")).isTrue();
    assertThat(out.toString()).doesNotContain("42");
  }

  @Test
  void aBareCarriageReturnStaysInsideTheStatement() throws Exception {
    run("SELECT * FROM users WHERE id = 1 #\r' AND x = 'y\r\nSELECT 1\r\n");
    List<JsonNode> verdicts = lines();
    assertThat(verdicts).hasSize(2);
    assertThat(verdicts.get(0).get("findings").toString()).contains("comment-truncation");
    assertThat(verdicts.get(1).get("digest").asText()).isEqualTo("SELECT ?");
  }

  @Test
  void configurationThresholdApplies(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("aegis.yml"), "detection:\n  block-threshold: 0.99\n");
    run("SELECT * FROM users WHERE id = 1 AND SLEEP(5)\n", "--config", config.toString());
    assertThat(lines().get(0).get("verdict").asText()).isEqualTo("ALERT");
  }

  @Test
  void brokenConfigurationIsReportedWithExitStatusTwo(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("aegis.yml"), "detection:\n  mode: sometimes\n");
    assertThat(run("SELECT 1\n", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("line 2").contains("detection.mode");
    assertThat(out.toString()).isEmpty();
  }
}
