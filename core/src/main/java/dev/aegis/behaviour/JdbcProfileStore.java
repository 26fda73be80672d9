package dev.aegis.behaviour;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.keys.ConnectionSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profiles in the {@code aegis_profiles} table of the application's database (one JSON row per principal),
 * shared by every instance of a fleet: what one instance learned, the others load at their first connect.
 * Uses connections it opens itself, never the application's.
 */
public final class JdbcProfileStore implements ProfileStore {
  static final String TABLE = "aegis_profiles";
  private static final Logger LOG = LoggerFactory.getLogger(JdbcProfileStore.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final ConnectionSource connections;
  private final AtomicBoolean warned = new AtomicBoolean();

  public JdbcProfileStore(ConnectionSource connections) {
    this.connections = connections;
  }

  @Override
  public Map<String, Profile> load() {
    Map<String, Profile> profiles = new HashMap<>();
    try (Connection c = connections.open()) {
      create(c);
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT principal, profile FROM "
          + TABLE)) {
        while (rs.next()) {
          profiles.put(rs.getString(1), JSON.readValue(rs.getString(2), Profile.class));
        }
      }
    } catch (SQLException | JsonProcessingException e) {
      warn("read", e);
    }
    return profiles;
  }

  @Override
  public void save(Map<String, Profile> profiles) {
    try (Connection c = connections.open()) {
      create(c);
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (principal, profile) VALUES (?, ?)"
          + " ON DUPLICATE KEY UPDATE profile = ?")) {
        for (Map.Entry<String, Profile> entry : profiles.entrySet()) {
          String json = JSON.writeValueAsString(entry.getValue());
          ps.setString(1, entry.getKey());
          ps.setString(2, json);
          ps.setString(3, json);
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException | JsonProcessingException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException | JsonProcessingException e) {
      warn("write", e);
    }
  }

  private static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (principal VARCHAR(255) CHARACTER SET utf8mb4"
          + " COLLATE utf8mb4_bin NOT NULL PRIMARY KEY, profile MEDIUMTEXT NOT NULL, updated_at TIMESTAMP(3)"
          + " NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3))");
    }
  }

  /** Once per store: profiles stay in memory, and the statement that learned them goes on. */
  private void warn(String what, Exception e) {
    if (warned.compareAndSet(false, true)) {
      LOG.warn("Aegis could not {} behaviour profiles in table {} ({}); they stay in memory", what, TABLE,
          e.getClass().getSimpleName());
    }
  }
}
