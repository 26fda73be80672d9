package dev.aegis.encrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import dev.aegis.config.Location;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.jdbc.ConnectionHooks;
import dev.aegis.keys.KeysetFile;
import dev.aegis.keys.MasterKey;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Equality search while the deterministic keyset has two enabled keys, against the real server: rows are
 * written under the old key and under the new one, and every form of search — plain statements with
 * literals, prepared statements, batches — finds the rows of both (and {@code <>} / {@code NOT IN} exclude
 * both). A statement prepared before the second key was loaded is prepared again when it runs next.
 */
class SearchThroughRotationIT {
  private static EncryptedDatabase db;
  /** The keysets as stored: pii-search has one key, K1. */
  private static Map<String, KeysetHandle> stored;
  /** pii-search with K1 primary and a new key K2 enabled: a rotation's "add" stage. */
  private static Map<String, KeysetHandle> added;
  /** pii-search with K2 primary and K1 enabled: the "promote" stage. */
  private static Map<String, KeysetHandle> promoted;

  private Connection c;
  private EncryptedColumns columns;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    db = new EncryptedDatabase(dir, "rotation");
    MasterKey master = MasterKey.load(Location.parse("file:master.json", EnumSet.allOf(Location.Scheme.class)),
        dir, System::getenv);
    stored = KeysetFile.read(dir.resolve("keysets.json"), master);
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(stored.get("pii-search"));
    builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedDeterministicAeadParameters.AES256_SIV)
        .withRandomId().setStatus(KeyStatus.ENABLED));
    KeysetHandle two = builder.build();
    added = with("pii-search", two);
    KeysetHandle.Builder promote = KeysetHandle.newBuilder(two);
    promote.getAt(1).makePrimary();
    promoted = with("pii-search", promote.build());
  }

  private static Map<String, KeysetHandle> with(String name, KeysetHandle keyset) {
    Map<String, KeysetHandle> all = new HashMap<>(stored);
    all.put(name, keyset);
    return all;
  }

  @BeforeEach
  void connect() throws Exception {
    db.createTables();
    c = db.aegis();
    columns = ConnectionHooks.encryptedColumns(c);
    columns.rekey(stored);
  }

  @AfterEach
  void restore() throws Exception {
    columns.rekey(stored);
    c.close();
  }

  private void insert(int id, String name, String email) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers (id, name, email) VALUES (?, ?, ?)")) {
      ps.setInt(1, id);
      ps.setString(2, name);
      ps.setString(3, email);
      ps.executeUpdate();
    }
  }

  /** Rows 1, 2 under K1 (written before the rotation), 3, 4 under K2 (after the promote), 5 with no e-mail. */
  private void rowsUnderBothKeys() throws Exception {
    insert(1, "one", "u1@example.com");
    insert(2, "two", "u2@example.com");
    columns.rekey(promoted);
    insert(3, "three", "u3@example.com");
    insert(4, "four", "u4@example.com");
    insert(5, "five", null);
    Set<Integer> keyIds = new HashSet<>();
    for (String value : db.raw("customers", "email")) {
      if (value != null) {
        keyIds.add(CiphertextFormat.keyIdOf(CiphertextFormat.fromText(value)));
      }
    }
    assertThat(keyIds).as("rows are stored under two keys").hasSize(2);
  }

  private static List<Integer> ids(ResultSet rs) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    while (rs.next()) {
      ids.add(rs.getInt(1));
    }
    rs.close();
    return ids;
  }

  private List<Integer> query(String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return ids(s.executeQuery(sql));
    }
  }

  private List<Integer> query(String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      return ids(ps.executeQuery());
    }
  }

  @Test
  void plainStatementsWithLiteralsFindRowsUnderEitherKey() throws Exception {
    rowsUnderBothKeys();

    assertThat(query("SELECT id FROM customers WHERE email = 'u1@example.com'")).containsExactly(1);
    assertThat(query("SELECT id FROM customers WHERE email = 'u3@example.com'")).containsExactly(3);
    assertThat(query("SELECT id FROM customers WHERE 'u4@example.com' = email")).containsExactly(4);
    assertThat(query("SELECT id FROM customers WHERE email <=> 'u2@example.com'")).containsExactly(2);
    assertThat(query("SELECT id FROM customers WHERE email IN ('u1@example.com', 'u3@example.com') ORDER BY id"))
        .containsExactly(1, 3);
    assertThat(query("SELECT id FROM customers WHERE email <> 'u1@example.com' ORDER BY id"))
        .containsExactly(2, 3, 4);
    assertThat(query("SELECT id FROM customers WHERE email != 'u3@example.com' ORDER BY id"))
        .containsExactly(1, 2, 4);
    assertThat(query("SELECT id FROM customers WHERE email NOT IN ('u1@example.com', 'u4@example.com')"
        + " ORDER BY id")).containsExactly(2, 3);
    assertThat(query("SELECT id FROM customers WHERE name = 'one' AND email = 'u1@example.com'")).containsExactly(1);
    try (Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("UPDATE customers SET name = 'first' WHERE email = 'u1@example.com'")).isOne();
      s.addBatch("UPDATE customers SET name = 'x' WHERE email = 'u2@example.com'");
      s.addBatch("UPDATE customers SET name = 'y' WHERE email = 'u3@example.com'");
      assertThat(s.executeBatch()).containsExactly(1, 1);
    }
    assertThat(db.raw("customers", "name")).containsExactly("first", "x", "y", "four", "five");
  }

  @Test
  void preparedStatementsFindRowsUnderEitherKey() throws Exception {
    rowsUnderBothKeys();

    for (int id = 1; id <= 4; id++) {
      assertThat(query("SELECT id FROM customers WHERE email = ?", "u" + id + "@example.com")).containsExactly(id);
      assertThat(query("SELECT id FROM customers WHERE ? = email", "u" + id + "@example.com")).containsExactly(id);
    }
    assertThat(query("SELECT id FROM customers WHERE email IN (?, ?, ?) ORDER BY id", "u1@example.com",
        "u4@example.com", "nobody@example.com")).containsExactly(1, 4);
    assertThat(query("SELECT id FROM customers WHERE email NOT IN (?, ?) ORDER BY id", "u2@example.com",
        "u3@example.com")).containsExactly(1, 4);
    assertThat(query("SELECT id FROM customers WHERE email <> ? ORDER BY id", "u4@example.com"))
        .containsExactly(1, 2, 3);
    assertThat(query("SELECT id FROM customers WHERE email <=> ?", "u3@example.com")).containsExactly(3);
    assertThat(query("SELECT id FROM customers WHERE email <=> ?", (Object) null)).as("NULL matches NULL")
        .containsExactly(5);
    // a parameter after a widened one goes to the right placeholder
    assertThat(query("SELECT id FROM customers WHERE email = ? AND name = ?", "u3@example.com", "three"))
        .containsExactly(3);
    assertThat(query("SELECT id FROM customers WHERE email = ? AND name = ?", "u3@example.com", "one")).isEmpty();
    try (PreparedStatement ps = c.prepareStatement("UPDATE customers SET name = ? WHERE email = ?")) {
      ps.setString(1, "changed");
      ps.setString(2, "u2@example.com");
      assertThat(ps.executeUpdate()).isOne();
      ps.setString(2, "u4@example.com");
      assertThat(ps.executeUpdate()).isOne();
      assertThat(ps.getParameterMetaData().getParameterCount()).as("the application's count").isEqualTo(2);
    }
    assertThat(db.raw("customers", "name")).containsExactly("one", "changed", "three", "changed", "five");
  }

  @Test
  void preparedBatchesFindRowsUnderEitherKey() throws Exception {
    rowsUnderBothKeys();
    for (String rewrite : List.of("rewriteBatchedStatements=true", "rewriteBatchedStatements=false")) {
      try (Connection other = db.aegis("aegis.yml", rewrite);
          PreparedStatement ps = other.prepareStatement("UPDATE customers SET name = ? WHERE email = ?")) {
        for (int id = 1; id <= 4; id++) {
          ps.setString(1, "batch-" + id);
          ps.setString(2, "u" + id + "@example.com");
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).as(rewrite).containsExactly(1, 1, 1, 1);
      }
      assertThat(db.raw("customers", "name")).containsExactly("batch-1", "batch-2", "batch-3", "batch-4", "five");
      try (Connection plain = db.plain(); Statement s = plain.createStatement()) {
        s.executeUpdate("UPDATE customers SET name = 'reset' WHERE id < 5");
      }
    }
  }

  @Test
  void aStatementPreparedWithOneKeyFindsRowsUnderBothOnceTheSecondIsLoaded() throws Exception {
    rowsUnderBothKeys();
    columns.rekey(stored); // back to K1 alone: rows 3 and 4 are under a key this instance does not hold yet
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM customers WHERE email IN (?, ?) AND id > ? ORDER BY id")) {
      ps.setString(1, "u1@example.com");
      ps.setString(2, "u3@example.com");
      ps.setInt(3, 0);
      ps.setQueryTimeout(7);
      assertThat(ids(ps.executeQuery())).as("one key: only the row under it").containsExactly(1);

      columns.rekey(added);

      assertThat(ids(ps.executeQuery())).as("prepared again, the same values bound again").containsExactly(1, 3);
      assertThat(ps.getQueryTimeout()).as("settings carried over").isEqualTo(7);
      assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(3);
      ps.setInt(3, 1);
      assertThat(ids(ps.executeQuery())).as("a parameter bound after").containsExactly(3);

      columns.rekey(stored);

      assertThat(ids(ps.executeQuery())).as("and back when the key is retired").isEmpty();
    }
  }

  @Test
  void aWidthChangeBetweenAddBatchCallsLosesNoRow() throws Exception {
    rowsUnderBothKeys();
    columns.rekey(stored);
    try (PreparedStatement ps = c.prepareStatement("UPDATE customers SET name = ? WHERE email = ?")) {
      ps.setString(1, "under-one-key");
      ps.setString(2, "u1@example.com");
      ps.addBatch();

      columns.rekey(added);

      ps.setString(1, "under-two-keys");
      ps.setString(2, "u3@example.com");
      ps.addBatch();
      ps.setString(2, "u2@example.com");
      ps.addBatch();
      assertThat(ps.executeBatch()).containsExactly(1, 1, 1);

      ps.setString(1, "again");
      ps.setString(2, "u4@example.com");
      ps.addBatch();
      assertThat(ps.executeBatch()).as("the statement goes on after the batch").containsExactly(1);
    }
    assertThat(db.raw("customers", "name"))
        .containsExactly("under-one-key", "under-two-keys", "under-two-keys", "again", "five");
  }

  @Test
  void aFailingEarlierBatchStopsTheRestAndReportsTheCountsBeforeIt() throws Exception {
    rowsUnderBothKeys();
    columns.rekey(stored);
    try (PreparedStatement ps = c.prepareStatement("UPDATE customers SET id = ? WHERE email = ?")) {
      ps.setInt(1, 2); // row 1 takes the id of row 2: a duplicate key
      ps.setString(2, "u1@example.com");
      ps.addBatch();

      columns.rekey(added);

      ps.setInt(1, 30);
      ps.setString(2, "u3@example.com");
      ps.addBatch();
      assertThatThrownBy(ps::executeBatch).isInstanceOf(java.sql.BatchUpdateException.class)
          .satisfies(e -> assertThat(((java.sql.BatchUpdateException) e).getUpdateCounts())
              .containsExactly(Statement.EXECUTE_FAILED));

      ps.setInt(1, 40);
      ps.setString(2, "u4@example.com");
      ps.addBatch();
      assertThat(ps.executeBatch()).as("the batch was reset, the statement goes on").containsExactly(1);
    }
    assertThat(query("SELECT id FROM customers ORDER BY id")).containsExactly(1, 2, 3, 5, 40);
  }

  @Test
  void aConnectionClosedBeforeTheStatementIsPreparedAgainFailsCleanly() throws Exception {
    rowsUnderBothKeys();
    columns.rekey(stored);
    Connection other = db.aegis();
    PreparedStatement ps = other.prepareStatement("SELECT id FROM customers WHERE email = ?");
    ps.setString(1, "u1@example.com");
    assertThat(ids(ps.executeQuery())).containsExactly(1);
    columns.rekey(added);
    other.close();

    assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
        .isNotInstanceOf(dev.aegis.error.AegisEncryptionException.class);
  }

  @Test
  void aStreamBoundBeforeTheKeysChangedCannotBeBoundAgainAndSaysToPrepareAgain() throws Exception {
    rowsUnderBothKeys();
    columns.rekey(stored);
    try (PreparedStatement ps = c.prepareStatement("UPDATE customers SET name = ? WHERE email = ?")) {
      ps.setCharacterStream(1, new StringReader("streamed"));
      ps.setString(2, "u1@example.com");

      columns.rekey(added);

      assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class)
          .hasMessageContaining("setCharacterStream")
          .hasMessageContaining("Prepare the statement again")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("ZA302"));
      ps.setString(1, "bound again");
      assertThat(ps.executeUpdate()).as("bound again by the application, it runs").isOne();
    }
    assertThat(db.raw("customers", "name").get(0)).isEqualTo("bound again");
  }

  @Test
  void aCallableStatementSearchesLikeAPreparedOne() throws Exception {
    rowsUnderBothKeys();
    try (CallableStatement cs = c.prepareCall("SELECT id FROM customers WHERE email = ? AND name = ?")) {
      cs.setString(1, "u4@example.com");
      cs.setString(2, "four");
      assertThat(ids(cs.executeQuery())).containsExactly(4);
    }
  }

  @Test
  void formsThatCannotBeWidenedAreRefusedBeforeAnythingIsSent() throws Exception {
    rowsUnderBothKeys();
    assertThatThrownBy(() -> c.prepareStatement("SELECT CASE email WHEN ? THEN 1 END FROM customers"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("customers.email")
        .hasMessageContaining("Write it as col = ?")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("ZA300"));
  }

  @Test
  void noPlaintextOfANormalEncryptedColumnReachesTheServer() throws Exception {
    rowsUnderBothKeys();
    String marker = "needle-" + System.nanoTime() + "@example.com";
    try (Connection plain = db.plain(); Statement s = plain.createStatement()) {
      s.execute("SET GLOBAL log_output = 'TABLE'");
      s.execute("TRUNCATE TABLE mysql.general_log");
      s.execute("SET GLOBAL general_log = 'ON'");
      try {
        query("SELECT id FROM customers WHERE email = '" + marker + "'");
        query("SELECT id FROM customers WHERE email IN (?, ?)", marker, "u1@example.com");
        query("SELECT id FROM customers WHERE email <=> ?", marker);
        insert(9, "nine", marker);
        try (PreparedStatement ps = c.prepareStatement("UPDATE customers SET name = ? WHERE email = ?")) {
          ps.setString(1, "n");
          ps.setString(2, marker);
          ps.addBatch();
          ps.executeBatch();
        }
      } finally {
        s.execute("SET GLOBAL general_log = 'OFF'");
      }
      try (ResultSet rs = s.executeQuery("SELECT CAST(argument AS CHAR) FROM mysql.general_log")) {
        List<String> logged = new ArrayList<>();
        while (rs.next()) {
          logged.add(rs.getString(1));
        }
        assertThat(logged).as("the server logged the searches").anyMatch(l -> l.contains("email IN ("));
        assertThat(logged).noneMatch(l -> l.contains(marker) || l.contains("needle"));
      }
    }
  }
}
