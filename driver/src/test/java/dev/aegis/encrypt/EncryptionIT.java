package dev.aegis.encrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column encryption through the driver, against the real server: writes, reads, searches and what is stored. */
class EncryptionIT {
  private static EncryptedDatabase db;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    db = new EncryptedDatabase(dir, "encrypt");
  }

  @BeforeEach
  void clean() throws SQLException {
    db.createTables();
  }

  private static void insertCustomer(Connection c, int id, String name, String email, String phone)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO customers (id, name, email, phone, born, score) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, id);
      ps.setString(2, name);
      ps.setString(3, email);
      ps.setString(4, phone);
      ps.setObject(5, LocalDate.of(1990, 1, id % 28 + 1));
      ps.setInt(6, id * 10);
      ps.executeUpdate();
    }
  }

  private static String emailOf(Connection c, int id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT email FROM customers WHERE id = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Test
  void preparedWritesAreStoredAsCiphertextAndReadBackAsPlaintext() throws Exception {
    try (Connection c = db.aegis()) {
      insertCustomer(c, 1, "Ada", "ada@example.com", "+44 20 7946 0001");
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id, name, email, phone, born, score FROM customers")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("email")).isEqualTo("ada@example.com");
        assertThat(rs.getString(4)).isEqualTo("+44 20 7946 0001");
        assertThat(rs.getObject("born")).isEqualTo(java.sql.Date.valueOf("1990-01-02"));
        assertThat(rs.getObject("born", LocalDate.class)).isEqualTo(LocalDate.of(1990, 1, 2));
        assertThat(rs.getInt("score")).isEqualTo(10);
        assertThat(rs.getObject("score")).isEqualTo(10L);
        assertThat(rs.getString("name")).isEqualTo("Ada");
        assertThat(rs.getMetaData().getColumnType(6)).isEqualTo(Types.BIGINT);
        assertThat(rs.getMetaData().getColumnType(5)).isEqualTo(Types.DATE);
      }
    }
    String stored = db.raw("customers", "email").get(0);
    assertThat(stored).isNotEqualTo("ada@example.com").doesNotContain("ada");
    assertThat(Base64.getDecoder().decode(stored)[0]).isEqualTo((byte) 1);
    assertThat(db.raw("customers", "phone").get(0)).doesNotContain("7946");
    assertThat(db.raw("customers", "name").get(0)).isEqualTo("Ada");
  }

  @Test
  void literalsInPlainStatementsAreEncrypted() throws Exception {
    try (Connection c = db.aegis(); Statement s = c.createStatement()) {
      int rows = s.executeUpdate("INSERT INTO customers (id, name, email, phone) VALUES"
          + " (1, 'Ada', 'ada@example.com', '555-0001'), (2, 'Alan', 'alan@example.com', '555-0002')");
      assertThat(rows).isEqualTo(2);
      s.executeUpdate("UPDATE customers SET phone = '555-9999' WHERE email = 'alan@example.com'");
      try (ResultSet rs = s.executeQuery("SELECT phone FROM customers WHERE email = 'alan@example.com'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("555-9999");
      }
      try (ResultSet rs = s.executeQuery(
          "SELECT name FROM customers WHERE email IN ('ada@example.com', 'nobody@example.com')")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("Ada");
        assertThat(rs.next()).isFalse();
      }
    }
    assertThat(db.raw("customers", "email")).noneMatch(v -> v.contains("example"));
    assertThat(db.raw("customers", "phone")).noneMatch(v -> v.contains("555"));
  }

  @Test
  void deterministicEqualityInAndNullSafeEqualityFindRows() throws Exception {
    try (Connection c = db.aegis()) {
      insertCustomer(c, 1, "Ada", "ada@example.com", "1");
      insertCustomer(c, 2, "Alan", "alan@example.com", "2");
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM customers WHERE email <=> ?")) {
        ps.setString(1, "alan@example.com");
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(2);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*) FROM customers WHERE email IN (?, ?, ?) AND score = ?")) {
        ps.setString(1, "ada@example.com");
        ps.setString(2, "alan@example.com");
        ps.setString(3, "grace@example.com");
        ps.setLong(4, 10);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(1);
        }
      }
      // A string column's value converts as the server would: the number 20 and the literal '20' match.
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT id FROM customers WHERE score = '20'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }
  }

  @Test
  void uniqueIndexOnDeterministicColumnStillRejectsDuplicates() throws Exception {
    try (Connection c = db.aegis()) {
      insertCustomer(c, 1, "Ada", "ada@example.com", "1");
      assertThatThrownBy(() -> insertCustomer(c, 2, "Impostor", "ada@example.com", "2"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23000"));
    }
  }

  @Test
  void binaryColumnsStoreBytesAndDecimalsKeepTheirType() throws Exception {
    byte[] card = "4111111111111111".getBytes(StandardCharsets.US_ASCII);
    try (Connection c = db.aegis()) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO payments (customer_id, card_number, amount) VALUES (?, ?, ?)")) {
        ps.setInt(1, 1);
        ps.setString(2, "4111111111111111");
        ps.setBigDecimal(3, new BigDecimal("12.50"));
        ps.executeUpdate();
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT card_number, amount FROM payments")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("4111111111111111");
        assertThat(rs.getBytes(1)).isEqualTo(card);
        assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("12.5");
        assertThat(rs.getDouble(2)).isEqualTo(12.5);
      }
    }
    try (Connection c = db.plain(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT card_number FROM payments")) {
      rs.next();
      byte[] stored = rs.getBytes(1);
      assertThat(stored[0]).isEqualTo((byte) 1);
      assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("4111");
    }
  }

  @Test
  void batchesAreEncryptedWithAndWithoutRewriting() throws Exception {
    for (String rewrite : List.of("rewriteBatchedStatements=true", "rewriteBatchedStatements=false")) {
      db.createTables();
      try (Connection c = db.aegis("aegis.yml", rewrite)) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers (id, email, phone) VALUES (?, ?, ?)")) {
          for (int i = 1; i <= 50; i++) {
            ps.setInt(1, i);
            ps.setString(2, "user" + i + "@example.com");
            ps.setString(3, "phone-" + i);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        try (Statement s = c.createStatement()) {
          s.addBatch("INSERT INTO customers (id, email) VALUES (100, 'hundred@example.com')");
          s.addBatch("UPDATE customers SET phone = 'changed' WHERE email = 'user7@example.com'");
          s.executeBatch();
        }
        assertThat(emailOf(c, 42)).isEqualTo("user42@example.com");
        assertThat(emailOf(c, 100)).isEqualTo("hundred@example.com");
        try (PreparedStatement ps = c.prepareStatement("SELECT phone FROM customers WHERE id = 7");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("changed");
        }
      }
      assertThat(db.raw("customers", "email")).hasSize(51).noneMatch(v -> v.contains("example"));
      assertThat(db.raw("customers", "phone")).noneMatch(v -> v != null && v.contains("phone"));
    }
  }

  @Test
  void upsertAndReplaceEncryptBothParts() throws Exception {
    try (Connection c = db.aegis(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO customers (id, email, phone) VALUES (1, 'a@example.com', 'p1')");
      s.executeUpdate("INSERT INTO customers (id, email, phone) VALUES (1, 'a@example.com', 'p2')"
          + " ON DUPLICATE KEY UPDATE phone = 'p3'");
      s.executeUpdate("REPLACE INTO customers (id, email, phone) VALUES (2, 'b@example.com', 'p4')");
      try (ResultSet rs = s.executeQuery("SELECT phone FROM customers ORDER BY id")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("p3");
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("p4");
      }
    }
    assertThat(db.raw("customers", "phone")).noneMatch(v -> v.startsWith("p"));
  }

  @Test
  void updatableResultSetsEncryptUpdatesAndInserts() throws Exception {
    try (Connection c = db.aegis()) {
      insertCustomer(c, 1, "Ada", "ada@example.com", "old");
      try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
          ResultSet rs = s.executeQuery("SELECT id, email, phone FROM customers")) {
        rs.next();
        rs.updateString("phone", "new-phone");
        rs.updateRow();
        rs.moveToInsertRow();
        rs.updateInt("id", 2);
        rs.updateString("email", "grace@example.com");
        rs.updateString("phone", "inserted");
        rs.insertRow();
      }
      assertThat(emailOf(c, 2)).isEqualTo("grace@example.com");
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT phone FROM customers ORDER BY id")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("new-phone");
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("inserted");
      }
    }
    assertThat(db.raw("customers", "phone")).noneMatch(v -> v.contains("phone") || v.contains("inserted"));
    assertThat(db.raw("customers", "email")).noneMatch(v -> v.contains("grace"));
  }

  @Test
  void aliasesJoinsStarUnionsAndDerivedTablesAreDecrypted() throws Exception {
    try (Connection c = db.aegis(); Statement s = c.createStatement()) {
      insertCustomer(c, 1, "Ada", "ada@example.com", "111");
      s.executeUpdate("INSERT INTO payments (customer_id, card_number) VALUES (1, '4000')");
      s.executeUpdate("INSERT INTO leads (id, contact) VALUES (1, 'lead@example.com')");
      List<String> seen = new ArrayList<>();
      for (String sql : List.of(
          "SELECT c.email AS e FROM customers c",
          "SELECT * FROM customers",
          "SELECT c.email FROM customers c JOIN payments p ON p.customer_id = c.id",
          "SELECT email FROM customers UNION SELECT contact FROM leads",
          "SELECT t.x FROM (SELECT email AS x FROM customers) t",
          "WITH w AS (SELECT email FROM customers) SELECT email FROM w")) {
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            seen.add(rs.getString(sql.startsWith("SELECT *") ? 3 : 1));
          }
        }
      }
      assertThat(seen).containsExactlyInAnyOrder("ada@example.com", "ada@example.com", "ada@example.com",
          "ada@example.com", "lead@example.com", "ada@example.com", "ada@example.com");
      try (ResultSet rs = s.executeQuery("SELECT p.card_number, c.phone FROM payments p JOIN customers c"
          + " ON c.id = p.customer_id")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("4000");
        assertThat(rs.getString(2)).isEqualTo("111");
      }
    }
  }

  @Test
  void nullStaysNull() throws Exception {
    try (Connection c = db.aegis()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers (id, email, phone) VALUES (?, ?, ?)")) {
        ps.setInt(1, 1);
        ps.setNull(2, Types.VARCHAR);
        ps.setString(3, null);
        ps.executeUpdate();
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT email, phone, score FROM customers")) {
        rs.next();
        assertThat(rs.getString(1)).isNull();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getObject(2)).isNull();
        assertThat(rs.getInt(3)).isZero();
        assertThat(rs.wasNull()).isTrue();
      }
    }
    assertThat(db.raw("customers", "email")).containsExactly((String) null);
  }
}
