package dev.aegis.keys;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.Location;
import dev.aegis.error.AegisConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;

/**
 * Where the named data keysets live, each encrypted under the master key with its name as associated data:
 * a file ({@code keys.keysets: file:PATH}) or a table in the application's database ({@code jdbc}).
 */
public interface KeysetStore {

  /**
   * Every keyset in the store, decrypted with {@code master}.
   *
   * @throws AegisConfigurationException ZA201 when the store is missing or unreadable, or a keyset does not
   *     decrypt; the message names the store and the keyset, never key material
   */
  Map<String, KeysetHandle> read(MasterKey master) throws AegisConfigurationException;

  /** Whether the store has been created, so that a first {@code keys init} does not report it missing. */
  boolean exists() throws AegisConfigurationException;

  /** Stores {@code keysets} under {@code master}, replacing keysets of the same name and keeping others. */
  void write(Map<String, KeysetHandle> keysets, MasterKey master)
      throws IOException, GeneralSecurityException, SQLException;

  /** The store, for messages: a file's absolute path or {@code table aegis_keysets}. */
  String describe();

  /**
   * The store {@code keys.keysets} names.
   *
   * @param configDirectory where a relative {@code file:} path starts: the configuration file's directory
   * @param jdbc connections for a {@code jdbc} store; may be null for a file store
   */
  static KeysetStore of(Location keysets, Path configDirectory, ConnectionSource jdbc) {
    return switch (keysets.scheme()) {
      case FILE -> new FileKeysetStore(configDirectory.resolve(keysets.target()));
      case JDBC -> new JdbcKeysetStore(Objects.requireNonNull(jdbc, "a jdbc keyset store needs connections"));
      case ENV -> throw new IllegalArgumentException("keysets cannot be stored in an environment variable");
    };
  }
}
