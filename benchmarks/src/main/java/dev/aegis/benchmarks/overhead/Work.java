package dev.aegis.benchmarks.overhead;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JDBC calls of one operation, the same for every arm. Each comes twice: the measured form, which hands
 * what it reads to a {@link Blackhole}, and the checking form the set-ups run, which returns it. They are
 * separate methods on purpose: the set-ups run other arms' connections through the checking forms only, so
 * the measured form's call sites see one arm's classes, as in an application.
 */
final class Work {
  private Work() {}

  /** Prepare the lookup, bind the key, execute, read the row's three columns, close both. */
  static void lookup(Connection connection, Blackhole bh) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(Customers.LOOKUP)) {
      statement.setInt(1, Customers.ID);
      try (ResultSet rs = statement.executeQuery()) {
        bh.consume(rs.next());
        bh.consume(rs.getInt(1));
        bh.consume(rs.getString(2));
        bh.consume(rs.getString(3));
      }
    }
  }

  static List<Object> lookup(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(Customers.LOOKUP)) {
      statement.setInt(1, Customers.ID);
      try (ResultSet rs = statement.executeQuery()) {
        Check.that(rs.next(), "the lookup returns a row");
        return List.of(rs.getInt(1), rs.getString(2), rs.getString(3));
      }
    }
  }

  /** The lookup with its key inlined into {@code sql}: create a statement, execute, read, close both. */
  static void inlined(Connection connection, String sql, Blackhole bh) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      bh.consume(rs.next());
      bh.consume(rs.getInt(1));
      bh.consume(rs.getString(2));
      bh.consume(rs.getString(3));
    }
  }

  static List<Object> inlined(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      Check.that(rs.next(), "the inlined lookup returns a row");
      return List.of(rs.getInt(1), rs.getString(2), rs.getString(3));
    }
  }

  /** Prepare the lookup by e-mail, bind two strings, execute, read the row's two columns, close both. */
  static void lookupByEmail(Connection connection, Blackhole bh) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(Customers.LOOKUP_BY_EMAIL)) {
      statement.setString(1, Customers.EMAIL);
      statement.setString(2, Customers.NATIONAL_ID);
      try (ResultSet rs = statement.executeQuery()) {
        bh.consume(rs.next());
        bh.consume(rs.getString(1));
        bh.consume(rs.getString(2));
      }
    }
  }

  static List<Object> lookupByEmail(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(Customers.LOOKUP_BY_EMAIL)) {
      statement.setString(1, Customers.EMAIL);
      statement.setString(2, Customers.NATIONAL_ID);
      try (ResultSet rs = statement.executeQuery()) {
        Check.that(rs.next(), "the lookup by e-mail returns a row");
        return List.of(rs.getString(1), rs.getString(2));
      }
    }
  }

  /** Prepare the insert, bind e-mail and phone, execute, close: how the encrypted arm's row is made. */
  static void insert(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(Customers.INSERT)) {
      statement.setString(1, Customers.EMAIL);
      statement.setString(2, Customers.PHONE);
      statement.executeUpdate();
    }
  }
}
