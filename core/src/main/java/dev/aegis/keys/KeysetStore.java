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
  default Map<String, KeysetHandle> read(MasterKey master) throws AegisConfigurationException {
    Map<String, KeysetHandle> handles = new java.util.TreeMap<>();
    readKeysets(master).forEach((name, keyset) -> handles.put(name, keyset.handle()));
    return handles;
  }

  /** As {@link #read}, with the date each key was added. */
  default Map<String, Keyset> readKeysets(MasterKey master) throws AegisConfigurationException {
    Map<String, Keyset> keysets = new java.util.TreeMap<>();
    for (Map.Entry<String, String> entry : readSealed().entrySet()) {
      keysets.put(entry.getKey(), EncryptedKeyset.open(entry.getKey(), entry.getValue(), master, describe()));
    }
    return keysets;
  }

  /**
   * Every keyset's stored form, as is (sealed under the master key, with its dates): what backups copy and
   * what a running instance compares to see whether the keysets changed.
   *
   * @throws AegisConfigurationException ZA201 when the store is missing or unreadable
   */
  Map<String, String> readSealed() throws AegisConfigurationException;

  /**
   * Replaces the whole store by {@code sealed} (stored forms as {@link #readSealed} gives them) in one
   * atomic step: a file is replaced by a rename, a table in one transaction. Keysets not named are removed.
   */
  void replaceSealed(Map<String, String> sealed) throws IOException, SQLException;

  /**
   * Re-wraps every keyset under {@code to}, keeping its keys and dates, in one atomic step: a reader sees
   * either every keyset under {@code from} or every keyset under {@code to}.
   *
   * @throws AegisConfigurationException when a keyset does not open under {@code from}; nothing is written
   */
  default int rewrap(MasterKey from, MasterKey to)
      throws IOException, GeneralSecurityException, SQLException, AegisConfigurationException {
    Map<String, String> sealed = readSealed();
    Map<String, String> rewrapped = new java.util.TreeMap<>();
    java.time.Instant now = java.time.Instant.now();
    for (Map.Entry<String, String> entry : sealed.entrySet()) {
      Keyset keyset = EncryptedKeyset.open(entry.getKey(), entry.getValue(), from, describe());
      rewrapped.put(entry.getKey(), EncryptedKeyset.seal(entry.getKey(), keyset.handle(), keyset.created(), now, to));
    }
    replaceSealed(rewrapped);
    return rewrapped.size();
  }

  /** Whether the store has been created, so that a first {@code keys init} does not report it missing. */
  boolean exists() throws AegisConfigurationException;

  /**
   * Stores {@code keysets} under {@code master}, replacing keysets of the same name and keeping others. A key
   * already stored keeps its date; a new key is dated now.
   */
  void write(Map<String, KeysetHandle> keysets, MasterKey master)
      throws IOException, GeneralSecurityException, SQLException;

  /** The stored forms of {@code keysets}, each key keeping its date in {@code previous} (stored forms). */
  static Map<String, String> seal(Map<String, KeysetHandle> keysets, Map<String, String> previous,
      MasterKey master) throws GeneralSecurityException {
    Map<String, String> sealed = new java.util.TreeMap<>();
    java.time.Instant now = java.time.Instant.now();
    for (Map.Entry<String, KeysetHandle> entry : keysets.entrySet()) {
      String before = previous.get(entry.getKey());
      sealed.put(entry.getKey(), EncryptedKeyset.seal(entry.getKey(), entry.getValue(),
          before == null ? Map.of() : EncryptedKeyset.createdOf(before), now, master));
    }
    return sealed;
  }

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
