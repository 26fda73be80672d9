package dev.aegis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What every {@code aegis_*} table store shares: whether a table exists in the connection's database, and
 * UTC times as {@code DATETIME(3)} text. Times travel as text because Connector/J drops the fraction of a
 * {@code LocalDateTime} for servers it takes for MySQL 5.5 (MariaDB announces itself as 5.5.5-10.x), and
 * text leaves no session time zone in between.
 */
public final class AegisTables {
  private static final String EXISTS = "SELECT COUNT(*) FROM information_schema.TABLES"
      + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?";
  private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

  private AegisTables() {}

  /** Whether {@code table} exists in the database {@code connection} uses. */
  public static boolean exists(Connection connection, String table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(EXISTS)) {
      query.setString(1, table);
      try (ResultSet count = query.executeQuery()) {
        return count.next() && count.getInt(1) > 0;
      }
    }
  }

  /** {@code time} as UTC {@code DATETIME(3)} text, or null. */
  public static String utc(Instant time) {
    return time == null ? null : UTC_MILLIS.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC));
  }

  /** The instant behind UTC {@code DATETIME(3)} text as the server writes it, or null. */
  public static Instant utc(String text) {
    // The server writes 'yyyy-MM-dd HH:mm:ss.SSS'; ISO-8601 wants the T.
    return text == null ? null : LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
  }
}
