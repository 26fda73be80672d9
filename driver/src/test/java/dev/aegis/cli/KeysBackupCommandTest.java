package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.jdbc.AegisDriver;
import dev.aegis.keys.FileKeysetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis keys backup} and {@code restore} with a file store. */
class KeysBackupCommandTest {
  @TempDir
  Path dir;
  private Path config;
  private Path keysets;
  private Path backup;

  @BeforeEach
  void keys() throws Exception {
    config = Files.writeString(dir.resolve("aegis.yml"), """
        keys:
          master: file:master.json
          keysets: file:keysets.json
        columns:
          customers.email: { mode: deterministic, key: pii }
          payments.card_number: { mode: randomized, key: pci }
        """);
    keysets = dir.resolve("keysets.json");
    backup = dir.resolve("backups/keys-1.json");
    assertThat(KeysCli.run("keys", "init", "--config", config.toString()).exit()).isZero();
  }

  private KeysCli.Run backup() {
    return KeysCli.run(Instant.parse("2030-01-02T03:04:05Z"), "keys", "backup", "--config", config.toString(),
        "--out", backup.toString());
  }

  private KeysCli.Run restore(String... more) {
    String[] args = new String[6 + more.length];
    System.arraycopy(new String[] {"keys", "restore", "--config", config.toString(), "--in", backup.toString()}, 0,
        args, 0, 6);
    System.arraycopy(more, 0, args, 6, more.length);
    return KeysCli.run(args);
  }

  private Map<String, String> sealed() throws Exception {
    return new FileKeysetStore(keysets).readSealed();
  }

  @Test
  void theBackupIsAnOwnerOnlyCopyOfTheSealedKeysetsWithWhatIdentifiesIt() throws Exception {
    KeysCli.Run run = backup();

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
    JsonNode root = KeysCli.JSON.readTree(backup.toFile());
    assertThat(root.path("format").asText()).isEqualTo("aegis-keys-backup");
    assertThat(root.path("format-version").asInt()).isEqualTo(1);
    assertThat(root.path("created").asText()).isEqualTo("2030-01-02T03:04:05Z");
    assertThat(root.path("aegis-version").asText()).isEqualTo(AegisDriver.version());
    assertThat(root.path("store").asText()).isEqualTo(keysets.toAbsolutePath().toString());
    assertThat(root.path("master").asText()).isEqualTo("file:master.json");
    Map<String, String> sealed = sealed();
    int piiId = KeysCli.keysets(dir).get("pii").handle().getPrimary().getId();
    assertThat(root.path("keysets").path("pii").path("sealed").asText()).isEqualTo(sealed.get("pii"));
    assertThat(root.path("keysets").path("pci").path("sealed").asText()).isEqualTo(sealed.get("pci"));
    assertThat(root.path("keysets").path("pii").path("key-ids").get(0).asLong())
        .isEqualTo(Integer.toUnsignedLong(piiId));
    assertThat(root.path("keysets").path("pii").path("primary-key-id").asLong())
        .isEqualTo(Integer.toUnsignedLong(piiId));
    KeysCli.assertNoKeyMaterial(Files.readString(backup) + run.out(), KeysCli.keysets(dir));
    assertThat(run.out()).contains("backup of 2 keyset(s)", "pii: key(s) " + KeysetView.id(piiId));
  }

  @Test
  void anExistingFileIsNeverReplaced() throws Exception {
    Files.createDirectories(backup.getParent());
    Files.writeString(backup, "yesterday's backup");

    KeysCli.Run run = backup();

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(backup.toString());
    assertThat(Files.readString(backup)).isEqualTo("yesterday's backup");
    try (var left = Files.list(backup.getParent())) {
      assertThat(left).as("no temporary file left").hasSize(1);
    }
  }

  @Test
  void aStoreWithAKeysetThatDoesNotOpenIsNotBackedUp() throws Exception {
    Files.writeString(keysets, Files.readString(keysets).replace("\"pci\"", "\"pcx\""));

    KeysCli.Run run = backup();

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("keyset 'pcx'", "does not decrypt");
    assertThat(backup).doesNotExist();
  }

  @Test
  void restoreReplacesTheStoreByTheBackup() throws Exception {
    Map<String, String> before = sealed();
    assertThat(backup().exit()).isZero();
    Files.delete(keysets);

    KeysCli.Run run = restore();

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(sealed()).isEqualTo(before);
    assertThat(run.out()).contains("restored from", "pci, pii");
  }

  @Test
  void restoreRefusesToDropAKeyTheStoreGainedSinceTheBackupUnlessForced() throws Exception {
    Map<String, String> backedUp = sealed();
    assertThat(backup().exit()).isZero();
    assertThat(KeysCli.run("keys", "rotate", "--config", config.toString(), "--keyset", "pii", "--stage", "add")
        .exit()).isZero();
    int added = KeysCli.keysets(dir).get("pii").handle().getAt(1).getId();
    Map<String, String> current = sealed();

    KeysCli.Run refused = restore();

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("The backup lacks keys", "pii: key(s) " + KeysetView.id(added),
        "--force", "Nothing was changed");
    assertThat(sealed()).isEqualTo(current);

    KeysCli.Run forced = restore("--force");

    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(forced.out()).contains("dropped (--force): pii: key(s) " + KeysetView.id(added));
    assertThat(sealed()).isEqualTo(backedUp);
  }

  @Test
  void aBackupThatDoesNotOpenUnderTheCurrentMasterIsNotRestored() throws Exception {
    assertThat(backup().exit()).isZero();
    // Another master key: the store is re-made under it, and the backup is from the first one.
    Files.delete(dir.resolve("master.json"));
    Files.delete(keysets);
    assertThat(KeysCli.run("keys", "init", "--config", config.toString()).exit()).isZero();
    Map<String, String> current = sealed();

    KeysCli.Run run = restore("--force");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("in backup " + backup.toAbsolutePath(), "does not decrypt under the master key");
    assertThat(sealed()).isEqualTo(current);
  }

  @Test
  void aFileThatIsNotABackupIsAUsageError() throws Exception {
    Files.createDirectories(backup.getParent());
    Files.writeString(backup, "{\"pii\": \"x\"}");
    String stored = Files.readString(keysets);

    KeysCli.Run run = restore();

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("is not an Aegis keys backup", "aegis keys backup");
    assertThat(Files.readString(keysets)).isEqualTo(stored);
  }

  @Test
  void aStoreThatCannotBeComparedIsRestoredOnlyWithForce() throws Exception {
    Map<String, String> backedUp = sealed();
    assertThat(backup().exit()).isZero();
    Files.writeString(keysets, Files.readString(keysets).replace("\"pci\"", "\"pcx\""));

    KeysCli.Run refused = restore();
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("cannot be compared with the backup", "--force");

    assertThat(restore("--force").exit()).isZero();
    assertThat(sealed()).isEqualTo(backedUp);
    assertThat(new FileKeysetStore(keysets).read(KeysCli.master(dir, "master.json"))).containsOnlyKeys("pci", "pii");
  }
}
