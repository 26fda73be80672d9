package dev.aegis.cli;

import dev.aegis.config.AegisConfig;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.config.EncryptionMode;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.encrypt.EncryptedColumns;
import dev.aegis.encrypt.ProtectedColumn;
import dev.aegis.migration.MigrationKind;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aegis reencrypt}, {@code aegis encrypt-column} and {@code aegis decrypt-column}. */
final class ColumnMigrationCommands {
  private ColumnMigrationCommands() {}

  @Command(name = "reencrypt", mixinStandardHelpOptions = true, description = "Rewrites every value of the"
      + " encrypted columns that is not under its keyset's primary key, online, in resumable batches.")
  static final class Reencrypt extends MigrationCommand {
    @Option(names = "--column", paramLabel = "TABLE.COLUMN", description = "Only these columns (repeatable)")
    List<String> columns = new ArrayList<>();

    @Option(names = "--table", paramLabel = "TABLE", description = "Only the encrypted columns of this table")
    String table;

    @Option(names = "--keyset", paramLabel = "NAME", description = "Only the columns encrypted with this keyset")
    String keyset;

    @Override
    MigrationKind kind() {
      return MigrationKind.REENCRYPT;
    }

    @Override
    Map<String, List<ProtectedColumn>> select(EncryptedColumns all) {
      if (!columns.isEmpty()) {
        return named(all, columns);
      }
      Map<String, List<ProtectedColumn>> tables = new LinkedHashMap<>();
      for (ProtectedColumn column : all.all()) {
        if ((table == null || column.ref().table().equalsIgnoreCase(table))
            && (keyset == null || column.config().key().equals(keyset))) {
          tables.computeIfAbsent(column.ref().table(), t -> new ArrayList<>()).add(column);
        }
      }
      return tables;
    }
  }

  @Command(name = "decrypt-column", mixinStandardHelpOptions = true, description = "Turns the ciphertext of an"
      + " encrypted column back into plaintext, online, in resumable batches (set migration: decrypting on"
      + " the column first, remove it from the configuration after).")
  static final class DecryptColumn extends MigrationCommand {
    @Option(names = "--column", required = true, paramLabel = "TABLE.COLUMN", description = "The column (repeatable)")
    List<String> columns;

    @Override
    MigrationKind kind() {
      return MigrationKind.DECRYPT;
    }

    @Override
    Map<String, List<ProtectedColumn>> select(EncryptedColumns all) {
      return named(all, columns);
    }
  }

  @Command(name = "encrypt-column", mixinStandardHelpOptions = true, description = "Encrypts the existing"
      + " plaintext of a configured column, online, in resumable batches; widens the column first with"
      + " --alter (the ALTER is printed for review either way).")
  static final class EncryptColumn extends MigrationCommand {
    @Option(names = "--column", required = true, paramLabel = "TABLE.COLUMN", description = "The column (repeatable)")
    List<String> columns;

    @Option(names = "--alter", description = "Run the printed ALTER TABLE that widens a column too narrow"
        + " for its ciphertext")
    boolean alter;

    @Override
    MigrationKind kind() {
      return MigrationKind.ENCRYPT;
    }

    @Override
    Map<String, List<ProtectedColumn>> select(EncryptedColumns all) {
      return named(all, columns);
    }

    @Override
    int prepare(Connection connection, AegisConfig settings, PrintWriter out) throws SQLException {
      int narrow = 0;
      for (String name : columns) {
        Map.Entry<ColumnRef, ColumnConfig> entry = configured(settings, name);
        if (entry == null) {
          continue; // select() names the mistake
        }
        String alterSql = widening(connection, entry.getKey(), entry.getValue());
        if (alterSql == null) {
          continue;
        }
        out.println("Column " + entry.getKey() + " cannot hold the ciphertext of its " + (entry.getValue()
            .maxLength() != null ? "max-length" : "longest value (set max-length on the column to size it for"
            + " longer ones)") + ". The change that widens it:");
        out.println("  " + alterSql + ";");
        if (alter && !dryRun) {
          try (Statement statement = connection.createStatement()) {
            statement.execute(alterSql);
          }
          out.println("  applied.");
        } else {
          narrow++;
        }
      }
      if (narrow > 0) {
        out.println("Review it, then run it yourself or run this command again with --alter (an ALTER may"
            + " copy the table; on a large one prefer an online schema change tool).");
        return 2;
      }
      return 0;
    }

    private static Map.Entry<ColumnRef, ColumnConfig> configured(AegisConfig settings, String name) {
      for (Map.Entry<ColumnRef, ColumnConfig> entry : settings.columns().entrySet()) {
        ColumnRef ref = entry.getKey();
        if ((ref.table() + "." + ref.column()).equalsIgnoreCase(name) || ref.toString().equalsIgnoreCase(name)) {
          return entry;
        }
      }
      return null;
    }

    private static final Set<String> CHARACTER = Set.of("char", "varchar", "tinytext", "text", "mediumtext",
        "longtext");
    private static final Set<String> BINARY = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
        "longblob");

    private static long longest(Connection connection, ColumnRef ref) throws SQLException {
      String table = (ref.schema() == null ? "" : "`" + ref.schema() + "`.") + "`" + ref.table() + "`";
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(LENGTH(`" + ref.column() + "`)), 0) FROM "
              + table)) {
        row.next();
        return Math.max(row.getLong(1), 1);
      }
    }

    /** The ALTER that lets the column hold the ciphertext of its largest value, or null when it can. */
    static String widening(Connection connection, ColumnRef ref, ColumnConfig column) throws SQLException {
      try (PreparedStatement select = connection.prepareStatement("SELECT DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
          + " CHARACTER_OCTET_LENGTH, IS_NULLABLE, CHARACTER_SET_NAME FROM information_schema.COLUMNS"
          + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
        select.setString(1, ref.schema());
        select.setString(2, ref.table());
        select.setString(3, ref.column());
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            throw new SQLException("Column " + ref + " does not exist in the database.", "42S22");
          }
          String type = row.getString(1).toLowerCase(Locale.ROOT);
          long chars = row.getLong(2);
          long octets = row.getLong(3);
          String nullable = "YES".equals(row.getString(4)) ? "NULL" : "NOT NULL";
          EncryptionMode mode = column.mode();
          boolean binary = BINARY.contains(type);
          boolean character = CHARACTER.contains(type);
          // The longest plaintext to fit, in bytes: max-length when configured, else the longest value stored
          // now (not the declared width, which the ALTER itself changes), plus the encoding's type byte.
          long plain = column.maxLength() != null ? column.maxLength() : longest(connection, ref);
          int encoded = (int) Math.min(Integer.MAX_VALUE - 64, plain + 1);
          long needed = binary ? CiphertextFormat.storedBytes(mode, encoded)
              : CiphertextFormat.storedChars(mode, encoded);
          long has = binary ? octets : character ? chars : 0;
          if ((binary || character) && has >= needed) {
            return null;
          }
          String table = (ref.schema() == null ? "" : "`" + ref.schema() + "`.") + "`" + ref.table() + "`";
          String target = binary ? (needed > 65_535 ? "LONGBLOB" : "VARBINARY(" + needed + ")")
              : (needed > 16_383 ? "MEDIUMTEXT" : "VARCHAR(" + needed + ")");
          String charset = character && row.getString(5) != null ? " CHARACTER SET " + row.getString(5) : "";
          return "ALTER TABLE " + table + " MODIFY `" + ref.column() + "` " + target + charset + " " + nullable;
        }
      }
    }
  }
}
