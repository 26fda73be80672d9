package dev.aegis.encrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.error.AegisCryptoException;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens when someone with access to the database moves ciphertext around: swapped within a domain it
 * still decrypts (the values are legitimately that column's), moved to another column or altered it fails
 * with ZA200 and is never returned. Also half-migrated tables: plaintext reads as such, counted, unless strict.
 */
class CiphertextIntegrityIT {
  private static EncryptedDatabase db;
  private static SimpleMeterRegistry meters;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    db = new EncryptedDatabase(dir, "integrity");
    meters = new SimpleMeterRegistry();
    Metrics.addRegistry(meters);
  }

  @AfterAll
  static void stop() {
    Metrics.removeRegistry(meters);
  }

  @BeforeEach
  void rows() throws Exception {
    db.createTables();
    try (Connection c = db.aegis(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO customers (id, email, phone) VALUES (1, 'ada@example.com', 'p1'),"
          + " (2, 'alan@example.com', 'p2')");
    }
  }

  private static void plainUpdate(String sql, String... values) throws SQLException {
    try (Connection c = db.plain(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setString(i + 1, values[i]);
      }
      ps.executeUpdate();
    }
  }

  private static String read(String column, int id) throws SQLException {
    try (Connection c = db.aegis(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + column + " FROM customers WHERE id = " + id)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void swappingCiphertextsWithinOneDeterministicColumnStillDecrypts() throws Exception {
    long decrypted = meters.get("aegis.encryption.values").tag("operation", "decrypt").timer().count();
    List<String> emails = db.raw("customers", "email");
    plainUpdate("UPDATE customers SET email = NULL WHERE id = 1");
    plainUpdate("UPDATE customers SET email = ? WHERE id = 2", emails.get(0));
    plainUpdate("UPDATE customers SET email = ? WHERE id = 1", emails.get(1));
    assertThat(read("email", 1)).isEqualTo("alan@example.com");
    assertThat(read("email", 2)).isEqualTo("ada@example.com");
    assertThat(meters.get("aegis.encryption.values").tag("operation", "decrypt").timer().count() - decrypted)
        .as("values decrypted, counted and timed").isEqualTo(2);
    assertThat(meters.get("aegis.encryption.values").tag("operation", "encrypt").timer().count())
        .as("the rows written in set-up").isPositive();
  }

  @Test
  void aCiphertextMovedToAnotherColumnFailsWithZa200() throws Exception {
    plainUpdate("UPDATE customers SET phone = ? WHERE id = 1", db.raw("customers", "email").get(0));
    assertThatThrownBy(() -> read("phone", 1))
        .isInstanceOf(AegisCryptoException.class)
        .hasMessageContaining("another column domain")
        .hasMessageNotContaining("ada")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("ZA200"));
  }

  @Test
  void aFlippedByteFailsWithZa200() throws Exception {
    byte[] stored = Base64.getDecoder().decode(db.raw("customers", "phone").get(1));
    stored[stored.length - 3] ^= 0x01;
    plainUpdate("UPDATE customers SET phone = ? WHERE id = 2", Base64.getEncoder().encodeToString(stored));
    assertThatThrownBy(() -> read("phone", 2))
        .isInstanceOf(AegisCryptoException.class)
        .hasMessageContaining("does not authenticate")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("ZA200"));
    // The tampered row does not hide the others.
    assertThat(read("phone", 1)).isEqualTo("p1");
  }

  @Test
  void plaintextOfAHalfMigratedTableReadsAsPlaintextAndIsCounted() throws Exception {
    plainUpdate("INSERT INTO customers (id, email, phone) VALUES (3, ?, ?)", "legacy@example.com", "legacy-phone");
    double before = meters.get("aegis.encryption.plaintext.reads").counter().count();
    assertThat(read("phone", 3)).isEqualTo("legacy-phone");
    double after = meters.get("aegis.encryption.plaintext.reads").counter().count();
    assertThat(after - before).isEqualTo(1.0);
  }

  @Test
  void aStrictColumnRefusesPlaintext() throws Exception {
    db.config("strict.yml", EncryptedDatabase.COLUMNS.replace("customers.phone:      { mode: randomized, key: pii }",
        "customers.phone:      { mode: randomized, key: pii, strict: true }"));
    plainUpdate("INSERT INTO customers (id, phone) VALUES (3, ?)", "legacy-phone");
    try (Connection c = db.aegis("strict.yml"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT phone FROM customers WHERE id = 3")) {
      rs.next();
      assertThatThrownBy(() -> rs.getString(1))
          .isInstanceOf(AegisCryptoException.class)
          .hasMessageContaining("strict")
          .hasMessageNotContaining("legacy");
    }
  }

  @Test
  void ciphertextCopiedIntoAPlainColumnIsStillNeverReturnedAsData() throws Exception {
    // name is not encrypted, but a ciphertext copied there still carries its domain tag.
    plainUpdate("UPDATE customers SET name = ? WHERE id = 1", db.raw("customers", "email").get(0));
    assertThat(read("name", 1)).isEqualTo("ada@example.com");
  }
}
