package dev.aegis.examples;

import dev.aegis.error.AegisEncryptionException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The encryption part of the quickstart: the application writes and reads plaintext through Aegis, the
 * server holds only ciphertext, a deterministic column is searched by equality, and a LIKE on it is refused.
 */
final class EncryptionTour {
  private EncryptionTour() {}

  static void run(Connection connection, String plainUrl, Properties credentials, PrintStream out)
      throws SQLException {
    String[][] people = {
        {"Ada Lovelace", "ada@example.com", "+44 20 7946 0001", "4111 1111 1111 1111", "120.00"},
        {"Alan Turing", "alan@example.com", "+44 20 7946 0002", "5500 0000 0000 0004", "75.50"},
        {"Grace Hopper", "grace@example.com", "+1 202 555 0173", "3400 0000 0000 009", "19.99"}};
    try (PreparedStatement customer = connection.prepareStatement(
            "INSERT INTO customers (name, email, phone) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
        PreparedStatement payment = connection.prepareStatement(
            "INSERT INTO payments (customer_id, card_number, amount) VALUES (?, ?, ?)")) {
      for (String[] person : people) {
        customer.setString(1, person[0]);
        customer.setString(2, person[1]);
        customer.setString(3, person[2]);
        customer.executeUpdate();
        try (ResultSet key = customer.getGeneratedKeys()) {
          key.next();
          payment.setInt(1, key.getInt(1));
        }
        payment.setString(2, person[3]);
        payment.setBigDecimal(3, new BigDecimal(person[4]));
        payment.addBatch();
      }
      payment.executeBatch();
    }
    out.println("The application inserted 3 customers and their payments in plaintext, through Aegis.");

    String join = "SELECT c.name, c.email, c.phone, p.card_number, p.amount FROM customers c"
        + " JOIN payments p ON p.customer_id = c.id ORDER BY c.id";
    out.println("Read back through Aegis:");
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(join)) {
      while (rs.next()) {
        out.println("  " + rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | "
            + rs.getString(4) + " | " + rs.getBigDecimal(5));
      }
    }
    out.println("The same rows read around Aegis (plain jdbc:mysql://), as the server and its backups hold them:");
    try (Connection plain = DriverManager.getConnection(plainUrl, credentials);
        Statement statement = plain.createStatement(); ResultSet rs = statement.executeQuery(join)) {
      while (rs.next()) {
        out.println("  " + rs.getString(1) + " | " + shorten(rs.getString(2)) + " | " + shorten(rs.getString(3))
            + " | " + shorten(rs.getString(4)) + " | " + shorten(rs.getString(5)));
      }
    }

    try (PreparedStatement find = connection.prepareStatement("SELECT name, phone FROM customers WHERE email = ?")) {
      find.setString(1, "grace@example.com");
      try (ResultSet rs = find.executeQuery()) {
        while (rs.next()) {
          out.println("Equality search on the deterministic email found: " + rs.getString(1) + ", "
              + rs.getString(2));
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT name FROM customers WHERE email LIKE '%@example.com'");
      out.println("LIKE on an encrypted column was NOT refused (unexpected)");
    } catch (AegisEncryptionException e) {
      out.println("LIKE on the encrypted email was refused: SQLState " + e.getSQLState() + ": " + e.getMessage());
    }
  }

  /** Ciphertext is long: its first characters and its length are enough to see it is not the value. */
  private static String shorten(String stored) {
    return stored == null || stored.length() <= 20 ? stored
        : stored.substring(0, 16) + "…(" + stored.length() + " chars)";
  }
}
