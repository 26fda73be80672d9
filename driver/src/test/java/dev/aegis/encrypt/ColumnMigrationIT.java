package dev.aegis.encrypt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Columns in migration against the real server: while {@code encrypting}, plaintext rows not migrated yet
 * and ciphertext rows are both read and found by equality, and writes store only ciphertext; while
 * {@code decrypting}, writes store plaintext and both forms are found.
 */
class ColumnMigrationIT {
  private static final String KEYS = """
      keys:
        master: file:master.json
        keysets: file:keysets.json
      """;
  private static EncryptedDatabase db;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    db = new EncryptedDatabase(dir, "migration");
    db.config("encrypting.yml", KEYS + """
        columns:
          people.email: { mode: deterministic, key: pii-search, migration: encrypting }
          people.note:  { mode: randomized,    key: pii,        migration: encrypting }
        """);
    db.config("normal.yml", KEYS + """
        columns:
          leavers.email: { mode: deterministic, key: pii-search }
          leavers.note:  { mode: randomized,    key: pii }
        """);
    db.config("decrypting.yml", KEYS + """
        columns:
          leavers.email: { mode: deterministic, key: pii-search, migration: decrypting }
          leavers.note:  { mode: randomized,    key: pii,        migration: decrypting }
        """);
  }

  @BeforeEach
  void tables() throws SQLException {
    try (Connection c = db.plain(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS people");
      s.execute("DROP TABLE IF EXISTS leavers");
      s.execute("CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(400), note VARCHAR(400))");
      s.execute("CREATE TABLE leavers (id INT PRIMARY KEY, email VARCHAR(400), note VARCHAR(400))");
    }
  }

  private static List<Integer> ids(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      List<Integer> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getInt(1));
        }
      }
      return ids;
    }
  }

  private static List<Integer> literalIds(Connection c, String sql) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }

  private static boolean isCiphertext(String stored) {
    try {
      return Base64.getDecoder().decode(stored)[0] == 1;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Test
  void whileEncryptingPlaintextAndCiphertextRowsAreFoundAndWritesStoreCiphertext() throws Exception {
    try (Connection plain = db.plain(); Statement s = plain.createStatement()) {
      s.executeUpdate("INSERT INTO people VALUES (1, 'old@example.com', 'old note'), (2, 'other@example.com', 'o')");
    }
    try (Connection c = db.aegis("encrypting.yml")) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO people (id, email, note) VALUES (?, ?, ?)")) {
        ps.setInt(1, 3);
        ps.setString(2, "new@example.com");
        ps.setString(3, "new note");
        ps.executeUpdate();
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO people (id, email, note) VALUES (4, 'literal@example.com', 'lit')");
        s.executeUpdate("UPDATE people SET email = 'moved@example.com' WHERE email = 'other@example.com'");
      }

      assertThat(ids(c, "SELECT id FROM people WHERE email = ?", "old@example.com")).containsExactly(1);
      assertThat(ids(c, "SELECT id FROM people WHERE email = ?", "new@example.com")).containsExactly(3);
      assertThat(ids(c, "SELECT id FROM people WHERE email IN (?, ?) ORDER BY id", "old@example.com",
          "literal@example.com")).containsExactly(1, 4);
      assertThat(ids(c, "SELECT id FROM people WHERE email <> ? ORDER BY id", "old@example.com"))
          .containsExactly(2, 3, 4);
      assertThat(literalIds(c, "SELECT id FROM people WHERE email = 'old@example.com'")).containsExactly(1);
      assertThat(literalIds(c, "SELECT id FROM people WHERE email = 'moved@example.com'")).containsExactly(2);
      assertThat(literalIds(c, "SELECT id FROM people WHERE email NOT IN ('old@example.com', 'new@example.com')"
          + " ORDER BY id")).containsExactly(2, 4);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT email, note FROM people ORDER BY id")) {
        List<String> read = new ArrayList<>();
        while (rs.next()) {
          read.add(rs.getString(1) + "/" + rs.getString(2));
        }
        assertThat(read).containsExactly("old@example.com/old note", "moved@example.com/o",
            "new@example.com/new note", "literal@example.com/lit");
      }
    }
    List<String> emails = db.raw("people", "email");
    assertThat(emails.get(0)).as("not migrated yet").isEqualTo("old@example.com");
    assertThat(emails.subList(1, 4)).as("written through Aegis").allMatch(ColumnMigrationIT::isCiphertext)
        .noneMatch(v -> v.contains("example"));
    assertThat(db.raw("people", "note").subList(2, 4)).allMatch(ColumnMigrationIT::isCiphertext);
  }

  @Test
  void whileDecryptingWritesStorePlaintextAndBothFormsAreFound() throws Exception {
    try (Connection c = db.aegis("normal.yml")) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO leavers (id, email, note) VALUES (?, ?, ?)")) {
        ps.setInt(1, 1);
        ps.setString(2, "sealed@example.com");
        ps.setString(3, "sealed note");
        ps.executeUpdate();
      }
    }
    assertThat(isCiphertext(db.raw("leavers", "email").get(0))).isTrue();

    try (Connection c = db.aegis("decrypting.yml")) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO leavers (id, email, note) VALUES (?, ?, ?)")) {
        ps.setInt(1, 2);
        ps.setString(2, "open@example.com");
        ps.setString(3, "open note");
        ps.executeUpdate();
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO leavers (id, email, note) VALUES (3, 'it''s@example.com', 'lit')");
      }

      assertThat(ids(c, "SELECT id FROM leavers WHERE email = ?", "sealed@example.com")).containsExactly(1);
      assertThat(ids(c, "SELECT id FROM leavers WHERE email = ?", "open@example.com")).containsExactly(2);
      assertThat(literalIds(c, "SELECT id FROM leavers WHERE email = 'it''s@example.com'")).containsExactly(3);
      assertThat(literalIds(c, "SELECT id FROM leavers WHERE email <=> 'sealed@example.com'")).containsExactly(1);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT email, note FROM leavers ORDER BY id")) {
        List<String> read = new ArrayList<>();
        while (rs.next()) {
          read.add(rs.getString(1) + "/" + rs.getString(2));
        }
        assertThat(read).containsExactly("sealed@example.com/sealed note", "open@example.com/open note",
            "it's@example.com/lit");
      }
    }
    assertThat(db.raw("leavers", "email").subList(1, 3)).containsExactly("open@example.com", "it's@example.com");
    assertThat(db.raw("leavers", "note").subList(1, 3)).containsExactly("open note", "lit");
  }
}
