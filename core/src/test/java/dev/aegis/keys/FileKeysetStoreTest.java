package dev.aegis.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeysetStoreTest {
  private static final EnumSet<Location.Scheme> ANY = EnumSet.allOf(Location.Scheme.class);

  private static MasterKey master(Path dir) throws Exception {
    MasterKey.writeFile(dir.resolve("master.json"), MasterKey.generate());
    return MasterKey.load(Location.parse("file:master.json", ANY), dir, name -> null);
  }

  @Test
  void aRelativePathStartsAtTheConfigurationDirectoryAndTheFileIsOwnerOnly(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir);
    KeysetStore store = KeysetStore.of(Location.parse("file:keys/keysets.json", ANY), dir, null);
    assertThat(store.describe()).isEqualTo(dir.resolve("keys/keysets.json").toAbsolutePath().toString());
    assertThat(store.exists()).isFalse();

    KeysetHandle pii = ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC);
    store.write(Map.of("pii", pii), master);

    Path file = dir.resolve("keys/keysets.json");
    assertThat(store.exists()).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(store.read(master).get("pii").getPrimary().getId()).isEqualTo(pii.getPrimary().getId());
    assertThat(KeysetFile.read(file, master)).containsOnlyKeys("pii");
  }

  @Test
  void writingSomeKeysetsKeepsTheOthersAsTheTableDoes(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir);
    FileKeysetStore store = new FileKeysetStore(dir.resolve("keysets.json"));
    KeysetHandle pci = ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED);
    store.write(Map.of("pci", pci, "pii", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC)), master);
    KeysetHandle newPii = ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC);

    store.write(Map.of("pii", newPii), master);

    Map<String, KeysetHandle> read = store.read(master);
    assertThat(read).containsOnlyKeys("pci", "pii");
    assertThat(read.get("pci").getPrimary().getId()).isEqualTo(pci.getPrimary().getId());
    assertThat(read.get("pii").getPrimary().getId()).isEqualTo(newPii.getPrimary().getId());
  }

  @Test
  void aMissingFileIsZa201WithTheCommandToRun(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir);
    FileKeysetStore store = new FileKeysetStore(dir.resolve("keysets.json"));
    assertThatThrownBy(() -> store.read(master))
        .isInstanceOf(AegisConfigurationException.class)
        .hasMessageContaining(store.describe()).hasMessageContaining("aegis keys init")
        .extracting(e -> ((AegisConfigurationException) e).getSQLState())
        .isEqualTo(AegisSqlState.KEYS_UNAVAILABLE.code());
  }

  @Test
  void aJdbcStoreNeedsConnectionsAndKeysetsAreNeverInTheEnvironment(@TempDir Path dir) {
    ConnectionSource none = () -> {
      throw new java.sql.SQLException("not opened in this test");
    };
    assertThat(KeysetStore.of(Location.parse("jdbc", ANY), dir, none))
        .isInstanceOf(JdbcKeysetStore.class)
        .extracting(KeysetStore::describe).isEqualTo("table aegis_keysets");
    assertThatThrownBy(() -> KeysetStore.of(Location.parse("jdbc", ANY), dir, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> KeysetStore.of(Location.parse("env:KEYSETS", ANY), dir, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
