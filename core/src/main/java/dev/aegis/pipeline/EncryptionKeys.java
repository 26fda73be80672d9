package dev.aegis.pipeline;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.Location;
import dev.aegis.encrypt.EncryptedColumns;
import dev.aegis.encrypt.SchemaCheck;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import dev.aegis.keys.KeysetStore;
import dev.aegis.keys.MasterKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads what column encryption needs at the first connect of a configuration: the master key, the keysets
 * the columns name, and the schema check's findings. A failure fails that connect and is tried again at the
 * next one (a key file fixed by the operator is picked up without a restart).
 */
final class EncryptionKeys {
  private static final Logger LOG = LoggerFactory.getLogger(EncryptionKeys.class);

  private final AegisConfig config;
  private final Path base;

  EncryptionKeys(AegisConfig config, Path base) {
    this.config = config;
    this.base = base;
  }

  EncryptedColumns load(Connection delegate, dev.aegis.encrypt.CryptoMeters meters) throws SQLException {
    Location master = config.keys().master();
    Location keysets = config.keys().keysets();
    if (master == null || keysets == null) {
      throw new AegisConfigurationException(AegisSqlState.CONFIG_INVALID, "Encrypted columns are configured"
          + " but keys." + (master == null ? "master" : "keysets") + " is not; add a keys: section with"
          + " master: file:PATH (or env:VAR) and keysets: file:PATH (or jdbc), then run 'aegis keys init'.");
    }
    MasterKey key = MasterKey.load(master, base, System::getenv);
    Map<String, KeysetHandle> handles = readKeysets(keysets, key, delegate);
    SchemaCheck.Result schema = SchemaCheck.run(delegate, config);
    EncryptedColumns columns = EncryptedColumns.of(config, handles, schema.binary(), meters);
    LOG.info("Aegis column encryption ready: {} column(s), keys from {}", columns.all().size(), key);
    return columns;
  }

  private Map<String, KeysetHandle> readKeysets(Location keysets, MasterKey key, Connection delegate)
      throws SQLException {
    return KeysetStore.of(keysets, base, () -> unclosable(delegate)).read(key);
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
