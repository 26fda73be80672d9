package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.keys.Keyset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis keys status} with a file store: keys, ages, due dates, columns, never key material. */
class KeysStatusCommandTest {
  @TempDir
  Path dir;
  private Path config;
  private Instant created;
  private String piiKey;

  @BeforeEach
  void keys() throws Exception {
    config = Files.writeString(dir.resolve("aegis.yml"), """
        keys:
          master: file:master.json
          keysets: file:keysets.json
        columns:
          customers.email: { mode: deterministic, key: pii }
          leads.contact: { mode: deterministic, key: pii, domain: customers.email }
          payments.card_number: { mode: randomized, key: pci }
        """);
    assertThat(KeysCli.run("keys", "init", "--config", config.toString()).exit()).isZero();
    Keyset pii = KeysCli.keysets(dir).get("pii");
    piiKey = KeysetView.id(pii.handle().getPrimary().getId());
    created = pii.createdOf(pii.handle().getPrimary().getId());
    assertThat(created).isNotNull();
  }

  private KeysCli.Run status(Duration after, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "keys";
    args[1] = "status";
    args[2] = "--config=" + config;
    System.arraycopy(more, 0, args, 3, more.length);
    return KeysCli.run(created.plus(after), args);
  }

  @Test
  void listsEachKeysetWithItsKeysColumnsAndWhenRotationIsDue() throws Exception {
    KeysCli.Run run = status(Duration.ofDays(10));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains(
        "keyset pii: deterministic, 1 key(s), primary key " + piiKey + ", used by customers.email, leads.contact",
        "key " + piiKey, "ENABLED", "primary",
        "added " + created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " (10 days ago)",
        "rotation every 90 days: due in 80 days",
        "keyset pci: randomized, 1 key(s)", "used by payments.card_number");
    assertThat(run.out()).doesNotContain("problem");
    KeysCli.assertNoKeyMaterial(run.out(), KeysCli.keysets(dir));
  }

  @Test
  void aPrimaryKeyWithinAWeekOfItsRotationIsFlaggedAndOnePastItIsOverdue() {
    assertThat(status(Duration.ofDays(85)).out()).contains("DUE SOON, in 5 day(s)");
    assertThat(status(Duration.ofDays(83).minusHours(1)).out()).contains("due in 7 days").doesNotContain("SOON");
    assertThat(status(Duration.ofDays(100).plusHours(3)).out()).contains("OVERDUE by 10 day(s)");
    assertThat(status(Duration.ofDays(90)).out()).contains("OVERDUE since less than a day");
    assertThat(status(Duration.ofDays(25), "--rotation-days", "30").out())
        .contains("rotation every 30 days: DUE SOON, in 5 day(s)");
  }

  @Test
  void theJsonFormHasTheDocumentedFields() throws Exception {
    KeysCli.Run run = status(Duration.ofDays(100), "--format", "json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode root = run.json();
    assertThat(root.path("generated-at").asText()).isEqualTo(created.plus(Duration.ofDays(100)).toString());
    assertThat(root.path("store").asText()).endsWith("keysets.json");
    assertThat(root.path("master").asText()).isEqualTo("file:master.json");
    assertThat(root.path("rotation-days").asInt()).isEqualTo(90);
    JsonNode pii = root.path("keysets").get(1);
    assertThat(pii.path("name").asText()).isEqualTo("pii");
    assertThat(pii.path("in-store").asBoolean()).isTrue();
    assertThat(pii.path("kind").asText()).isEqualTo("deterministic");
    assertThat(pii.path("primary-key-id").asText()).isEqualTo(piiKey);
    assertThat(pii.path("rotation").path("state").asText()).isEqualTo("due");
    assertThat(pii.path("rotation").path("due-in-days").asLong()).isEqualTo(-10);
    assertThat(pii.path("rotation").path("due-at").asText()).isEqualTo(created.plus(Duration.ofDays(90)).toString());
    JsonNode key = pii.path("keys").get(0);
    assertThat(key.path("id").asText()).isEqualTo(piiKey);
    assertThat(key.path("status").asText()).isEqualTo("ENABLED");
    assertThat(key.path("primary").asBoolean()).isTrue();
    assertThat(key.path("created").asText()).isEqualTo(created.toString());
    assertThat(key.path("age-days").asLong()).isEqualTo(100);
    assertThat(pii.path("columns").get(0).path("column").asText()).isEqualTo("customers.email");
    assertThat(pii.path("columns").get(1).path("domain").asText()).isEqualTo("customers.email");
    assertThat(pii.path("columns").get(1).path("mode").asText()).isEqualTo("deterministic");
    assertThat(pii.path("columns").get(0).has("values")).as("not counted").isFalse();
    assertThat(pii.path("problems")).isEmpty();
  }

  @Test
  void aKeysetTheStoreLacksOrNoColumnUsesIsAProblem() throws Exception {
    Files.writeString(config, Files.readString(config) + "  orders.note: { mode: randomized, key: notes }\n");
    Files.writeString(config, Files.readString(config).replace(
        "  payments.card_number: { mode: randomized, key: pci }\n", ""));

    KeysCli.Run run = status(Duration.ofDays(1), "--format", "json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode notes = run.json().path("keysets").get(0);
    assertThat(notes.path("name").asText()).isEqualTo("notes");
    assertThat(notes.path("in-store").asBoolean()).isFalse();
    assertThat(notes.path("problems").get(0).asText()).contains("aegis keys init");
    JsonNode pci = run.json().path("keysets").get(1);
    assertThat(pci.path("problems").get(0).asText()).isEqualTo("no configured column uses it");
    assertThat(status(Duration.ofDays(1)).out()).contains("keyset notes: MISSING, used by orders.note",
        "problem: no configured column uses it");
  }

  @Test
  void aKeyWithoutARecordedDateMakesTheDueDateUnknown() throws Exception {
    ObjectNode file = (ObjectNode) KeysCli.JSON.readTree(dir.resolve("keysets.json").toFile());
    ((ObjectNode) file.path("pii")).remove("created");
    Files.writeString(dir.resolve("keysets.json"), file.toString());

    KeysCli.Run run = status(Duration.ofDays(1));

    assertThat(run.out()).contains("(date not recorded)", "due date unknown");
    assertThat(status(Duration.ofDays(1), "--format", "json").json().path("keysets").get(1).path("rotation")
        .path("state").asText()).isEqualTo("unknown");
  }

  @Test
  void countingWithoutADatabaseIsAUsageError() {
    KeysCli.Run run = status(Duration.ZERO, "--count");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--count scans the encrypted columns", "--url");
  }

  @Test
  void aRotationPeriodBelowOneDayIsAUsageError() {
    assertThat(status(Duration.ZERO, "--rotation-days", "0").exit()).isEqualTo(2);
  }

  @Test
  void aWrongMasterKeyIsAConfigurationErrorNamingTheKeyset() throws Exception {
    Files.delete(dir.resolve("master.json"));
    dev.aegis.keys.MasterKey.writeFile(dir.resolve("master.json"), dev.aegis.keys.MasterKey.generate());

    KeysCli.Run run = status(Duration.ZERO);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("keyset 'pci'", "does not decrypt under the master key");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aConfigurationWithoutKeysIsAConfigurationError() throws Exception {
    Files.writeString(config, "detection:\n  mode: monitor\n");

    KeysCli.Run run = status(Duration.ZERO);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("needs keys.master and keys.keysets");
  }
}
