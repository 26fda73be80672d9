package dev.aegis.response;

import dev.aegis.keys.ConnectionSource;
import dev.aegis.store.AegisTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocks in the table {@code aegis_blocks} of the application's database, shared by every instance whose
 * response store is {@code jdbc}. Times are UTC in {@code DATETIME(3)} columns and travel as text, so that no
 * time-zone setting of the driver or the server shifts them; every time compared is this instance's, never
 * the server's clock. Each call opens its own connection from the {@link ConnectionSource} and closes it.
 */
public final class JdbcBlockStore implements BlockStore {
  static final String TABLE = "aegis_blocks";
  private static final Logger LOG = LoggerFactory.getLogger(JdbcBlockStore.class);
  // UNTIL is a reserved word in MySQL and MariaDB, hence the quotes wherever the column is named. utf8mb4_bin:
  // subjects are compared byte for byte, as the in-memory maps compare them.
  private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
      + "kind VARCHAR(16) CHARACTER SET ascii NOT NULL, "
      + "subject VARCHAR(" + Block.SUBJECT_LENGTH + ") CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, "
      + "`until` DATETIME(3) NOT NULL, "
      + "reason VARCHAR(" + Block.REASON_LENGTH + ") CHARACTER SET utf8mb4 NOT NULL, "
      + "created_at DATETIME(3) NOT NULL, "
      + "created_by VARCHAR(" + Block.SUBJECT_LENGTH + ") CHARACTER SET utf8mb4 NOT NULL, "
      + "PRIMARY KEY (kind, subject), KEY " + TABLE + "_until (`until`))";
  private static final String SELECT = "SELECT kind, subject, `until`, reason, created_at, created_by FROM " + TABLE
      + " WHERE `until` > CAST(? AS DATETIME(3)) ORDER BY `until` DESC LIMIT ?";
  // Assignments apply left to right, each seeing the ones before: the row's own end is compared before it
  // moves. Bound values stand in for VALUES(), deprecated in MySQL 8.0.20.
  private static final String UPSERT = "INSERT INTO " + TABLE
      + " (kind, subject, `until`, reason, created_at, created_by) VALUES (?, ?, CAST(? AS DATETIME(3)), ?,"
      + " CAST(? AS DATETIME(3)), ?) ON DUPLICATE KEY UPDATE"
      + " reason = IF(CAST(? AS DATETIME(3)) > `until`, ?, reason),"
      + " created_at = IF(CAST(? AS DATETIME(3)) > `until`, CAST(? AS DATETIME(3)), created_at),"
      + " created_by = IF(CAST(? AS DATETIME(3)) > `until`, ?, created_by),"
      + " `until` = GREATEST(`until`, CAST(? AS DATETIME(3)))";
  private static final String DELETE = "DELETE FROM " + TABLE + " WHERE kind = ? AND subject = ?";
  private static final String EXPIRE = "DELETE FROM " + TABLE + " WHERE `until` <= CAST(? AS DATETIME(3))";

  private final ConnectionSource connections;

  /** @param connections plain connections to the application's database; the store closes each one */
  public JdbcBlockStore(ConnectionSource connections) {
    this.connections = connections;
  }

  @Override
  public void create() throws SQLException {
    try (Connection connection = connections.open(); Statement create = connection.createStatement()) {
      create.execute(CREATE);
    }
  }

  @Override
  public boolean exists() throws SQLException {
    try (Connection connection = connections.open()) {
      return AegisTables.exists(connection, TABLE);
    }
  }

  @Override
  public List<Block> load(Instant now, int limit) throws SQLException {
    List<Block> blocks = new ArrayList<>();
    try (Connection connection = connections.open();
        PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setString(1, AegisTables.utc(now));
      select.setInt(2, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          BlockKind kind = BlockKind.of(rows.getString(1));
          if (kind == null) {
            // A row written by hand with another kind: honouring it as something else would be a guess.
            LOG.warn("Aegis response: a row of {} has kind '{}', neither principal nor address; it is ignored",
                TABLE, rows.getString(1));
            continue;
          }
          blocks.add(new Block(kind, rows.getString(2), AegisTables.utc(rows.getString(3)), rows.getString(4),
              AegisTables.utc(rows.getString(5)), rows.getString(6)));
        }
      }
    }
    return blocks;
  }

  @Override
  public void put(Block block) throws SQLException {
    String until = AegisTables.utc(block.until());
    String created = AegisTables.utc(block.createdAt());
    try (Connection connection = connections.open();
        PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
      upsert.setString(1, block.kind().tag());
      upsert.setString(2, block.subject());
      upsert.setString(3, until);
      upsert.setString(4, block.reason());
      upsert.setString(5, created);
      upsert.setString(6, block.createdBy());
      upsert.setString(7, until);
      upsert.setString(8, block.reason());
      upsert.setString(9, until);
      upsert.setString(10, created);
      upsert.setString(11, until);
      upsert.setString(12, block.createdBy());
      upsert.setString(13, until);
      upsert.executeUpdate();
    }
  }

  @Override
  public int remove(BlockKind kind, String subject) throws SQLException {
    try (Connection connection = connections.open();
        PreparedStatement delete = connection.prepareStatement(DELETE)) {
      delete.setString(1, kind.tag());
      delete.setString(2, subject);
      return delete.executeUpdate();
    }
  }

  @Override
  public int removeExpired(Instant now) throws SQLException {
    try (Connection connection = connections.open();
        PreparedStatement delete = connection.prepareStatement(EXPIRE)) {
      delete.setString(1, AegisTables.utc(now));
      return delete.executeUpdate();
    }
  }

  @Override
  public String describe() {
    return "table " + TABLE;
  }

  @Override
  public String toString() {
    return "JdbcBlockStore(" + TABLE + ")";
  }

}
