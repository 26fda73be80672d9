package dev.aegis.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.crypto.PlainValue;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import dev.aegis.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code jdbc} keyset store against a real server: one schema per test. */
class JdbcKeysetStoreIT {
  private final List<Connection> opened = new ArrayList<>();
  private TestDatabase db;
  private String schema;
  private JdbcKeysetStore store;

  @BeforeEach
  void schema() throws SQLException {
    db = TestDatabase.shared();
    schema = db.createDatabase("keysets");
    store = new JdbcKeysetStore(() -> {
      Connection connection = db.connectPlain(schema);
      opened.add(connection);
      return connection;
    });
  }

  private static MasterKey master(Path dir) throws Exception {
    MasterKey.writeFile(dir.resolve("master.json"), MasterKey.generate());
    return MasterKey.load(Location.parse("file:master.json", EnumSet.of(Location.Scheme.FILE)), dir, name -> null);
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static AbstractThrowableAssert<?, ?> assertKeysUnavailable(Throwable thrown) {
    assertThat(thrown).isInstanceOf(AegisConfigurationException.class);
    assertThat(((AegisConfigurationException) thrown).getSQLState()).isEqualTo(AegisSqlState.KEYS_UNAVAILABLE.code());
    return assertThat(thrown);
  }

  @Test
  void twoKeysetsRoundTripThroughTheTableEncrypted(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir);
    KeysetHandle pii = ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC);
    KeysetHandle pci = ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED);
    assertThat(store.exists()).isFalse();

    store.write(Map.of("pii", pii, "pci", pci), master);

    assertThat(store.exists()).isTrue();
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT name, keyset, updated_at FROM aegis_keysets ORDER BY name")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("pci");
      assertThat(rows.getString(2)).contains("encryptedKeyset").doesNotContain("keyValue");
      assertThat(rows.getTimestamp(3)).isNotNull();
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("pii");
      assertThat(rows.next()).isFalse();
    }
    byte[] email = ColumnCipher.of(pii, EncryptionMode.DETERMINISTIC, "customers.email")
        .encrypt(PlainValue.encode("ada@example.com"));
    byte[] card = ColumnCipher.of(pci, EncryptionMode.RANDOMIZED, "payments.card_number")
        .encrypt(PlainValue.encode("4111111111111111"));

    Map<String, KeysetHandle> read = store.read(master);

    assertThat(read).containsOnlyKeys("pii", "pci");
    assertThat(PlainValue.decode(ColumnCipher.of(read.get("pii"), EncryptionMode.DETERMINISTIC, "customers.email")
        .decrypt(email))).isEqualTo("ada@example.com");
    assertThat(PlainValue.decode(ColumnCipher.of(read.get("pci"), EncryptionMode.RANDOMIZED,
        "payments.card_number").decrypt(card))).isEqualTo("4111111111111111");
    assertThat(opened).as("the store closes every connection it opens").hasSize(4)
        .allSatisfy(c -> assertThat(c.isClosed()).isTrue());
  }

  @Test
  void aWriteReplacesTheKeysetsItNamesAndKeepsTheRest(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir);
    KeysetHandle pci = ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED);
    store.write(Map.of("pii", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC), "pci", pci), master);
    KeysetHandle newPii = ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC);

    store.write(Map.of("pii", newPii), master);

    Map<String, KeysetHandle> read = store.read(master);
    assertThat(read.get("pii").getPrimary().getId()).isEqualTo(newPii.getPrimary().getId());
    assertThat(read.get("pci").getPrimary().getId()).isEqualTo(pci.getPrimary().getId());
  }

  @Test
  void namesDifferingInCaseAreTwoKeysets(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir);
    KeysetHandle lower = ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED);
    KeysetHandle upper = ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED);

    store.write(Map.of("pii", lower, "PII", upper), master);

    Map<String, KeysetHandle> read = store.read(master);
    assertThat(read.get("pii").getPrimary().getId()).isEqualTo(lower.getPrimary().getId());
    assertThat(read.get("PII").getPrimary().getId()).isEqualTo(upper.getPrimary().getId());
  }

  @Test
  void aFailedWriteLeavesNoKeysetBehind(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir);
    store.write(Map.of(), master);
    sql("CREATE TRIGGER refuse_z BEFORE INSERT ON aegis_keysets FOR EACH ROW"
        + " BEGIN IF NEW.name = 'z-refused' THEN SIGNAL SQLSTATE '45000'; END IF; END");

    assertThatThrownBy(() -> store.write(Map.of("a-first", ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED),
        "z-refused", ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED)), master)).isInstanceOf(SQLException.class);

    assertThat(store.read(master)).as("the first row was rolled back with the second").isEmpty();
  }

  @Test
  void keysetsDoNotOpenUnderAnotherMasterKey(@TempDir Path dir) throws Exception {
    store.write(Map.of("pii", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC)), master(dir));
    MasterKey other = master(Files.createDirectories(dir.resolve("other")));

    assertKeysUnavailable(catchThrowable(() -> store.read(other)))
        .hasMessageContaining("keyset 'pii'").hasMessageContaining("table aegis_keysets")
        .hasMessageContaining("does not decrypt under the master key");
  }

  @Test
  void aRowRenamedBySqlDoesNotOpen(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir);
    store.write(Map.of("pii", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC)), master);
    sql("UPDATE aegis_keysets SET name = 'pci' WHERE name = 'pii'");

    assertKeysUnavailable(catchThrowable(() -> store.read(master)))
        .hasMessageContaining("keyset 'pci'").hasMessageContaining("does not decrypt");
  }

  @Test
  void aMissingTableSaysToRunKeysInit(@TempDir Path dir) throws Exception {
    MasterKey master = master(dir);
    assertKeysUnavailable(catchThrowable(() -> store.read(master)))
        .hasMessageContaining("table aegis_keysets does not exist").hasMessageContaining("aegis keys init");
  }
}
