package dev.aegis.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.testing.LogCapture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The log sink through the real SLF4J Simple binding: one JSON line per event, the level by action. */
class LogSinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({"alert, WARN", "would-block, WARN", "block, WARN", "lockout, WARN", "allow, INFO"})
  void levelFollowsTheAction(String action, String level) {
    List<String> lines;
    try (LogCapture capture = LogCapture.start()) {
      new LogSink().deliver(List.of(Events.event("some-rule", "tautology", "high", action)));
      lines = capture.drain();
    }

    assertThat(lines).singleElement().asString()
        .startsWith("[" + Thread.currentThread().getName() + "] " + level + " aegis.security - {")
        .contains("\"action\":\"" + action + "\"");
  }

  @Test
  void lineIsTheEventAsJsonWithEveryField() throws Exception {
    List<String> lines;
    try (LogCapture capture = LogCapture.start()) {
      new LogSink().deliver(List.of(Events.event("tautology-or")));
      lines = capture.drain();
    }

    String line = lines.get(0);
    JsonNode json = JSON.readTree(line.substring(line.indexOf('{')));
    assertThat(json.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("time", "rule",
        "category", "severity", "score", "action", "principal", "address", "digest", "detail");
    assertThat(json.get("time").asText()).isEqualTo("2026-11-23T18:14:45.123Z");
    assertThat(json.get("score").isNumber()).isTrue();
    assertThat(json.get("score").asDouble()).isEqualTo(0.9);
    assertThat(json.get("digest").asText()).isEqualTo("SELECT * FROM t WHERE a = ? OR ? = ?");
  }

  @Test
  void unknownFieldsAreNullAndControlCharactersCannotBreakTheLine() throws Exception {
    SecurityEvent event = new SecurityEvent(Instant.EPOCH, "r", "c", "low", 0.25, "alert", "eve\nFAKE LINE",
        null, null, null);

    String line = EventJson.write(event);

    assertThat(line).doesNotContain("\n");
    JsonNode json = JSON.readTree(line);
    assertThat(json.get("principal").asText()).isEqualTo("eve\nFAKE LINE");
    assertThat(json.get("address").isNull()).isTrue();
    assertThat(json.get("digest").isNull()).isTrue();
    assertThat(json.get("time").asText()).isEqualTo("1970-01-01T00:00:00Z");
  }
}
