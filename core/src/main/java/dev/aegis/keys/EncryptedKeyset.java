package dev.aegis.keys;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import dev.aegis.error.AegisConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * One keyset's stored form, the same in every store: Tink's encrypted JSON under the master key, bound to
 * the keyset's name so that a keyset stored under another name does not open.
 */
final class EncryptedKeyset {
  private static final String ASSOCIATED_PREFIX = "aegis-keyset:";

  private EncryptedKeyset() {}

  static String seal(String name, KeysetHandle keyset, MasterKey master) throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(), associated(name));
  }

  /**
   * @param where the store, for the message
   * @throws AegisConfigurationException ZA201 naming the keyset, never Tink's detail
   */
  static KeysetHandle open(String name, String sealed, MasterKey master, String where)
      throws AegisConfigurationException {
    try {
      return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(sealed, master.aead(), associated(name));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw MasterKey.unavailable("keyset '" + name + "' in " + where + " does not decrypt under the master"
          + " key (another master key, or the keyset was edited or renamed)");
    }
  }

  private static byte[] associated(String name) {
    return (ASSOCIATED_PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }
}
