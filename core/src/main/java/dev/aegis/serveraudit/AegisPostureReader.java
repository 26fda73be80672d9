package dev.aegis.serveraudit;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.encrypt.EncryptedColumns;
import dev.aegis.encrypt.ProtectedColumn;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.keys.ConnectionSource;
import dev.aegis.keys.Keyset;
import dev.aegis.keys.KeysetStore;
import dev.aegis.keys.MasterKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the application's Aegis posture: samples each encrypted column as the server stores it, reads the
 * keysets' dates, and looks at {@code aegis_events}. Sampled values are only classified and counted, never kept.
 */
public final class AegisPostureReader {
  private AegisPostureReader() {}

  /**
   * @param base where relative {@code file:} locations of the configuration start
   * @param sample values read per column
   */
  public static AegisPosture read(AegisConfig config, Path base, ConnectionSource database, int sample) {
    Map<String, Keyset> keysets = new TreeMap<>();
    String keysProblem = null;
    if (!config.columns().isEmpty()) {
      try {
        MasterKey master = MasterKey.load(config.keys().master(), base, System::getenv);
        keysets.putAll(KeysetStore.of(config.keys().keysets(), base, database).readKeysets(master));
      } catch (AegisConfigurationException | RuntimeException e) {
        keysProblem = e.getMessage();
      }
    }
    List<AegisPosture.ColumnSample> columns = new ArrayList<>();
    try (Connection connection = database.open()) {
      EncryptedColumns opener = openers(config, keysets, connection);
      for (Map.Entry<ColumnRef, ColumnConfig> entry : new TreeMap<>(config.columns()).entrySet()) {
        columns.add(sample(connection, entry.getKey(), opener, sample));
      }
      List<AegisPosture.KeysetAge> ages = new ArrayList<>();
      keysets.forEach((name, keyset) -> {
        KeysetHandle handle = keyset.handle();
        ages.add(new AegisPosture.KeysetAge(name, keyset.createdOf(handle.getKeysetInfo().getPrimaryKeyId())));
      });
      return new AegisPosture(columns, ages, keysProblem, config.keys().rotationDays(),
          config.detection().mode().name().toLowerCase(java.util.Locale.ROOT), config.events().table(),
          config.events().retentionDays(), oldestEvent(connection));
    } catch (SQLException e) {
      return new AegisPosture(List.of(), List.of(), keysProblem != null ? keysProblem : "the database could not"
          + " be read: " + e.getMessage(), config.keys().rotationDays(), config.detection().mode().name()
          .toLowerCase(java.util.Locale.ROOT), config.events().table(), config.events().retentionDays(), null);
    }
  }

  /** The configured columns with the keys, to try opening sampled values; null when the keys are not at hand. */
  private static EncryptedColumns openers(AegisConfig config, Map<String, Keyset> keysets, Connection connection) {
    if (keysets.isEmpty()) {
      return null;
    }
    Map<String, KeysetHandle> handles = new TreeMap<>();
    keysets.forEach((name, keyset) -> handles.put(name, keyset.handle()));
    Set<ColumnRef> binary = new HashSet<>();
    for (ColumnRef ref : config.columns().keySet()) {
      if (binaryColumn(connection, ref)) {
        binary.add(ref);
      }
    }
    try {
      return EncryptedColumns.of(config, handles, binary);
    } catch (AegisConfigurationException e) {
      return null;
    }
  }

  private static boolean binaryColumn(Connection connection, ColumnRef ref) {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT " + quote(ref.column()) + " FROM " + table(ref) + " WHERE 1 = 0")) {
      int type = rs.getMetaData().getColumnType(1);
      return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
    } catch (SQLException e) {
      return false;
    }
  }

  private static AegisPosture.ColumnSample sample(Connection connection, ColumnRef ref, EncryptedColumns opener,
      int sample) {
    String name = ref.table() + "." + ref.column();
    ProtectedColumn column = opener == null ? null : opener.find(ref.schema(), ref.table(), ref.column());
    int sampled = 0;
    int ciphertext = 0;
    int undecryptable = column == null ? -1 : 0;
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT " + quote(ref.column()) + " FROM " + table(ref) + " WHERE "
            + quote(ref.column()) + " IS NOT NULL LIMIT " + sample)) {
      int type = rs.getMetaData().getColumnType(1);
      boolean binary = type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY
          || type == Types.BLOB;
      while (rs.next()) {
        sampled++;
        byte[] stored = binary ? rs.getBytes(1) : storedOfText(rs.getString(1));
        if (!CiphertextFormat.isCiphertext(stored)) {
          continue;
        }
        ciphertext++;
        if (column != null) {
          try {
            column.open(stored);
          } catch (SQLException e) {
            undecryptable++;
          }
        }
      }
      return new AegisPosture.ColumnSample(name, sampled, ciphertext, undecryptable, null);
    } catch (SQLException e) {
      return new AegisPosture.ColumnSample(name, 0, 0, -1, e.getMessage());
    }
  }

  private static byte[] storedOfText(String text) {
    if (text == null || CiphertextFormat.tagOfText(text) < 0) {
      return null;
    }
    try {
      return CiphertextFormat.fromText(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Instant oldestEvent(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT MIN(event_time) FROM aegis_events")) {
      Timestamp oldest = rs.next() ? rs.getTimestamp(1) : null;
      return oldest == null ? null : oldest.toInstant();
    } catch (SQLException e) {
      return null; // no table yet, or not readable: the check reports the setting alone
    }
  }

  private static String table(ColumnRef ref) {
    return ref.schema() == null ? quote(ref.table()) : quote(ref.schema()) + "." + quote(ref.table());
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
