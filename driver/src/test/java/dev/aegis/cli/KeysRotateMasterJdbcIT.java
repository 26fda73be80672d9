package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.crypto.PlainValue;
import dev.aegis.keys.JdbcKeysetStore;
import dev.aegis.keys.MasterKey;
import dev.aegis.keys.SealedKeysets;
import dev.aegis.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aegis keys rotate-master} with {@code keys.keysets: jdbc}: every row re-wrapped in one transaction,
 * or none; and {@code status --count} with a file store, reading the columns through {@code --url}.
 */
class KeysRotateMasterJdbcIT {
  @TempDir
  Path dir;
  private TestDatabase db;
  private String schema;
  private Path config;
  private JdbcKeysetStore store;

  @BeforeEach
  void keys() throws Exception {
    db = TestDatabase.shared();
    schema = db.createDatabase("rotate_master");
    store = new JdbcKeysetStore(() -> db.connectPlain(schema));
    config = Files.writeString(dir.resolve("aegis.yml"), """
        keys:
          master: file:master.json
          keysets: jdbc
        columns:
          customers.email: { mode: deterministic, key: pii }
          payments.card_number: { mode: randomized, key: pci }
        """);
    assertThat(keys("init", db.password()).exit()).isZero();
  }

  private KeysCli.Run keys(String command, String password, String... more) {
    List<String> args = new ArrayList<>(List.of("keys", command, "--config", config.toString(), "--url",
        db.plainUrl(schema), "--user", db.user(), "--password", password));
    args.addAll(List.of(more));
    return KeysCli.run(args.toArray(String[]::new));
  }

  private MasterKey master(String file) throws Exception {
    return MasterKey.load(Location.parse("file:" + file, EnumSet.of(Location.Scheme.FILE)), dir, n -> null);
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void everyRowIsReWrappedUnderTheNewMaster() throws Exception {
    Map<String, String> before = store.readSealed();

    KeysCli.Run run = keys("rotate-master", db.password(), "--new-master", "file:master-2.json");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(store.read(master("master-2.json"))).containsOnlyKeys("pci", "pii");
    Map<String, String> after = store.readSealed();
    assertThat(after.get("pii")).isNotEqualTo(before.get("pii"));
    assertThat(run.out()).contains("re-wrapped under the new master key file:master-2.json",
        "master: file:master-2.json").doesNotContain(db.password());
  }

  @Test
  void aRowThatFailsMidTransactionLeavesEveryRowUnderTheOldMaster() throws Exception {
    Map<String, String> before = store.readSealed();
    // pci is written first (names in order), then pii is refused by the server: the transaction must undo pci.
    sql("CREATE TRIGGER refuse_pii BEFORE UPDATE ON aegis_keysets FOR EACH ROW BEGIN"
        + " IF NEW.name = 'pii' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'; END IF; END");

    KeysCli.Run run = keys("rotate-master", db.password(), "--new-master", "file:master-2.json");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("Nothing was re-wrapped", "the new master key file was removed",
        "refused by the test");
    assertThat(store.readSealed()).isEqualTo(before);
    assertThat(SealedKeysets.open(store.readSealed(), master("master.json"), "test")).hasSize(2);
    assertThat(dir.resolve("master-2.json")).doesNotExist();
  }

  @Test
  void inPlaceRotationGoesThroughTheTable() throws Exception {
    assertThat(keys("rotate-master", db.password(), "--in-place").exit()).isZero();
    assertThat(store.read(dev.aegis.keys.MasterKeyFile.read(dir.resolve("master.json")).primaryOnly())).hasSize(2);
    assertThat(keys("rotate-master", db.password(), "--in-place", "--retire-old").exit()).isZero();
    assertThat(store.read(master("master.json"))).hasSize(2);
  }

  @Test
  void statusCountsWithAFileStoreThroughUrlAndAWrongPasswordIsNeitherAcceptedNorEchoed() throws Exception {
    Path fileConfig = Files.writeString(dir.resolve("file.yml"), """
        keys:
          master: file:file-master.json
          keysets: file:file-keysets.json
        columns:
          customers.email: { mode: deterministic, key: pii }
        """);
    assertThat(KeysCli.run("keys", "init", "--config", fileConfig.toString()).exit()).isZero();
    sql("CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(400))");
    ColumnCipher cipher = ColumnCipher.of(new dev.aegis.keys.FileKeysetStore(dir.resolve("file-keysets.json"))
        .read(master("file-master.json")).get("pii"), EncryptionMode.DETERMINISTIC, "customers.email");
    try (Connection c = db.connectPlain(schema);
        PreparedStatement insert = c.prepareStatement("INSERT INTO customers VALUES (?, ?)")) {
      for (int id = 0; id < 3; id++) {
        insert.setInt(1, id);
        insert.setString(2, id == 0 ? "plain@example.com"
            : CiphertextFormat.toText(cipher.encrypt(PlainValue.encode("user" + id))));
        insert.executeUpdate();
      }
    }

    KeysCli.Run run = KeysCli.run("keys", "status", "--config", fileConfig.toString(), "--count", "--format=json",
        "--url", db.plainUrl(schema), "--user", db.user(), "--password", db.password());

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode values = run.json().path("keysets").get(0).path("columns").get(0).path("values");
    assertThat(values.path("by-key").elements().next().asLong()).isEqualTo(2);
    assertThat(values.path("plaintext").asLong()).isEqualTo(1);

    String wrong = db.password() + "-wrong-Secret";
    KeysCli.Run refused = KeysCli.run("keys", "status", "--config", fileConfig.toString(), "--count",
        "--url", db.plainUrl(schema), "--user", db.user(), "--password", wrong);
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("The database refused", "28000").doesNotContain(wrong);
  }
}
