package dev.aegis.encrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.keys.JdbcKeysetStore;
import dev.aegis.keys.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys loaded at first connect (file and database stores) and the schema check, against the real server. */
class KeysAndSchemaIT {
  private static EncryptedDatabase db;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    db = new EncryptedDatabase(dir, "keys");
  }

  private static SQLException connectFailure(String config) {
    return (SQLException) org.assertj.core.api.Assertions.catchThrowable(() -> {
      try (Connection c = db.aegis(config)) {
        c.isValid(1);
      }
    });
  }

  @Test
  void keysetsStoredInTheDatabaseAreLoadedAtFirstConnect() throws Exception {
    MasterKey master = MasterKey.load(Location.parse("file:master.json", EnumSet.allOf(Location.Scheme.class)),
        db.dir, System::getenv);
    new JdbcKeysetStore(db::plain).write(Map.of("db-pii", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC)),
        master);
    db.config("jdbc-keys.yml", """
        keys:
          master: file:master.json
          keysets: jdbc
        columns:
          leads.contact: { mode: deterministic, key: db-pii }
        """);
    try (Connection c = db.aegis("jdbc-keys.yml")) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO leads (id, contact) VALUES (?, ?)")) {
        ps.setInt(1, 1);
        ps.setString(2, "lead@example.com");
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT contact FROM leads WHERE contact = ?")) {
        ps.setString(1, "lead@example.com");
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("lead@example.com");
        }
      }
      // The keyset store borrowed the connection; it must still be usable by the application.
      assertThat(c.isValid(1)).isTrue();
    }
    assertThat(db.raw("leads", "contact")).noneMatch(v -> v.contains("example"));
  }

  @Test
  void aMissingKeysetFailsTheConnectWithZa201() throws Exception {
    db.config("missing-key.yml", """
        keys:
          master: file:master.json
          keysets: file:keysets.json
        columns:
          customers.email: { mode: deterministic, key: nowhere }
        """);
    SQLException e = connectFailure("missing-key.yml");
    assertThat(e.getSQLState()).isEqualTo("ZA201");
    assertThat(e.getMessage()).contains("nowhere", "customers.email", "aegis keys init");
  }

  @Test
  void anotherMasterKeyFailsTheConnectWithZa201() throws Exception {
    Path other = db.dir.resolve("other-master.json");
    if (!Files.exists(other)) {
      MasterKey.writeFile(other, MasterKey.generate());
    }
    db.config("other-master.yml", EncryptedDatabase.COLUMNS.replace("file:master.json", "file:other-master.json"));
    SQLException e = connectFailure("other-master.yml");
    assertThat(e.getSQLState()).isEqualTo("ZA201");
    assertThat(e.getMessage()).contains("does not decrypt under the master key");
  }

  @Test
  void theSchemaCheckNamesMissingTablesColumnsWrongTypesAndNarrowColumns() throws Exception {
    try (Connection c = db.plain(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS narrow (id INT PRIMARY KEY, code VARCHAR(20), n INT, wide VARCHAR(100))");
    }
    String yaml = """
        keys:
          master: file:master.json
          keysets: file:keysets.json
        columns:
          ghosts.name:   { key: pii }
          narrow.absent: { key: pii }
          narrow.n:      { key: pii }
          narrow.code:   { key: pii }
          narrow.wide:   { key: pii, max-length: 100 }
        """;
    db.config("bad-schema.yml", yaml);
    SQLException e = connectFailure("bad-schema.yml");
    assertThat(e.getSQLState()).isEqualTo("ZA301");
    assertThat(e.getMessage()).contains("table ghosts", "column narrow.absent does not exist", "narrow.n is INT",
        "narrow.code holds 20 characters", "ALTER TABLE narrow MODIFY wide VARCHAR(188)");

    db.config("lenient-schema.yml", yaml + "encryption:\n  schema-check: lenient\n");
    try (Connection c = db.aegis("lenient-schema.yml")) {
      assertThat(c.isValid(1)).isTrue();
    }
  }

  @Test
  void aBrokenConfigurationOfDomainsIsRefused() throws Exception {
    db.config("domains.yml", """
        keys:
          master: file:master.json
          keysets: file:keysets.json
        columns:
          customers.email: { mode: deterministic, key: pii-search }
          leads.contact:   { mode: randomized, key: pii, domain: customers.email }
        """);
    SQLException e = connectFailure("domains.yml");
    assertThat(e.getSQLState()).isEqualTo("ZA011");
    assertThat(e.getMessage()).contains("share domain 'customers.email'");
  }
}
