package dev.aegis.pipeline;

import dev.aegis.config.AegisConfig;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.DurationSetting;
import dev.aegis.config.KeysConfig;
import dev.aegis.config.Location;
import dev.aegis.encrypt.CryptoMeters;
import dev.aegis.encrypt.EncryptedColumns;
import dev.aegis.encrypt.SchemaCheck;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import dev.aegis.events.SecurityEvent;
import dev.aegis.keys.ConnectionSource;
import dev.aegis.keys.KeysetReload;
import dev.aegis.keys.KeysetStore;
import dev.aegis.keys.LoadedKeysets;
import dev.aegis.keys.MasterKey;
import dev.aegis.lockout.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads what column encryption needs at the first connect of a configuration: the master key, the keysets
 * the columns name, and the schema check's findings. A failure fails that connect and is tried again at the
 * next one (a key file fixed by the operator is picked up without a restart). Once loaded, the keys are kept
 * current by a {@link KeysetReload} that lives as long as this pipeline: keyset changes in the store reach
 * the columns within {@code keys.refresh}, and keys due for rotation raise warnings.
 */
final class EncryptionKeys {
  private static final Logger LOG = LoggerFactory.getLogger(EncryptionKeys.class);

  private final AegisConfig config;
  private final Path base;
  private final MeterRegistry registry;
  private final TimeSource time;
  private final Consumer<SecurityEvent> events;
  /** Set once the keys are loaded; held here so the reload stops when the pipeline is dropped. */
  private volatile KeysetReload reload;

  EncryptionKeys(AegisConfig config, Path base, MeterRegistry registry, TimeSource time,
      Consumer<SecurityEvent> events) {
    this.config = config;
    this.base = base;
    this.registry = registry;
    this.time = time;
    this.events = events;
  }

  /**
   * @param delegate the connecting application's connection: reads a {@code jdbc} store at first connect
   * @param connections plain connections of Aegis's own, for reading a {@code jdbc} store again; may be null
   */
  EncryptedColumns load(Connection delegate, ConnectionSource connections, CryptoMeters meters)
      throws SQLException {
    Location master = config.keys().master();
    Location keysets = config.keys().keysets();
    if (master == null || keysets == null) {
      throw new AegisConfigurationException(AegisSqlState.CONFIG_INVALID, "Encrypted columns are configured"
          + " but keys." + (master == null ? "master" : "keysets") + " is not; add a keys: section with"
          + " master: file:PATH (or env:VAR) and keysets: file:PATH (or jdbc), then run 'aegis keys init'.");
    }
    MasterKey key = MasterKey.load(master, base, System::getenv);
    LoadedKeysets loaded = LoadedKeysets.read(KeysetStore.of(keysets, base, () -> unclosable(delegate)), key);
    SchemaCheck.Result schema = SchemaCheck.run(delegate, config);
    EncryptedColumns columns = EncryptedColumns.of(config, loaded.handles(), schema.binary(), meters);
    LOG.info("Aegis column encryption ready: {} column(s), keys from {}; {}", columns.all().size(), key,
        refreshing(keysets, connections));
    reload = KeysetReload.start(reloadable(keysets, connections), masterSource(master, key), loaded, inUse(),
        columns::rekey, config.keys(), events, registry, time);
    return columns;
  }

  /** The store to read again, or null where it cannot be: a {@code jdbc} store without connections of our own. */
  private KeysetStore reloadable(Location keysets, ConnectionSource connections) {
    return keysets.scheme() == Location.Scheme.JDBC && connections == null ? null
        : KeysetStore.of(keysets, base, connections);
  }

  private String refreshing(Location keysets, ConnectionSource connections) {
    KeysConfig settings = config.keys();
    if (!settings.reloads()) {
      return "keysets are not read again while running (keys.refresh: off)";
    }
    if (reloadable(keysets, connections) == null) {
      return "keysets are not read again while running (Aegis opens no connections of its own here)";
    }
    return "keysets read again every " + DurationSetting.format(settings.refresh());
  }

  /**
   * A master key file is read again at each change, so a master key rotated in place (a key added to it and
   * the keysets re-wrapped) keeps opening them; an environment variable cannot change in a running process.
   */
  private KeysetReload.MasterSource masterSource(Location master, MasterKey loaded) {
    // A local, not the field: the background task must not hold this object (and through it the pipeline).
    Path directory = base;
    return master.scheme() == Location.Scheme.ENV ? () -> loaded
        : () -> MasterKey.load(master, directory, System::getenv);
  }

  private Set<String> inUse() {
    return config.columns().values().stream().map(ColumnConfig::key).collect(Collectors.toSet());
  }

  /** The reload started by the last successful load, or null; for tests. */
  KeysetReload reload() {
    return reload;
  }

  /**
   * The application's connection lent to the keyset store, which closes what it is given: the close is
   * ignored, since the connection goes on to the application.
   */
  private static Connection unclosable(Connection delegate) {
    return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
          if (method.getName().equals("close") && method.getParameterCount() == 0) {
            return null;
          }
          try {
            return method.invoke(delegate, arguments);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
