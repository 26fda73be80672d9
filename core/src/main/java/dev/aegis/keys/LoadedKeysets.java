package dev.aegis.keys;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.error.AegisConfigurationException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keysets one read of a store gave: their stored forms, which tell a later read whether anything
 * changed, and the keysets opened from exactly those forms with the master key that opened them.
 *
 * @param master the master key the keysets opened under
 * @param sealed every keyset's stored form, by name
 * @param keysets every keyset, opened, by name
 */
public record LoadedKeysets(MasterKey master, Map<String, String> sealed, Map<String, Keyset> keysets) {

  public LoadedKeysets {
    sealed = Map.copyOf(sealed);
    keysets = Map.copyOf(keysets);
  }

  /**
   * Reads {@code store} once and opens what it read with {@code master}.
   *
   * @throws AegisConfigurationException ZA201 when the store cannot be read or a keyset does not open
   */
  public static LoadedKeysets read(KeysetStore store, MasterKey master) throws AegisConfigurationException {
    return open(store.readSealed(), master, store.describe());
  }

  /** Opens stored forms read before: what was compared is what is used, even if the store changed since. */
  static LoadedKeysets open(Map<String, String> sealed, MasterKey master, String where)
      throws AegisConfigurationException {
    Map<String, Keyset> keysets = new TreeMap<>();
    for (Map.Entry<String, String> entry : sealed.entrySet()) {
      keysets.put(entry.getKey(), EncryptedKeyset.open(entry.getKey(), entry.getValue(), master, where));
    }
    return new LoadedKeysets(master, sealed, keysets);
  }

  /** The Tink keysets by name, as the encrypted columns take them. */
  public Map<String, KeysetHandle> handles() {
    Map<String, KeysetHandle> handles = new TreeMap<>();
    keysets.forEach((name, keyset) -> handles.put(name, keyset.handle()));
    return handles;
  }
}
