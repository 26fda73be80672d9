package dev.aegis.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.crypto.PlainValue;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysTest {
  private static final Location MASTER_FILE = Location.parse("file:keys/master.json",
      java.util.EnumSet.allOf(Location.Scheme.class));

  private static MasterKey master(Path dir) throws Exception {
    MasterKey.writeFile(dir.resolve("keys/master.json"), MasterKey.generate());
    return MasterKey.load(MASTER_FILE, dir, name -> null);
  }

  @Test
  void keysetsRoundTripThroughTheFileUnderTheMasterKey(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/master.json"))))
        .isEqualTo("rw-------");
    Map<String, KeysetHandle> keysets = new TreeMap<>();
    keysets.put("pii", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC));
    keysets.put("pci", ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED));
    Path file = dir.resolve("keys/keysets.json");
    KeysetFile.write(file, keysets, master);

    String stored = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(stored).contains("\"pii\"", "\"pci\"").doesNotContain("keyValue");
    byte[] ciphertext = ColumnCipher.of(keysets.get("pii"), EncryptionMode.DETERMINISTIC, "customers.email")
        .encrypt(PlainValue.encode("ada@example.com"));

    Map<String, KeysetHandle> read = KeysetFile.read(file, MasterKey.load(MASTER_FILE, dir, name -> null));
    ColumnCipher again = ColumnCipher.of(read.get("pii"), EncryptionMode.DETERMINISTIC, "customers.email");
    assertThat(PlainValue.decode(again.decrypt(ciphertext))).isEqualTo("ada@example.com");
  }

  @Test
  void aMasterKeyFileReadableByOthersIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
    master(dir);
    Path key = dir.resolve("keys/master.json");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> MasterKey.load(MASTER_FILE, dir, name -> null))
        .isInstanceOf(AegisConfigurationException.class)
        .hasMessageContaining("chmod 600 " + key.toAbsolutePath())
        .extracting(e -> ((AegisConfigurationException) e).getSQLState())
        .isEqualTo(AegisSqlState.KEYS_UNAVAILABLE.code());
  }

  @Test
  void missingOrBrokenMasterKeysSayWhatToDoWithoutEchoingTheSecret(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> MasterKey.load(MASTER_FILE, dir, name -> null))
        .hasMessageContaining("does not exist").hasMessageContaining("aegis keys init");
    Location env = Location.parse("env:AEGIS_MASTER_KEY", java.util.EnumSet.allOf(Location.Scheme.class));
    assertThatThrownBy(() -> MasterKey.load(env, dir, name -> null))
        .hasMessageContaining("AEGIS_MASTER_KEY").hasMessageContaining("not set");
    assertThatThrownBy(() -> MasterKey.load(env, dir, name -> "{\"secret-looking\": \"hunter2\"}"))
        .hasMessageContaining("not a Tink AEAD keyset").hasMessageNotContaining("hunter2");
    String generated = MasterKey.generate();
    MasterKey fromEnv = MasterKey.load(env, dir, name -> generated);
    assertThat(fromEnv.toString()).isEqualTo("MasterKey(environment variable AEGIS_MASTER_KEY)");
  }

  @Test
  void keysetsDoNotOpenUnderAnotherMasterKeyOrUnderAnotherName(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir);
    Path file = dir.resolve("keysets.json");
    KeysetFile.write(file, Map.of("pii", ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED)), master);

    Path other = Files.createDirectories(dir.resolve("other"));
    MasterKey otherMaster = master(other);
    assertThatThrownBy(() -> KeysetFile.read(file, otherMaster))
        .hasMessageContaining("keyset 'pii'").hasMessageContaining("does not decrypt under the master key");

    String renamed = Files.readString(file, StandardCharsets.UTF_8).replace("\"pii\"", "\"pci\"");
    Files.writeString(file, renamed, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> KeysetFile.read(file, master)).hasMessageContaining("keyset 'pci'");
  }

  @Test
  void anExistingMasterKeyIsNeverOverwritten(@TempDir Path dir) throws Exception {
    master(dir);
    assertThatThrownBy(() -> MasterKey.writeFile(dir.resolve("keys/master.json"), MasterKey.generate()))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
  }
}
