package dev.aegis.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.error.AegisConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyDatesAndRewrapTest {
  private static final EnumSet<Location.Scheme> ANY = EnumSet.allOf(Location.Scheme.class);

  private static MasterKey master(Path dir, String file) throws Exception {
    MasterKey.writeFile(dir.resolve(file), MasterKey.generate());
    return MasterKey.load(Location.parse("file:" + file, ANY), dir, name -> null);
  }

  @Test
  void aKeyKeepsItsDateWhenItsKeysetIsWrittenAgainAndANewKeyIsDatedNow(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir, "master.json");
    FileKeysetStore store = new FileKeysetStore(dir.resolve("keysets.json"));
    KeysetHandle first = ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC);
    store.write(Map.of("pii", first), master);
    Instant firstDate = store.readKeysets(master).get("pii").createdOf(first.getPrimary().getId());
    assertThat(firstDate).isNotNull();

    KeysetHandle.Builder builder = KeysetHandle.newBuilder(first);
    builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedDeterministicAeadParameters.AES256_SIV)
        .withRandomId());
    KeysetHandle two = builder.build();
    int added = two.getAt(1).getId();
    store.write(Map.of("pii", two), master);

    Keyset read = store.readKeysets(master).get("pii");
    assertThat(read.handle().size()).isEqualTo(2);
    assertThat(read.createdOf(first.getPrimary().getId())).isEqualTo(firstDate);
    assertThat(read.createdOf(added)).isNotNull().isAfterOrEqualTo(firstDate);
  }

  @Test
  void aKeysetStoredBeforeDatesWereKeptStillOpensWithoutDates(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir, "master.json");
    KeysetHandle pii = ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED);
    String tinkOnly = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(pii, master.aead(),
        "aegis-keyset:pii".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("keysets.json");
    Files.writeString(file, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
        Map.of("pii", tinkOnly)));

    Keyset read = new FileKeysetStore(file).readKeysets(master).get("pii");

    assertThat(read.handle().getPrimary().getId()).isEqualTo(pii.getPrimary().getId());
    assertThat(read.created()).isEmpty();
  }

  @Test
  void rewrapMovesEveryKeysetToTheNewMasterKeepingKeysAndDates(@TempDir Path dir) throws Exception {
    MasterKey old = master(dir, "old.json");
    MasterKey next = master(dir, "new.json");
    FileKeysetStore store = new FileKeysetStore(dir.resolve("keysets.json"));
    KeysetHandle pii = ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC);
    store.write(Map.of("pii", pii, "pci", ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED)), old);
    Map<String, Keyset> before = store.readKeysets(old);

    assertThat(store.rewrap(old, next)).isEqualTo(2);

    Map<String, Keyset> after = store.readKeysets(next);
    assertThat(after.get("pii").handle().getPrimary().getId()).isEqualTo(pii.getPrimary().getId());
    assertThat(after.get("pii").created()).isEqualTo(before.get("pii").created());
    assertThatThrownBy(() -> store.readKeysets(old)).isInstanceOf(AegisConfigurationException.class)
        .hasMessageContaining("does not decrypt under the master key");
  }

  @Test
  void rewrapWithTheWrongOldMasterWritesNothing(@TempDir Path dir) throws Exception {
    MasterKey real = master(dir, "real.json");
    MasterKey wrong = master(dir, "wrong.json");
    FileKeysetStore store = new FileKeysetStore(dir.resolve("keysets.json"));
    store.write(Map.of("pii", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC)), real);
    String before = Files.readString(dir.resolve("keysets.json"));

    assertThatThrownBy(() -> store.rewrap(wrong, real)).isInstanceOf(AegisConfigurationException.class);

    assertThat(Files.readString(dir.resolve("keysets.json"))).isEqualTo(before);
  }
}
