package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.crypto.PlainValue;
import dev.aegis.keys.JdbcKeysetStore;
import dev.aegis.keys.Keyset;
import dev.aegis.keys.MasterKey;
import dev.aegis.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyset's rotation with {@code keys.keysets: jdbc} against real columns: {@code status --count} counts the
 * values under each key, {@code retire} is refused while a value is under an old key or in plaintext and
 * names the counts, and goes through once the values are rewritten.
 */
class KeysRotationJdbcIT {
  @TempDir
  Path dir;
  private TestDatabase db;
  private String schema;
  private Path config;

  @BeforeEach
  void keysAndTables() throws Exception {
    db = TestDatabase.shared();
    schema = db.createDatabase("keys_rotation");
    config = Files.writeString(dir.resolve("aegis.yml"), """
        keys:
          master: file:master.json
          keysets: jdbc
        columns:
          customers.email: { mode: deterministic, key: pii }
          payments.card_number: { mode: randomized, key: pci }
        """);
    sql("CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(400))",
        "CREATE TABLE payments (id INT PRIMARY KEY, card_number VARBINARY(300))");
    assertThat(keys("init").exit()).isZero();
  }

  private KeysCli.Run keys(String command, String... more) {
    List<String> args = new ArrayList<>(List.of("keys", command, "--config", config.toString(), "--url",
        db.plainUrl(schema), "--user", db.user(), "--password", db.password()));
    args.addAll(List.of(more));
    return KeysCli.run(args.toArray(String[]::new));
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private Keyset keyset(String name) throws Exception {
    MasterKey master = MasterKey.load(Location.parse("file:master.json", EnumSet.of(Location.Scheme.FILE)), dir,
        n -> null);
    return new JdbcKeysetStore(() -> db.connectPlain(schema)).readKeysets(master).get(name);
  }

  private ColumnCipher cipher(String keyset, EncryptionMode mode, String domain) throws Exception {
    return ColumnCipher.of(keyset(keyset).handle(), mode, domain);
  }

  private void insertEmails(int from, int to) throws Exception {
    ColumnCipher cipher = cipher("pii", EncryptionMode.DETERMINISTIC, "customers.email");
    try (Connection c = db.connectPlain(schema);
        PreparedStatement insert = c.prepareStatement("INSERT INTO customers VALUES (?, ?)")) {
      for (int id = from; id < to; id++) {
        insert.setInt(1, id);
        insert.setString(2, CiphertextFormat.toText(cipher.encrypt(PlainValue.encode("user" + id + "@example.com"))));
        insert.executeUpdate();
      }
    }
  }

  /** What the real {@code aegis reencrypt} does, without its care for concurrent writers: every value anew. */
  private int rewriteEmails() throws Exception {
    ColumnCipher cipher = cipher("pii", EncryptionMode.DETERMINISTIC, "customers.email");
    Map<Integer, String> rows = new LinkedHashMap<>();
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT id, email FROM customers")) {
      while (r.next()) {
        rows.put(r.getInt(1), r.getString(2));
      }
    }
    try (Connection c = db.connectPlain(schema);
        PreparedStatement update = c.prepareStatement("UPDATE customers SET email = ? WHERE id = ?")) {
      for (Map.Entry<Integer, String> row : rows.entrySet()) {
        byte[] plain = cipher.decrypt(CiphertextFormat.fromText(row.getValue()));
        update.setString(1, CiphertextFormat.toText(cipher.encrypt(plain)));
        update.setInt(2, row.getKey());
        update.executeUpdate();
      }
    }
    return rows.size();
  }

  private static JsonNode values(JsonNode status, String keyset, String column) {
    for (JsonNode node : status.path("keysets")) {
      if (node.path("name").asText().equals(keyset)) {
        for (JsonNode columnNode : node.path("columns")) {
          if (columnNode.path("column").asText().equals(column)) {
            return columnNode.path("values");
          }
        }
      }
    }
    throw new AssertionError(keyset + " / " + column + " not in " + status);
  }

  @Test
  void retireIsRefusedWhileValuesAreUnderTheOldKeyAndDeletesItOnceTheyAreRewritten() throws Exception {
    // The first values written through Aegis itself.
    try (Connection aegis = java.sql.DriverManager.getConnection(db.aegisUrl(schema, "aegis.config=" + config),
        db.credentials());
        PreparedStatement insert = aegis.prepareStatement("INSERT INTO customers (id, email) VALUES (?, ?)")) {
      for (int id = 0; id < 5; id++) {
        insert.setInt(1, id);
        insert.setString(2, "user" + id + "@example.com");
        insert.executeUpdate();
      }
    }
    String oldKey = KeysetView.id(keyset("pii").handle().getPrimary().getId());
    KeysCli.Run counted = keys("status", "--count", "--format", "json");
    assertThat(counted.exit()).as(counted.err()).isZero();
    JsonNode before = values(counted.json(), "pii", "customers.email");
    assertThat(before.path("by-key").path(oldKey).asLong()).isEqualTo(5);
    assertThat(before.path("plaintext").asLong()).isZero();
    assertThat(values(counted.json(), "pci", "payments.card_number").path("by-key")).isEmpty();

    assertThat(keys("rotate", "--keyset", "pii", "--stage", "add").exit()).isZero();
    assertThat(keys("rotate", "--keyset", "pii", "--stage", "promote", "--now").exit()).isZero();
    String newKey = KeysetView.id(keyset("pii").handle().getPrimary().getId());
    assertThat(newKey).isNotEqualTo(oldKey);
    insertEmails(5, 7);
    assertThat(keys("status", "--count").out()).contains("values in customers.email: key " + oldKey + ": 5",
        "key " + newKey + ": 2", "plaintext 0, other domain 0, unknown key 0");

    KeysCli.Run refused = keys("rotate", "--keyset", "pii", "--stage", "retire");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("cannot retire key(s) " + oldKey,
        "customers.email: 5 value(s) under key(s) " + oldKey + ", 0 plaintext", "aegis reencrypt",
        "Nothing was changed");
    assertThat(keyset("pii").handle().size()).isEqualTo(2);

    assertThat(rewriteEmails()).isEqualTo(7);
    KeysCli.Run disabled = keys("rotate", "--keyset", "pii", "--stage", "retire", "--disable-only");
    assertThat(disabled.exit()).as(disabled.err()).isZero();
    KeysetHandle afterDisable = keyset("pii").handle();
    assertThat(afterDisable.size()).isEqualTo(2);
    assertThat(afterDisable.getAt(0).getStatus()).isEqualTo(KeyStatus.DISABLED);

    KeysCli.Run retired = keys("rotate", "--keyset", "pii", "--stage", "retire");

    assertThat(retired.exit()).as(retired.err()).isZero();
    assertThat(retired.out()).contains("no value under key(s) " + oldKey, "they are deleted",
        "keyset pii: deterministic, 1 key(s), primary key " + newKey);
    KeysetHandle after = keyset("pii").handle();
    assertThat(after.size()).isEqualTo(1);
    assertThat(KeysetView.id(after.getPrimary().getId())).isEqualTo(newKey);
    JsonNode end = values(keys("status", "--count", "--format", "json").json(), "pii", "customers.email");
    assertThat(end.path("by-key").path(newKey).asLong()).isEqualTo(7);
    assertThat(end.path("by-key").size()).isEqualTo(1);
    ColumnCipher current = cipher("pii", EncryptionMode.DETERMINISTIC, "customers.email");
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT id, email FROM customers ORDER BY id")) {
      while (r.next()) {
        assertThat(PlainValue.decode(current.decrypt(CiphertextFormat.fromText(r.getString(2)))))
            .isEqualTo("user" + r.getInt(1) + "@example.com");
      }
    }
  }

  @Test
  void aPlaintextValueAlsoHoldsRetireBack() throws Exception {
    ColumnCipher first = cipher("pci", EncryptionMode.RANDOMIZED, "payments.card_number");
    String oldKey = KeysetView.id(keyset("pci").handle().getPrimary().getId());
    byte[] card = PlainValue.encode("4111 1111 1111 1111");
    try (Connection c = db.connectPlain(schema);
        PreparedStatement insert = c.prepareStatement("INSERT INTO payments VALUES (?, ?)")) {
      insert.setInt(1, 1);
      insert.setBytes(2, first.encrypt(card));
      insert.executeUpdate();
      insert.setInt(1, 2);
      insert.setBytes(2, "4000 0000 0000 0002".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      insert.executeUpdate();
    }
    assertThat(keys("rotate", "--keyset", "pci", "--stage", "add").exit()).isZero();
    assertThat(keys("rotate", "--keyset", "pci", "--stage", "promote", "--now").exit()).isZero();

    KeysCli.Run refused = keys("rotate", "--keyset", "pci", "--stage", "retire");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("payments.card_number: 1 value(s) under key(s) " + oldKey + ", 1 plaintext");
    assertThat(refused.err()).doesNotContain("4000");
    ColumnCipher second = cipher("pci", EncryptionMode.RANDOMIZED, "payments.card_number");
    try (Connection c = db.connectPlain(schema);
        PreparedStatement update = c.prepareStatement("UPDATE payments SET card_number = ? WHERE id = 1")) {
      update.setBytes(1, second.encrypt(card));
      update.executeUpdate();
    }
    KeysCli.Run stillPlain = keys("rotate", "--keyset", "pci", "--stage", "retire");
    assertThat(stillPlain.exit()).isEqualTo(1);
    assertThat(stillPlain.err()).contains("payments.card_number: 0 value(s) under key(s) " + oldKey
        + ", 1 plaintext");

    sql("DELETE FROM payments WHERE id = 2");

    assertThat(keys("rotate", "--keyset", "pci", "--stage", "retire").exit()).isZero();
    assertThat(keyset("pci").handle().size()).isEqualTo(1);
  }

  @Test
  void backupAndRestoreGoThroughTheTable() throws Exception {
    Path backup = dir.resolve("keys-backup.json");
    Map<String, String> before = new JdbcKeysetStore(() -> db.connectPlain(schema)).readSealed();
    assertThat(keys("backup", "--out", backup.toString()).exit()).isZero();
    assertThat(keys("rotate", "--keyset", "pii", "--stage", "add").exit()).isZero();

    assertThat(keys("restore", "--in", backup.toString()).exit()).isEqualTo(1);
    KeysCli.Run forced = keys("restore", "--in", backup.toString(), "--force");

    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(new JdbcKeysetStore(() -> db.connectPlain(schema)).readSealed()).isEqualTo(before);
  }
}
