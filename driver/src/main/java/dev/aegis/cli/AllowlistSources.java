package dev.aegis.cli;

import dev.aegis.allowlist.AllowlistStore;
import dev.aegis.allowlist.FileAllowlistStore;
import dev.aegis.allowlist.JdbcAllowlistStore;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigLocation;
import dev.aegis.config.ConfigReader;
import dev.aegis.config.Location;
import dev.aegis.error.AegisConfigurationException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Names of allowlists on the command line: a file path, the word {@code jdbc} (the table in the database of
 * {@code --url}), or the store a configuration's {@code detection.allowlist} names.
 */
final class AllowlistSources {
  static final String JDBC = "jdbc";

  private AllowlistSources() {}

  /** The store {@code name} means; {@code ./jdbc} names a file called jdbc. */
  static AllowlistStore named(String name, DatabaseOptions database, CommandSpec spec)
      throws AegisConfigurationException {
    if (!JDBC.equals(name)) {
      return new FileAllowlistStore(Path.of(name));
    }
    return new JdbcAllowlistStore(connections(database, spec, "the allowlist table"));
  }

  /** The store {@code detection.allowlist} of the configuration at {@code config} names. */
  static AllowlistStore configured(Path config, DatabaseOptions database, CommandSpec spec)
      throws AegisConfigurationException {
    AegisConfig settings = ConfigReader.read(new ConfigLocation(config.toString(),
        ConfigLocation.Origin.COMMAND_LINE));
    Location at = settings.detection().allowlist();
    if (at == null) {
      throw new ParameterException(spec.commandLine(), "The configuration " + config + " sets no"
          + " detection.allowlist (file:PATH or jdbc).");
    }
    if (at.scheme() != Location.Scheme.JDBC) {
      if (database.given()) {
        throw new ParameterException(spec.commandLine(), "--url is only for detection.allowlist: jdbc; this"
            + " configuration keeps its allowlist in " + at);
      }
      return AllowlistStore.of(at, config.toAbsolutePath().getParent(), null);
    }
    return new JdbcAllowlistStore(connections(database, spec, "detection.allowlist is jdbc"));
  }

  private static dev.aegis.keys.ConnectionSource connections(DatabaseOptions database, CommandSpec spec,
      String why) throws AegisConfigurationException {
    if (!database.given()) {
      throw new ParameterException(spec.commandLine(), why + ": give the application's database with --url"
          + " jdbc:mysql://HOST:PORT/DATABASE (and --user, --password or AEGIS_DB_PASSWORD)");
    }
    return database.connections();
  }
}
