package dev.aegis.cli;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigLocation;
import dev.aegis.config.ConfigReader;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.keys.ConnectionSource;
import dev.aegis.keys.KeysetStore;
import dev.aegis.keys.MasterKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aegis keys}: the keys behind encrypted columns. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manages the master key and keysets.",
    subcommands = {KeysCommand.Init.class, KeysStatusCommand.class, KeysRotateCommand.class,
        KeysExportPublicCommand.class, KeysBackupCommand.class, KeysRestoreCommand.class,
        KeysRotateMasterCommand.class})
final class KeysCommand {

  /**
   * {@code aegis keys init --config FILE}: creates the master key (when it is a file that does not exist)
   * and every keyset the configuration's columns name, keeping those that exist. Safe to run again. For
   * {@code keys.keysets: jdbc} it connects to the application's database without Aegis: the keys do not
   * exist yet, and the keyset table is Aegis's own.
   */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Creates the master key and the keysets the configuration names; keeps existing ones.")
  static final class Init implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Aegis configuration (YAML)")
    Path config;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        AegisConfig settings = ConfigReader.read(new ConfigLocation(config.toString(),
            ConfigLocation.Origin.COMMAND_LINE));
        Location masterAt = settings.keys().master();
        Location keysetsAt = settings.keys().keysets();
        if (masterAt == null || keysetsAt == null) {
          err.println("The configuration needs keys.master and keys.keysets (see docs/encryption.md).");
          return 2;
        }
        Path base = config.toAbsolutePath().getParent();
        KeysetStore store = KeysetStore.of(keysetsAt, base, connections(keysetsAt));
        // Before a master key is generated, so that an unreachable database does not leave one behind.
        boolean existing = store.exists();
        MasterKey master = master(masterAt, base, out);
        Map<String, KeysetHandle> keysets = existing ? new TreeMap<>(store.read(master)) : new TreeMap<>();
        for (Map.Entry<String, EncryptionMode> wanted : KeysContext.modesByKeyset(settings).entrySet()) {
          String state = "kept";
          if (!keysets.containsKey(wanted.getKey())) {
            keysets.put(wanted.getKey(), ColumnCipher.newKeyset(wanted.getValue()));
            state = "created";
          }
          KeysetHandle keyset = keysets.get(wanted.getKey());
          out.printf("keyset %s: %s, %d key(s), primary key id %s (%s)%n", wanted.getKey(),
              wanted.getValue().name().toLowerCase(Locale.ROOT), keyset.size(),
              KeysetView.id(keyset.getPrimary().getId()), state);
        }
        store.write(keysets, master);
        out.println("keysets written to " + store.describe() + " (encrypted under the master key)");
        return 0;
      } catch (AegisConfigurationException e) {
        err.println(e.getMessage());
        return 2;
      } catch (SQLException e) {
        err.println("The keysets could not be written to the database: " + e.getMessage());
        return 1;
      }
    }

    /** Connections for a jdbc store; null for a file store, which must not be given a database. */
    private ConnectionSource connections(Location keysetsAt) throws AegisConfigurationException {
      if (keysetsAt.scheme() != Location.Scheme.JDBC) {
        if (database.given()) {
          throw new ParameterException(spec.commandLine(), "--url is only for keys.keysets: jdbc; this"
              + " configuration keeps its keysets in " + keysetsAt);
        }
        return null;
      }
      if (!database.given()) {
        throw new ParameterException(spec.commandLine(), "keys.keysets is jdbc: give the application's"
            + " database with --url jdbc:mysql://HOST:PORT/DATABASE (and --user, --password or AEGIS_DB_PASSWORD)");
      }
      return database.connections();
    }

    private static MasterKey master(Location at, Path base, PrintWriter out) throws Exception {
      if (at.scheme() == Location.Scheme.ENV && System.getenv(at.target()) == null) {
        // The one place a key is shown: the operator asked for it and must store it in their secret store.
        String generated = MasterKey.generate();
        out.println("master key generated for environment variable " + at.target() + "; store it in your"
            + " secret manager and set it before starting the application (it is shown only this once):");
        out.println(at.target() + "='" + generated.strip() + "'");
        return MasterKey.load(at, base, name -> generated);
      }
      if (at.scheme() == Location.Scheme.FILE && !Files.exists(base.resolve(at.target()))) {
        Path path = base.resolve(at.target()).toAbsolutePath();
        MasterKey.writeFile(path, MasterKey.generate());
        out.println("master key created in " + path + " (readable by its owner only; back it up: without"
            + " it no encrypted value can be read)");
      }
      return MasterKey.load(at, base, System::getenv);
    }
  }
}
