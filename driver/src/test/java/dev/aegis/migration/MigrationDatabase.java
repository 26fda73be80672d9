package dev.aegis.migration;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.cli.AegisCommand;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.keys.FileKeysetStore;
import dev.aegis.keys.MasterKey;
import dev.aegis.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import picocli.CommandLine;

/** A schema, a master key, keysets in a file and a configuration, for the migration commands' tests. */
final class MigrationDatabase {
  final TestDatabase db = TestDatabase.shared();
  final String schema;
  final Path dir;
  final Path config;
  final MasterKey master;
  final FileKeysetStore keysets;

  MigrationDatabase(Path dir, String hint, String columns) throws Exception {
    this.schema = db.createDatabase(hint);
    this.dir = dir;
    MasterKey.writeFile(dir.resolve("master.json"), MasterKey.generate());
    this.master = MasterKey.load(Location.parse("file:master.json", EnumSet.allOf(Location.Scheme.class)), dir,
        name -> null);
    this.keysets = new FileKeysetStore(dir.resolve("keysets.json"));
    keysets.write(Map.of("search", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC),
        "plain", ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED)), master);
    this.config = dir.resolve("aegis.yml");
    Files.writeString(config, "keys:\n  master: file:master.json\n  keysets: file:keysets.json\n  refresh: 1s\n"
        + "columns:\n" + columns);
  }

  KeysetHandle keyset(String name) throws Exception {
    return keysets.read(master).get(name);
  }

  void write(String name, KeysetHandle keyset) throws Exception {
    keysets.write(Map.of(name, keyset), master);
  }

  Connection plain() throws SQLException {
    return db.connectPlain(schema);
  }

  Connection aegis() throws SQLException {
    return java.sql.DriverManager.getConnection(db.aegisUrl(schema, "aegis.config=" + config), db.credentials());
  }

  /** The command line's arguments that reach this database. */
  String[] database() {
    return new String[] {"--config", config.toString(), "--url", db.plainUrl(schema), "--user", db.user(),
        "--password", db.password()};
  }

  /** Runs {@code aegis ARGS} in this process. */
  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new AegisCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  String[] with(String command, String... more) {
    String[] base = database();
    String[] all = new String[1 + base.length + more.length];
    all[0] = command;
    System.arraycopy(base, 0, all, 1, base.length);
    System.arraycopy(more, 0, all, 1 + base.length, more.length);
    return all;
  }

  record Run(int code, String out, String err) {}
}
