package dev.aegis.encrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.error.AegisEncryptionException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every use of an encrypted column that cannot be done on ciphertext is refused with ZA300, naming the
 * table, the column and the operation — and the server never receives the statement, which its own
 * {@code Questions} counter proves.
 */
class EncryptionRefusalIT {
  private static EncryptedDatabase db;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    db = new EncryptedDatabase(dir, "refuse");
    try (Connection c = db.aegis(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO customers (id, name, email, phone) VALUES (1, 'Ada', 'ada@example.com', '1')");
    }
  }

  /** Statements the server receives on this connection so far (SHOW STATUS itself counts one). */
  private static long questions(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  private static void assertRefused(String sql, boolean prepared, String... named) throws Exception {
    try (Connection c = db.aegis()) {
      long before = questions(c);
      assertThatThrownBy(() -> {
        if (prepared) {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "x");
            ps.execute();
          }
        } else {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
        }
      }).isInstanceOf(AegisEncryptionException.class)
          .hasMessageContainingAll(named)
          .hasMessageContaining("Nothing was sent")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("ZA300"));
      assertThat(questions(c) - before).as("statements the server received besides SHOW STATUS").isEqualTo(1);
    }
    assertThat(db.count("customers")).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id FROM customers WHERE email LIKE ?|customers.email|LIKE",
      "SELECT id FROM customers WHERE email > ?|customers.email|range",
      "DELETE FROM customers WHERE email BETWEEN ? AND 'z'|customers.email|range",
      "SELECT id FROM customers WHERE phone = ?|customers.phone|equality|deterministic",
      "SELECT id FROM customers WHERE phone IN (?, 'b')|customers.phone|IN",
      "SELECT id FROM customers WHERE LOWER(email) = ?|customers.email|function",
      "UPDATE customers SET phone = CONCAT(?, '1') WHERE id = 1|customers.phone|expression",
      "DELETE FROM payments WHERE card_number REGEXP ?|payments.card_number|REGEXP",
  })
  void preparedUsesThatCiphertextCannotServeAreRefused(String spec) throws Exception {
    String[] parts = spec.split("\\|");
    String[] named = java.util.Arrays.copyOfRange(parts, 1, parts.length);
    assertRefused(parts[0], true, named);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT c.name FROM customers c JOIN leads l ON l.contact = c.email",
      "SELECT COUNT(email), COUNT(DISTINCT email) FROM customers",
      "SELECT email, COUNT(*) FROM customers GROUP BY email",
      "SELECT DISTINCT email FROM customers",
      "INSERT INTO leads (id, contact) SELECT id + 100, email FROM customers",
      "UPDATE customers SET email = email WHERE id = 1",
      "SELECT id FROM customers WHERE email IS NOT NULL ORDER BY id",
  })
  void usesThatCiphertextServesAreAllowed(String sql) throws Exception {
    try (Connection c = db.aegis(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DELETE FROM customers WHERE email LIKE 'ada%'|customers.email|LIKE",
      "UPDATE customers SET name = 'x' WHERE phone = '1'|customers.phone|equality",
      "INSERT INTO customers VALUES (2, 'Bob', 'bob@example.com', '2', NULL, NULL)|customers|column list",
      "LOAD DATA LOCAL INFILE '/tmp/none.csv' INTO TABLE customers|customers|LOAD DATA",
      "INSERT INTO customers (id, email) VALUES (2, 'b@example.com') RETURNING id|customers|cannot analyse",
      "SELECT id FROM customers ORDER BY email|customers.email|ORDER BY",
      "SELECT MIN(email) FROM customers|customers.email|function MIN",
      "SELECT UPPER(phone) AS p FROM customers|customers.phone|function UPPER",
      "SELECT id FROM customers WHERE email = phone|customers.email|comparison =",
      "SELECT c.id FROM customers c JOIN payments p ON p.card_number = c.email|payments.card_number",
      "SELECT id FROM customers WHERE email = score|customers.email|different domains",
      "SELECT c.id FROM customers c JOIN leads l ON l.source = c.email|non-encrypted column",
      "SELECT phone, COUNT(*) FROM customers GROUP BY phone|customers.phone|GROUP BY",
      "INSERT INTO leads (id, contact) SELECT id, name FROM customers|leads.contact|non-encrypted column name",
      "INSERT INTO leads (id, source) SELECT id, email FROM customers|copies encrypted column customers.email",
      "UPDATE customers SET email = name WHERE id = 1|customers.email|non-encrypted column name",
      "INSERT INTO leads SELECT id, email, name FROM customers|every column of table",
  })
  void textStatementsThatCiphertextCannotServeAreRefused(String spec) throws Exception {
    String[] parts = spec.split("\\|");
    String[] named = java.util.Arrays.copyOfRange(parts, 1, parts.length);
    assertRefused(parts[0], false, named);
  }
}
