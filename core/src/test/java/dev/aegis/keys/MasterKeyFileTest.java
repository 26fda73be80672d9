package dev.aegis.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.error.AegisConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A master key file that grows a new primary key and later drops the old one (in-place rotation). */
class MasterKeyFileTest {

  private static MasterKey load(Path dir) throws Exception {
    return MasterKey.load(Location.parse("file:master.json", EnumSet.of(Location.Scheme.FILE)), dir, n -> null);
  }

  @Test
  void aNewPrimaryKeepsTheOldKeySoKeysetsSealedUnderEitherOpen(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("master.json");
    MasterKey.writeFile(file, MasterKey.generate());
    FileKeysetStore store = new FileKeysetStore(dir.resolve("keysets.json"));
    store.write(Map.of("pii", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC)), load(dir));
    MasterKeyFile before = MasterKeyFile.read(file);

    MasterKeyFile rotated = before.withNewPrimary();
    rotated.write();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    MasterKeyFile read = MasterKeyFile.read(file);
    assertThat(read.keyCount()).isEqualTo(2);
    assertThat(read.keyIds()).contains(before.primaryId());
    assertThat(read.primaryId()).isNotEqualTo(before.primaryId());
    assertThat(store.read(load(dir))).as("sealed under the old key, opened by the file").containsKey("pii");
    assertThatThrownBy(() -> store.read(read.primaryOnly())).as("not under the new primary yet")
        .isInstanceOf(AegisConfigurationException.class);

    store.rewrap(read.key(), read.key());
    assertThat(store.read(read.primaryOnly())).containsKey("pii");

    read.withPrimaryOnly().write();
    MasterKeyFile retired = MasterKeyFile.read(file);
    assertThat(retired.keyIds()).containsExactly(read.primaryId());
    assertThat(store.read(load(dir))).containsKey("pii");
    assertThatThrownBy(() -> store.read(before.key())).as("the old key alone no longer opens it")
        .isInstanceOf(AegisConfigurationException.class);
  }

  @Test
  void aFileOthersCanReadIsRefusedAsTheLoaderRefusesIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("master.json");
    MasterKey.writeFile(file, MasterKey.generate());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> MasterKeyFile.read(file)).isInstanceOf(AegisConfigurationException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void aFileThatIsNotAKeysetIsRefusedWithoutQuotingIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("master.json");
    MasterKey.writeFile(file, "{\"secret-looking\": \"s3cr3t\"}");

    assertThatThrownBy(() -> MasterKeyFile.read(file)).isInstanceOf(AegisConfigurationException.class)
        .hasMessageContaining("not a Tink AEAD keyset").hasMessageNotContaining("s3cr3t");
  }
}
