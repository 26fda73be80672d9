package dev.aegis.keys;

import dev.aegis.error.AegisConfigurationException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stored forms of keysets held outside a store (a backup, a snapshot taken before a change), opened the way
 * a store opens its own: so a backup can be proven to open under the master before it is written or
 * restored, and a change can be checked before the store is touched.
 */
public final class SealedKeysets {
  private SealedKeysets() {}

  /**
   * Opens every stored form of {@code sealed} under {@code master}.
   *
   * @param where what holds them, for the message: a backup file, a store
   * @throws AegisConfigurationException ZA201 naming the first keyset that does not open, never key material
   */
  public static Map<String, Keyset> open(Map<String, String> sealed, MasterKey master, String where)
      throws AegisConfigurationException {
    Map<String, Keyset> keysets = new TreeMap<>();
    for (Map.Entry<String, String> entry : sealed.entrySet()) {
      keysets.put(entry.getKey(), EncryptedKeyset.open(entry.getKey(), entry.getValue(), master, where));
    }
    return keysets;
  }
}
