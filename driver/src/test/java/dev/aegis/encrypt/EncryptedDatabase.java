package dev.aegis.encrypt;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.EncryptionMode;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.keys.KeysetFile;
import dev.aegis.keys.MasterKey;
import dev.aegis.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A schema with the tables the encryption tests use, a master key, keysets and configuration files in a
 * temporary directory, and connections through Aegis and around it.
 */
final class EncryptedDatabase {
  static final String COLUMNS = """
      keys:
        master: file:master.json
        keysets: file:keysets.json
      columns:
        customers.email:      { mode: deterministic, key: pii-search, max-length: 254 }
        customers.phone:      { mode: randomized, key: pii }
        customers.born:       { mode: randomized, key: pii, type: date }
        customers.score:      { mode: deterministic, key: pii-search, type: integer }
        payments.card_number: { mode: randomized, key: pci }
        payments.amount:      { mode: randomized, key: pci, type: decimal }
        leads.contact:        { mode: deterministic, key: pii-search, domain: customers.email }
      """;

  final TestDatabase db;
  final String schema;
  final Path dir;

  EncryptedDatabase(Path dir, String hint) throws Exception {
    this.db = TestDatabase.shared();
    this.schema = db.createDatabase(hint);
    this.dir = dir;
    if (!Files.exists(dir.resolve("master.json"))) {
      MasterKey.writeFile(dir.resolve("master.json"), MasterKey.generate());
      MasterKey master = MasterKey.load(dev.aegis.config.Location.parse("file:master.json",
          java.util.EnumSet.allOf(dev.aegis.config.Location.Scheme.class)), dir, System::getenv);
      Map<String, KeysetHandle> keysets = Map.of(
          "pii", ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED),
          "pii-search", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC),
          "pci", ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED));
      KeysetFile.write(dir.resolve("keysets.json"), keysets, master);
    }
    config("aegis.yml", COLUMNS);
    createTables();
  }

  /** Writes a configuration file in the key directory and returns its path. */
  Path config(String name, String yaml) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  void createTables() throws SQLException {
    try (Connection c = plain(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS customers");
      s.execute("DROP TABLE IF EXISTS payments");
      s.execute("DROP TABLE IF EXISTS leads");
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(400),"
          + " phone VARCHAR(200), born VARCHAR(200), score VARCHAR(200), UNIQUE KEY (email))");
      s.execute("CREATE TABLE payments (id INT PRIMARY KEY AUTO_INCREMENT, customer_id INT,"
          + " card_number VARBINARY(200), amount VARCHAR(200), note VARCHAR(100))");
      s.execute("CREATE TABLE leads (id INT PRIMARY KEY, contact VARCHAR(400), source VARCHAR(50))");
    }
  }

  Connection aegis() throws SQLException {
    return aegis("aegis.yml");
  }

  Connection aegis(String configName, String... parameters) throws SQLException {
    String[] all = new String[parameters.length + 1];
    all[0] = "aegis.config=" + dir.resolve(configName);
    System.arraycopy(parameters, 0, all, 1, parameters.length);
    return DriverManager.getConnection(db.aegisUrl(schema, all), db.credentials());
  }

  Connection plain() throws SQLException {
    return db.connectPlain(schema);
  }

  /** Every value of {@code column} in {@code table} as stored, read around Aegis. */
  List<String> raw(String table, String column) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = plain(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + column + " FROM " + table + " ORDER BY id")) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  int count(String table) throws SQLException {
    try (Connection c = plain(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
