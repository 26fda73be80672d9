package dev.aegis.encrypt;

import dev.aegis.config.AegisConfig;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.config.EncryptionConfig;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.error.AegisEncryptionException;
import dev.aegis.error.AegisSqlState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, at first connect, that every configured column can hold its ciphertext: its table and the column
 * exist, it is a character or binary column, and it is wide enough for the ciphertext of its
 * {@code max-length}. Reads {@code information_schema.COLUMNS} once, through the application's own
 * connection. In {@code lenient} mode problems are logged instead of failing the connect.
 */
public final class SchemaCheck {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaCheck.class);
  private static final Set<String> CHARACTER = Set.of("char", "varchar", "tinytext", "text", "mediumtext",
      "longtext");
  private static final Set<String> BINARY = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
      "longblob");

  private SchemaCheck() {}

  /** What the check learned: which configured columns are binary (store bytes rather than base64). */
  public record Result(Set<ColumnRef> binary, List<String> problems) {}

  /**
   * Runs the check.
   *
   * @throws AegisEncryptionException (ZA301) listing every problem, unless the mode is lenient or off
   */
  public static Result run(Connection connection, AegisConfig config) throws SQLException {
    EncryptionConfig.SchemaCheck mode = config.encryption().schemaCheck();
    if (mode == EncryptionConfig.SchemaCheck.OFF || config.columns().isEmpty()) {
      return new Result(Set.of(), List.of());
    }
    Map<String, Map<String, Column>> tables = read(connection, config);
    Set<ColumnRef> binary = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<ColumnRef, ColumnConfig> entry : config.columns().entrySet()) {
      ColumnRef ref = entry.getKey();
      Map<String, Column> table = tables.get(key(ref.schema(), ref.table()));
      if (table == null) {
        problems.add("table " + tableName(ref) + " of encrypted column " + ref + " does not exist"
            + (ref.schema() == null ? " in the connection's database" : ""));
        continue;
      }
      Column column = table.get(ref.column());
      if (column == null) {
        problems.add("column " + ref + " does not exist in table " + tableName(ref));
        continue;
      }
      boolean isBinary = BINARY.contains(column.type);
      if (!isBinary && !CHARACTER.contains(column.type)) {
        problems.add("column " + ref + " is " + column.type.toUpperCase(Locale.ROOT) + "; an encrypted column"
            + " must be character (VARCHAR, TEXT) or binary (VARBINARY, BLOB)");
        continue;
      }
      if (isBinary) {
        binary.add(ref);
      }
      ColumnConfig settings = entry.getValue();
      if (settings.maxLength() != null) {
        // The encoded value is one type byte plus the payload.
        int needed = isBinary ? CiphertextFormat.storedBytes(settings.mode(), settings.maxLength() + 1)
            : CiphertextFormat.storedChars(settings.mode(), settings.maxLength() + 1);
        if (column.width < needed) {
          problems.add("column " + ref + " holds " + column.width + (isBinary ? " bytes" : " characters")
              + " but the ciphertext of a " + settings.maxLength() + "-byte value needs " + needed + "; run"
              + " ALTER TABLE " + tableName(ref) + " MODIFY " + ref.column() + " "
              + (isBinary ? "VARBINARY(" : "VARCHAR(") + needed + ")");
        }
      } else if (column.width < (isBinary ? CiphertextFormat.storedBytes(settings.mode(), 2)
          : CiphertextFormat.storedChars(settings.mode(), 2))) {
        problems.add("column " + ref + " holds " + column.width + (isBinary ? " bytes" : " characters")
            + ", too few for the ciphertext of even a one-character value");
      }
    }
    if (!problems.isEmpty()) {
      String message = "Encrypted columns do not fit the database schema: " + String.join("; ", problems)
          + ". Fix the schema or the columns: section of the configuration (encryption.schema-check:"
          + " lenient logs this instead of failing).";
      if (mode == EncryptionConfig.SchemaCheck.STRICT) {
        throw new AegisEncryptionException(AegisSqlState.SCHEMA_MISMATCH, message);
      }
      LOG.warn(message);
    }
    return new Result(Set.copyOf(binary), List.copyOf(problems));
  }

  private record Column(String type, long width) {}

  private static Map<String, Map<String, Column>> read(Connection connection, AegisConfig config)
      throws SQLException {
    Set<String> names = new HashSet<>();
    for (ColumnRef ref : config.columns().keySet()) {
      names.add(ref.table());
    }
    StringBuilder sql = new StringBuilder("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE,"
        + " CHARACTER_MAXIMUM_LENGTH, DATABASE() FROM information_schema.COLUMNS WHERE LOWER(TABLE_NAME) IN (");
    for (int i = 0; i < names.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    sql.append(')');
    Map<String, Map<String, Column>> tables = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int i = 1;
      for (String name : names) {
        statement.setString(i++, name);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String schema = rows.getString(1).toLowerCase(Locale.ROOT);
          String table = rows.getString(2).toLowerCase(Locale.ROOT);
          String current = rows.getString(6);
          Column column = new Column(rows.getString(4).toLowerCase(Locale.ROOT), rows.getLong(5));
          String name = rows.getString(3).toLowerCase(Locale.ROOT);
          tables.computeIfAbsent(key(schema, table), k -> new HashMap<>()).put(name, column);
          if (current != null && current.toLowerCase(Locale.ROOT).equals(schema)) {
            tables.computeIfAbsent(key(null, table), k -> new HashMap<>()).put(name, column);
          }
        }
      }
    }
    return tables;
  }

  private static String key(String schema, String table) {
    return (schema == null ? "" : schema) + "." + table;
  }

  private static String tableName(ColumnRef ref) {
    return (ref.schema() == null ? "" : ref.schema() + ".") + ref.table();
  }
}
