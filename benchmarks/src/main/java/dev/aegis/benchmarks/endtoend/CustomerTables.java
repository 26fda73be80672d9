package dev.aegis.benchmarks.endtoend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The schema every arm gets in a database of its own, identical for all of them, and the rows they hold.
 * {@code customers} is read; {@code new_customers}, of the same structure, takes the inserts and is emptied
 * before each iteration so that a long run does not make it ever larger. {@code email} and {@code phone}
 * are the encrypted columns in the Aegis and ShardingSphere arms, plain in the raw one; wide enough for
 * either ciphertext of the values below.
 */
final class CustomerTables {
  static final String READ_TABLE = "customers";
  static final String INSERT_TABLE = "new_customers";
  /** Rows in {@code customers}: ids 1 to SEEDED_ROWS. */
  static final int SEEDED_ROWS = 10_000;
  static final int RANGE_ROWS = 10;
  static final int BATCH_ROWS = 100;

  // The statements each workload sends: the same text through every arm.
  static final String PK_LOOKUP = "SELECT name, email, phone FROM customers WHERE id = ?";
  static final String RANGE_READ = "SELECT id, name, email, phone FROM customers WHERE id BETWEEN ? AND ? ORDER BY id";
  static final String EMAIL_LOOKUP = "SELECT id, name, phone FROM customers WHERE email = ?";
  static final String INSERT = "INSERT INTO new_customers (name, email, phone) VALUES (?, ?, ?)";
  static final String SEED = "INSERT INTO customers (name, email, phone) VALUES (?, ?, ?)";

  private CustomerTables() {}

  /** (Re)creates {@code database} with both tables, through a plain connection to the server. */
  static void create(Connection plain, String database) throws SQLException {
    try (Statement s = plain.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
      s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
      for (String table : new String[] {READ_TABLE, INSERT_TABLE}) {
        s.execute("CREATE TABLE " + database + "." + table + " (id INT PRIMARY KEY AUTO_INCREMENT,"
            + " name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL, phone VARCHAR(200), KEY (email))"
            + " ENGINE=InnoDB");
      }
    }
  }

  /** Fills {@code customers} with rows 1 to SEEDED_ROWS through {@code connection} (an arm's: it encrypts). */
  static void seed(Connection connection) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(SEED)) {
      for (int n = 1; n <= SEEDED_ROWS; n++) {
        insert.setString(1, name(n));
        insert.setString(2, email(n));
        insert.setString(3, phone(n));
        insert.addBatch();
        if (n % 500 == 0 || n == SEEDED_ROWS) {
          insert.executeBatch();
        }
      }
    }
  }

  /** Empties {@code new_customers} (and restarts its ids), through a plain connection. */
  static void emptyInsertTable(Connection plain, String database) throws SQLException {
    try (Statement s = plain.createStatement()) {
      s.execute("TRUNCATE TABLE " + database + "." + INSERT_TABLE);
    }
  }

  // Row n's values: seeded row n has id n. Inserted rows use numbers far above the seeded ones.
  static String name(long n) {
    return "Customer " + n;
  }

  static String email(long n) {
    return "customer" + n + "@example.com";
  }

  static String phone(long n) {
    return "+44 20 " + (10_000_000 + n % 90_000_000);
  }
}
