package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.config.Location;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.keys.FileKeysetStore;
import dev.aegis.keys.MasterKey;
import dev.aegis.keys.MasterKeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis keys rotate-master} with a file store: to a new master, and in place. */
class KeysRotateMasterCommandTest {
  private static final String UNSET_VARIABLE = "AEGIS_TEST_NEW_MASTER_THAT_IS_NEVER_SET";
  @TempDir
  Path dir;
  private Path config;
  private Path keysets;
  private FileKeysetStore store;

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
    store = new FileKeysetStore(keysets);
    assertThat(KeysCli.run("keys", "init", "--config", config.toString()).exit()).isZero();
  }

  private KeysCli.Run rotateMaster(String... more) {
    String[] args = new String[4 + more.length];
    System.arraycopy(new String[] {"keys", "rotate-master", "--config", config.toString()}, 0, args, 0, 4);
    System.arraycopy(more, 0, args, 4, more.length);
    return KeysCli.run(args);
  }

  private static void assertDoesNotOpen(FileKeysetStore store, MasterKey master) {
    assertThatThrownBy(() -> store.read(master)).isInstanceOf(AegisConfigurationException.class);
  }

  @Test
  void reWrapsEveryKeysetUnderANewMasterFileItCreatesAndSaysWhatToChange() throws Exception {
    MasterKey old = KeysCli.master(dir, "master.json");
    Map<String, Integer> primaries = Map.of("pii", store.read(old).get("pii").getPrimary().getId(),
        "pci", store.read(old).get("pci").getPrimary().getId());
    Map<String, java.time.Instant> dates = Map.of("pii", store.readKeysets(old).get("pii").createdOf(primaries.get(
        "pii")));

    KeysCli.Run run = rotateMaster("--new-master", "file:keys/master-2.json");

    assertThat(run.exit()).as(run.err()).isZero();
    Path created = dir.resolve("keys/master-2.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rw-------");
    MasterKey fresh = KeysCli.master(dir, "keys/master-2.json");
    assertThat(store.read(fresh).get("pii").getPrimary().getId()).isEqualTo(primaries.get("pii"));
    assertThat(store.read(fresh).get("pci").getPrimary().getId()).isEqualTo(primaries.get("pci"));
    assertThat(store.readKeysets(fresh).get("pii").createdOf(primaries.get("pii"))).as("dates kept")
        .isEqualTo(dates.get("pii"));
    assertDoesNotOpen(store, old);
    assertThat(run.out()).contains("2 keyset(s)", "re-wrapped under the new master key file:keys/master-2.json",
        "master: file:keys/master-2.json", "keep working with the keys they have loaded",
        "Keep the old master key (file:master.json)");
    assertThat(run.out()).doesNotContain(Files.readString(created).substring(20, 60));
  }

  @Test
  void aNewMasterInAnUnsetVariableIsGeneratedAndShownOnce() throws Exception {
    KeysCli.Run run = rotateMaster("--new-master", "env:" + UNSET_VARIABLE);

    assertThat(run.exit()).as(run.err()).isZero();
    Matcher printed = Pattern.compile(UNSET_VARIABLE + "='(\\{.*})'").matcher(run.out());
    assertThat(printed.find()).as(run.out()).isTrue();
    MasterKey fresh = MasterKey.load(Location.parse("env:" + UNSET_VARIABLE, EnumSet.of(Location.Scheme.ENV)), dir,
        name -> printed.group(1));
    assertThat(store.read(fresh)).containsOnlyKeys("pci", "pii");
    assertThat(run.out()).contains("master: env:" + UNSET_VARIABLE);
  }

  @Test
  void aWrongOldMasterWritesNothingAndLeavesNoNewKeyBehind() throws Exception {
    String stored = Files.readString(keysets);
    Files.delete(dir.resolve("master.json"));
    MasterKey.writeFile(dir.resolve("master.json"), MasterKey.generate());

    KeysCli.Run run = rotateMaster("--new-master", "file:master-2.json");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("does not decrypt under the master key");
    assertThat(Files.readString(keysets)).isEqualTo(stored);
    assertThat(dir.resolve("master-2.json")).doesNotExist();
  }

  @Test
  void oneKeysetThatDoesNotOpenStopsTheWholeRotation() throws Exception {
    MasterKey old = KeysCli.master(dir, "master.json");
    String tampered = Files.readString(keysets).replace("\"pii\"", "\"pix\"");
    Files.writeString(keysets, tampered);

    KeysCli.Run run = rotateMaster("--new-master", "file:master-2.json");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("keyset 'pix'");
    assertThat(Files.readString(keysets)).isEqualTo(tampered);
    assertThat(dir.resolve("master-2.json")).doesNotExist();
    assertThat(store.readSealed().keySet()).containsOnly("pci", "pix");
    assertThat(dev.aegis.keys.SealedKeysets.open(Map.of("pci", store.readSealed().get("pci")), old, "test"))
        .as("pci still under the old master").containsKey("pci");
  }

  @Test
  void anExistingNewMasterFileIsUsedAsIsAndTheCurrentOneIsRefused() throws Exception {
    MasterKey.writeFile(dir.resolve("given.json"), MasterKey.generate());
    assertThat(rotateMaster("--new-master", "file:given.json").exit()).isZero();
    assertThat(store.read(KeysCli.master(dir, "given.json"))).hasSize(2);

    Files.writeString(config, Files.readString(config).replace("file:master.json", "file:given.json"));
    KeysCli.Run same = rotateMaster("--new-master", "file:./given.json");
    assertThat(same.exit()).isEqualTo(2);
    assertThat(same.err()).contains("is the current master key", "--in-place");
  }

  @Test
  void optionsMustNameOneWayToRotate() {
    assertThat(rotateMaster().exit()).isEqualTo(2);
    assertThat(rotateMaster("--in-place", "--new-master", "file:x.json").exit()).isEqualTo(2);
    assertThat(rotateMaster("--retire-old").exit()).isEqualTo(2);
    assertThat(rotateMaster("--new-master", "jdbc").err()).contains("not a valid location");
    assertThat(dir.resolve("x.json")).doesNotExist();
  }

  @Test
  void inPlaceAddsAPrimaryMasterKeyReWrapsUnderItAndRetireOldRemovesTheOldKey() throws Exception {
    Path masterFile = dir.resolve("master.json");
    MasterKeyFile before = MasterKeyFile.read(masterFile);

    KeysCli.Run run = rotateMaster("--in-place");

    assertThat(run.exit()).as(run.err()).isZero();
    MasterKeyFile during = MasterKeyFile.read(masterFile);
    assertThat(during.keyCount()).isEqualTo(2);
    assertThat(during.keyIds()).contains(before.primaryId());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(masterFile))).isEqualTo("rw-------");
    assertThat(store.read(during.primaryOnly())).as("under the new key alone").hasSize(2);
    assertDoesNotOpen(store, before.key());
    assertThat(run.out()).contains("added as primary", "the old key " + KeysetView.id(before.primaryId())
        + " is kept", "--in-place --retire-old");

    KeysCli.Run retire = rotateMaster("--in-place", "--retire-old");

    assertThat(retire.exit()).as(retire.err()).isZero();
    MasterKeyFile after = MasterKeyFile.read(masterFile);
    assertThat(after.keyIds()).containsExactly(during.primaryId());
    assertThat(store.read(KeysCli.master(dir, "master.json"))).hasSize(2);
    assertThat(rotateMaster("--in-place", "--retire-old").out()).contains("nothing to retire");
  }

  @Test
  void retireOldIsRefusedWhileAKeysetIsStillSealedUnderTheOldKeyAndASecondRunFinishes() throws Exception {
    Path masterFile = dir.resolve("master.json");
    String oldPci = store.readSealed().get("pci");
    assertThat(rotateMaster("--in-place").exit()).isZero();
    // As if the re-wrap had not reached pci: its stored form is still the one sealed under the old key.
    Map<String, String> partly = new java.util.TreeMap<>(store.readSealed());
    partly.put("pci", oldPci);
    store.replaceSealed(partly);
    String masterText = Files.readString(masterFile);

    KeysCli.Run refused = rotateMaster("--in-place", "--retire-old");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("Not every keyset opens under the master file's primary key alone",
        "keyset 'pci'", "--in-place' to re-wrap");
    assertThat(Files.readString(masterFile)).isEqualTo(masterText);

    KeysCli.Run again = rotateMaster("--in-place");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("already holds 2 keys");
    assertThat(MasterKeyFile.read(masterFile).keyCount()).as("no third key").isEqualTo(2);
    assertThat(rotateMaster("--in-place", "--retire-old").exit()).isZero();
    assertThat(store.read(KeysCli.master(dir, "master.json"))).hasSize(2);
  }

  @Test
  void inPlaceNeedsAMasterKeyFile() throws Exception {
    Files.writeString(config, Files.readString(config).replace("file:master.json", "env:" + UNSET_VARIABLE));

    KeysCli.Run run = rotateMaster("--in-place");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--in-place rotates a master key file", "--new-master env:");
  }

  @Test
  void inPlaceWithAKeysetThatDoesNotOpenChangesNeitherFile() throws Exception {
    Path masterFile = dir.resolve("master.json");
    String masterText = Files.readString(masterFile);
    String tampered = Files.readString(keysets).replace("\"pii\"", "\"pix\"");
    Files.writeString(keysets, tampered);

    KeysCli.Run run = rotateMaster("--in-place");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(Files.readString(masterFile)).isEqualTo(masterText);
    assertThat(Files.readString(keysets)).isEqualTo(tampered);
  }
}
