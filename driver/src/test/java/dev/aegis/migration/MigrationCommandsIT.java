package dev.aegis.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.config.ConfigLocation;
import dev.aegis.config.ConfigReader;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.encrypt.EncryptedColumns;
import dev.aegis.encrypt.ProtectedColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration commands' edges: dry runs, refusals, the way back, and a write racing the job. */
class MigrationCommandsIT {

  private static MigrationDatabase plaintextTable(Path dir, String hint, String table) throws Exception {
    MigrationDatabase db = new MigrationDatabase(dir, hint,
        "  " + table + ".email: { mode: deterministic, key: search, max-length: 40 }\n");
    try (Connection c = db.plain(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, email VARCHAR(200))");
      s.execute("INSERT INTO " + table + " VALUES (1, 'a@example.com'), (2, 'b@example.com'), (3, NULL)");
    }
    return db;
  }

  @Test
  void aDryRunCountsAndWritesNothing(@TempDir Path dir) throws Exception {
    MigrationDatabase db = plaintextTable(dir, "mig_dry", "contacts");

    MigrationDatabase.Run run = db.run(db.with("encrypt-column", "--column", "contacts.email", "--dry-run"));

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("(dry run)").contains("2 rewritten");
    assertThat(raw(db, "contacts")).containsExactly("a@example.com", "b@example.com", null);
    try (Connection c = db.plain(); Statement s = c.createStatement()) {
      assertThat(s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
          + " AND TABLE_NAME = 'aegis_jobs'")).satisfies(rs -> {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
          });
    }
  }

  @Test
  void encryptThenDecryptGivesBackTheSamePlaintext(@TempDir Path dir) throws Exception {
    MigrationDatabase db = plaintextTable(dir, "mig_back", "contacts");

    assertThat(db.run(db.with("encrypt-column", "--column", "contacts.email")).code()).isZero();
    List<String> encrypted = raw(db, "contacts");
    assertThat(encrypted.get(0)).isNotEqualTo("a@example.com");
    assertThat(CiphertextFormat.isCiphertext(CiphertextFormat.fromText(encrypted.get(0)))).isTrue();
    assertThat(encrypted.get(2)).isNull();
    MigrationDatabase.Run again = db.run(db.with("encrypt-column", "--column", "contacts.email"));
    assertThat(again.out()).contains(" 0 rewritten").contains("2 already in place");
    assertThat(raw(db, "contacts")).isEqualTo(encrypted); // never encrypted twice

    assertThat(db.run(db.with("decrypt-column", "--column", "contacts.email")).code()).isZero();
    assertThat(raw(db, "contacts")).containsExactly("a@example.com", "b@example.com", null);
  }

  @Test
  void aTableWithoutPrimaryKeyIsRefusedAndNamed(@TempDir Path dir) throws Exception {
    MigrationDatabase db = new MigrationDatabase(dir, "mig_nopk",
        "  logs.email: { mode: deterministic, key: search, max-length: 40 }\n");
    try (Connection c = db.plain(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE logs (email VARCHAR(200))");
      s.execute("INSERT INTO logs VALUES ('a@example.com')");
    }

    MigrationDatabase.Run run = db.run(db.with("encrypt-column", "--column", "logs.email"));

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Table logs has no primary key").contains("ADD COLUMN");
    assertThat(raw(db, "logs")).containsExactly("a@example.com");
  }

  @Test
  void aValueTheApplicationChangesMidBatchIsLeftAsItWrote(@TempDir Path dir) throws Exception {
    MigrationDatabase db = plaintextTable(dir, "mig_cas", "contacts");
    TableMigration migration = migration(db, MigrationKind.ENCRYPT);
    migration.beforeWrite(() -> {
      try (Connection c = db.aegis(); Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE contacts SET email = 'changed@example.com' WHERE id = 2");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      migration.beforeWrite(() -> {});
    });

    TableMigration.Result result = migration.run();

    assertThat(result.counts().casMissed()).isEqualTo(1);
    assertThat(result.counts().changed()).isEqualTo(1);
    try (Connection c = db.aegis(); Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT email FROM contacts ORDER BY id")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("a@example.com");
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("changed@example.com");
    }
    assertThat(raw(db, "contacts").subList(0, 2)).allMatch(v -> CiphertextFormat.isCiphertext(
        CiphertextFormat.fromText(v)));
  }

  @Test
  void aSecondRunOnTheSameTableIsRefusedWhileTheFirstHoldsIt(@TempDir Path dir) throws Exception {
    MigrationDatabase db = plaintextTable(dir, "mig_lock", "contacts");
    TableMigration first = migration(db, MigrationKind.ENCRYPT);
    MigrationDatabase.Run[] second = new MigrationDatabase.Run[1];
    first.beforeWrite(() -> second[0] = db.run(db.with("encrypt-column", "--column", "contacts.email")));

    first.run();

    assertThat(second[0].code()).isEqualTo(2);
    assertThat(second[0].err()).contains("Another run holds table contacts");
  }

  private static TableMigration migration(MigrationDatabase db, MigrationKind kind) throws Exception {
    var settings = ConfigReader.read(new ConfigLocation(db.config.toString(), ConfigLocation.Origin.COMMAND_LINE));
    EncryptedColumns columns = EncryptedColumns.of(settings, db.keysets.read(db.master), Set.of());
    ProtectedColumn email = columns.all().get(0);
    return new TableMigration(kind, "contacts", List.of(email),
        Map.of(email, db.keyset("search").getPrimary().getId()), new TableMigration.Settings(100, 0, false),
        () -> DriverManager.getConnection(db.db.plainUrl(db.schema), db.db.credentials()),
        new TableMigration.Listener() {});
  }

  private static List<String> raw(MigrationDatabase db, String table) throws Exception {
    List<String> values = new java.util.ArrayList<>();
    try (Connection c = db.plain(); Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT email FROM " + table
            + (table.equals("logs") ? "" : " ORDER BY id"))) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
