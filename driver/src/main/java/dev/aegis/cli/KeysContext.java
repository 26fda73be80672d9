package dev.aegis.cli;

import dev.aegis.config.AegisConfig;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.config.ConfigLocation;
import dev.aegis.config.ConfigReader;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import dev.aegis.keys.ConnectionSource;
import dev.aegis.keys.KeysetStore;
import dev.aegis.keys.MasterKey;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What every {@code aegis keys} command starts from: the configuration, where its master key is, the keyset
 * store, and (when {@code --url} is given) plain connections to the application's database, which a
 * {@code jdbc} store lives in and a scan of the encrypted columns reads.
 */
final class KeysContext {
  final Path config;
  final AegisConfig settings;
  /** Where relative {@code file:} paths start: the configuration file's directory. */
  final Path base;
  final Location masterAt;
  final Location keysetsAt;
  final KeysetStore store;
  private final ConnectionSource database;
  private final CommandLine line;

  private KeysContext(Path config, AegisConfig settings, ConnectionSource database, CommandLine line) {
    this.config = config;
    this.settings = settings;
    this.base = config.toAbsolutePath().getParent();
    this.masterAt = settings.keys().master();
    this.keysetsAt = settings.keys().keysets();
    this.database = database;
    this.line = line;
    this.store = KeysetStore.of(keysetsAt, base, database);
  }

  /**
   * Reads {@code config}.
   *
   * @throws AegisConfigurationException when it does not parse or has no {@code keys.master} and
   *     {@code keys.keysets}
   * @throws ParameterException when the keysets are in the database and no {@code --url} was given
   */
  static KeysContext open(Path config, DatabaseOptions database, CommandLine line)
      throws AegisConfigurationException {
    AegisConfig settings = ConfigReader.read(new ConfigLocation(config.toString(),
        ConfigLocation.Origin.COMMAND_LINE));
    if (settings.keys().master() == null || settings.keys().keysets() == null) {
      throw new AegisConfigurationException(AegisSqlState.CONFIG_INVALID, "The configuration " + config
          + " needs keys.master and keys.keysets (see docs/encryption.md).");
    }
    ConnectionSource connections = database.given() ? database.connections() : null;
    if (settings.keys().keysets().scheme() == Location.Scheme.JDBC && connections == null) {
      throw new ParameterException(line, "keys.keysets is jdbc: give the application's database with --url"
          + " jdbc:mysql://HOST:PORT/DATABASE (and --user, --password or AEGIS_DB_PASSWORD)");
    }
    return new KeysContext(config, settings, connections, line);
  }

  /** The master key {@code keys.master} names, with the checks every instance makes. */
  MasterKey master() throws AegisConfigurationException {
    return MasterKey.load(masterAt, base, System::getenv);
  }

  /** Connections to the application's database, or a usage error saying why {@code --url} is needed. */
  ConnectionSource database(String why) {
    if (database == null) {
      throw new ParameterException(line, why + ": give the application's database with --url"
          + " jdbc:mysql://HOST:PORT/DATABASE (and --user, --password or AEGIS_DB_PASSWORD)");
    }
    return database;
  }

  /** The configured columns that keyset {@code name} encrypts, by name. */
  Map<ColumnRef, ColumnConfig> columnsOf(String name) {
    Map<ColumnRef, ColumnConfig> columns = new LinkedHashMap<>();
    settings.columns().entrySet().stream()
        .filter(column -> column.getValue().key().equals(name))
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(ColumnRef::toString)))
        .forEach(column -> columns.put(column.getKey(), column.getValue()));
    return columns;
  }

  /** Each keyset the columns name, with its mode: one keyset serves one mode. */
  static Map<String, EncryptionMode> modesByKeyset(AegisConfig settings) throws AegisConfigurationException {
    Map<String, EncryptionMode> modes = new TreeMap<>();
    for (Map.Entry<ColumnRef, ColumnConfig> column : settings.columns().entrySet()) {
      EncryptionMode previous = modes.putIfAbsent(column.getValue().key(), column.getValue().mode());
      if (previous != null && previous != column.getValue().mode()) {
        throw new AegisConfigurationException(AegisSqlState.CONFIG_INVALID, "Keyset '"
            + column.getValue().key() + "' is used by randomized and deterministic columns (" + column.getKey()
            + " among them); a keyset holds keys of one kind. Give the columns of each mode their own key.");
      }
    }
    return modes;
  }

  /** How a command names the configuration in the commands it suggests. */
  String configArgument() {
    return "--config " + config;
  }
}
