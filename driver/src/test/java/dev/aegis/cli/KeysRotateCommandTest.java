package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import dev.aegis.keys.Keyset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis keys rotate} with a file store; retiring against real columns is in KeysRotationJdbcIT. */
class KeysRotateCommandTest {
  @TempDir
  Path dir;
  private Path config;
  private Path keysets;

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
    assertThat(KeysCli.run("keys", "init", "--config", config.toString()).exit()).isZero();
  }

  private KeysCli.Run rotate(Instant now, String keyset, String stage, String... more) {
    String[] args = new String[7 + more.length];
    System.arraycopy(new String[] {"keys", "rotate", "--config", config.toString(), "--keyset=" + keyset,
        "--stage", stage}, 0, args, 0, 7);
    System.arraycopy(more, 0, args, 7, more.length);
    return KeysCli.run(now, args);
  }

  private KeysetHandle handle(String name) throws Exception {
    return KeysCli.keysets(dir).get(name).handle();
  }

  private Instant addedAt(String name, int index) throws Exception {
    Keyset keyset = KeysCli.keysets(dir).get(name);
    return keyset.createdOf(keyset.handle().getAt(index).getId());
  }

  @Test
  void addGivesTheKeysetANewEnabledKeyOfItsKindThatIsNotPrimaryAndSaysWhatToDoNext() throws Exception {
    KeysetHandle before = handle("pii");

    KeysCli.Run run = rotate(Instant.now(), "pii", "add");

    assertThat(run.exit()).as(run.err()).isZero();
    KeysetHandle after = handle("pii");
    assertThat(after.size()).isEqualTo(2);
    assertThat(after.getPrimary().getId()).isEqualTo(before.getPrimary().getId());
    KeysetHandle.Entry added = after.getAt(1);
    assertThat(added.getStatus()).isEqualTo(KeyStatus.ENABLED);
    assertThat(added.isPrimary()).isFalse();
    assertThat(added.getKey().getParameters()).isEqualTo(before.getPrimary().getKey().getParameters());
    assertThat(run.out()).contains("key " + KeysetView.id(added.getId()) + " added (deterministic, enabled, not"
        + " primary)", "wait until every instance has loaded it", "--stage promote",
        "keyset pii: deterministic, 2 key(s)");
    KeysCli.assertNoKeyMaterial(run.out(), KeysCli.keysets(dir));
    assertThat(KeysCli.keysets(dir).get("pci").handle().size()).as("other keysets untouched").isEqualTo(1);
  }

  @Test
  void aSecondAddWhileTwoKeysAreEnabledIsRefusedAndChangesNothing() throws Exception {
    assertThat(rotate(Instant.now(), "pci", "add").exit()).isZero();
    String stored = Files.readString(keysets);

    KeysCli.Run run = rotate(Instant.now(), "pci", "add");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("already has 2 enabled keys: a rotation is in progress", "--stage promote");
    assertThat(Files.readString(keysets)).isEqualTo(stored);
  }

  @Test
  void promoteWaitsUntilTheNewKeyIsOldEnoughForEveryInstanceToHaveLoadedIt() throws Exception {
    assertThat(rotate(Instant.now(), "pii", "add").exit()).isZero();
    Instant added = addedAt("pii", 1);
    int newId = handle("pii").getAt(1).getId();
    String stored = Files.readString(keysets);

    KeysCli.Run early = rotate(added.plusSeconds(10), "pii", "promote");
    assertThat(early.exit()).isEqualTo(1);
    assertThat(early.err()).contains("was added 10s ago", "until 1m have passed (--min-age)",
        "every instance has loaded it", "nor find it by equality", "Run again in 51s", "--now");
    assertThat(Files.readString(keysets)).isEqualTo(stored);
    assertThat(rotate(added.plusSeconds(90), "pii", "promote", "--min-age", "5m").exit()).isEqualTo(1);

    KeysCli.Run run = rotate(added.plusSeconds(61), "pii", "promote");

    assertThat(run.exit()).as(run.err()).isZero();
    KeysetHandle after = handle("pii");
    assertThat(after.getPrimary().getId()).isEqualTo(newId);
    assertThat(after.getAt(0).getStatus()).as("the old key still reads").isEqualTo(KeyStatus.ENABLED);
    assertThat(run.out()).contains("key " + KeysetView.id(newId) + " is primary", "aegis reencrypt",
        "--stage retire");
    assertThat(addedAt("pii", 1)).as("promotion keeps the key's date").isEqualTo(added);
  }

  @Test
  void promoteNowSkipsTheWait() throws Exception {
    assertThat(rotate(Instant.now(), "pci", "add").exit()).isZero();
    int newId = handle("pci").getAt(1).getId();

    assertThat(rotate(addedAt("pci", 1), "pci", "promote", "--now").exit()).isZero();

    assertThat(handle("pci").getPrimary().getId()).isEqualTo(newId);
  }

  @Test
  void promoteWithNothingNewOrOnlyTheOldPrimaryLeftIsRefused() throws Exception {
    KeysCli.Run nothing = rotate(Instant.now(), "pii", "promote", "--now");
    assertThat(nothing.exit()).isEqualTo(1);
    assertThat(nothing.err()).contains("no enabled key besides its primary", "--stage add");

    assertThat(rotate(Instant.now(), "pii", "add").exit()).isZero();
    assertThat(rotate(Instant.now(), "pii", "promote", "--now").exit()).isZero();
    String stored = Files.readString(keysets);
    KeysCli.Run back = rotate(Instant.now(), "pii", "promote", "--now");

    assertThat(back.exit()).isEqualTo(1);
    assertThat(back.err()).contains("older than the primary key", "roll the rotation back");
    assertThat(Files.readString(keysets)).isEqualTo(stored);
  }

  @Test
  void retireWithOnlyThePrimaryLeftHasNothingToDo() throws Exception {
    KeysCli.Run run = rotate(Instant.now(), "pii", "retire");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("there is nothing to retire");
  }

  @Test
  void retireNeedsTheDatabaseToScanAndAColumnToScan() throws Exception {
    assertThat(rotate(Instant.now(), "pii", "add").exit()).isZero();
    KeysCli.Run noUrl = rotate(Instant.now(), "pii", "retire");
    assertThat(noUrl.exit()).isEqualTo(2);
    assertThat(noUrl.err()).contains("retire scans the columns using the keyset", "--url");

    Files.writeString(config, Files.readString(config).replace("key: pii", "key: pci2"));
    KeysCli.Run unused = rotate(Instant.now(), "pii", "retire");
    assertThat(unused.exit()).isEqualTo(1);
    assertThat(unused.err()).contains("No column", "uses keyset 'pii'", "Nothing was changed");
    assertThat(handle("pii").size()).isEqualTo(2);
  }

  @Test
  void optionsOfAnotherStageOrAnUnknownKeysetAreUsageErrors() throws Exception {
    String stored = Files.readString(keysets);
    assertThat(rotate(Instant.now(), "pii", "add", "--now").exit()).isEqualTo(2);
    assertThat(rotate(Instant.now(), "pii", "promote", "--disable-only").exit()).isEqualTo(2);
    assertThat(rotate(Instant.now(), "pii", "promote", "--min-age", "soon").err()).contains("--min-age must be a"
        + " duration");
    assertThat(rotate(Instant.now(), "pii", "shuffle").exit()).isEqualTo(2);
    KeysCli.Run unknown = rotate(Instant.now(), "nope", "add");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("keyset 'nope' is not in", "pci, pii");
    assertThat(Files.readString(keysets)).isEqualTo(stored);
  }

  @Test
  void aKeysetThatDoesNotOpenIsAConfigurationErrorAndNothingIsWritten() throws Exception {
    // Swapping two keysets' names breaks the binding of each to its name.
    String swapped = Files.readString(keysets).replace("\"pii\"", "\"tmp\"").replace("\"pci\"", "\"pii\"")
        .replace("\"tmp\"", "\"pci\"");
    Files.writeString(keysets, swapped);

    KeysCli.Run run = rotate(Instant.now(), "pii", "add");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("keyset 'pii'", "does not decrypt under the master key");
    assertThat(Files.readString(keysets)).isEqualTo(swapped);
  }
}
