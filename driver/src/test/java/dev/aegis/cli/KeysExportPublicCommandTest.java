package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.jdbc.AegisDriver;
import dev.aegis.keys.Keyset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis keys export-public}: what an auditor may hold, and no key material. */
class KeysExportPublicCommandTest {
  @TempDir
  Path dir;
  private Path config;

  @BeforeEach
  void keysWithARotationUnderWay() throws Exception {
    config = Files.writeString(dir.resolve("aegis.yml"), """
        keys:
          master: file:master.json
          keysets: file:keysets.json
        columns:
          customers.email: { mode: deterministic, key: pii }
          payments.card_number: { mode: randomized, key: pci }
        """);
    assertThat(KeysCli.run("keys", "init", "--config", config.toString()).exit()).isZero();
    assertThat(KeysCli.run("keys", "rotate", "--config", config.toString(), "--keyset", "pii", "--stage", "add")
        .exit()).isZero();
  }

  @Test
  void describesEveryKeyOfEveryKeysetWithoutItsMaterial() throws Exception {
    Instant now = Instant.parse("2030-01-02T03:04:05Z");
    KeysCli.Run run = KeysCli.run(now, "keys", "export-public", "--config", config.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, Keyset> keysets = KeysCli.keysets(dir);
    KeysCli.assertNoKeyMaterial(run.out(), keysets);
    assertThat(run.out()).doesNotContain("encryptedKeyset", "keyData");
    JsonNode root = run.json();
    assertThat(root.path("format").asText()).isEqualTo("aegis-keys-public");
    assertThat(root.path("format-version").asInt()).isEqualTo(1);
    assertThat(root.path("generated-at").asText()).isEqualTo(now.toString());
    assertThat(root.path("aegis-version").asText()).isEqualTo(AegisDriver.version());
    assertThat(root.path("master").asText()).isEqualTo("file:master.json");
    JsonNode pii = root.path("keysets").get(1);
    Keyset piiKeys = keysets.get("pii");
    assertThat(pii.path("name").asText()).isEqualTo("pii");
    assertThat(pii.path("kind").asText()).isEqualTo("deterministic");
    assertThat(pii.path("primary-key-id").asLong())
        .isEqualTo(Integer.toUnsignedLong(piiKeys.handle().getPrimary().getId()));
    assertThat(pii.path("columns").get(0).asText()).isEqualTo("customers.email");
    assertThat(pii.path("keys")).hasSize(2);
    JsonNode added = pii.path("keys").get(1);
    int addedId = piiKeys.handle().getAt(1).getId();
    assertThat(added.path("id").asLong()).isEqualTo(Integer.toUnsignedLong(addedId));
    assertThat(added.path("status").asText()).isEqualTo("ENABLED");
    assertThat(added.path("primary").asBoolean()).isFalse();
    assertThat(added.path("algorithm").asText()).isEqualTo("AES-256-SIV");
    assertThat(added.path("type-url").asText()).isEqualTo("type.googleapis.com/google.crypto.tink.AesSivKey");
    assertThat(added.path("output-prefix").asText()).isEqualTo("TINK");
    assertThat(added.path("parameters").asText()).contains("64-byte key");
    assertThat(added.path("created").asText()).isEqualTo(piiKeys.createdOf(addedId).toString());
    JsonNode pci = root.path("keysets").get(0).path("keys").get(0);
    assertThat(pci.path("algorithm").asText()).isEqualTo("AES-256-GCM");
    assertThat(pci.path("type-url").asText()).isEqualTo("type.googleapis.com/google.crypto.tink.AesGcmKey");
  }

  @Test
  void writesToAFileWhenAsked() throws Exception {
    Path out = dir.resolve("inventory.json");

    KeysCli.Run run = KeysCli.run("keys", "export-public", "--config", config.toString(), "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("inventory of 2 keyset(s) written to", "no key material");
    assertThat(KeysCli.JSON.readTree(out.toFile()).path("keysets")).hasSize(2);
    KeysCli.assertNoKeyMaterial(Files.readString(out), KeysCli.keysets(dir));
  }
}
