package dev.aegis.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import dev.aegis.config.EncryptionMode;
import dev.aegis.error.AegisCryptoException;
import dev.aegis.error.AegisSqlState;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Encrypts and decrypts the values of one column domain with one keyset. The domain (by default
 * {@code table.column}) is the associated data of every call, so a ciphertext moved to a column of another
 * domain fails to decrypt; it is also tagged in the stored header (see {@link CiphertextFormat}).
 *
 * <p>Randomized columns use Tink AEAD (AES-256-GCM): equal plaintexts give different ciphertexts.
 * Deterministic columns use Tink Deterministic AEAD (AES-256-SIV): equal plaintexts give equal
 * ciphertexts, which keeps equality search, IN, joins within a domain and UNIQUE indexes working, and
 * reveals which values are equal. Thread-safe; never holds or prints key material itself.
 */
public final class ColumnCipher {
  static {
    try {
      AeadConfig.register();
      DeterministicAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String domain;
  private final byte[] associatedData;
  private final int tag;
  private final EncryptionMode mode;
  private final Aead aead;
  private final DeterministicAead deterministic;
  /**
   * Deterministic only: one primitive per enabled key, the primary first, each encrypting under its key.
   * While a keyset has several enabled keys (mid-rotation), a value stored under any of them must still be
   * found by equality, so a search value is encrypted under each.
   */
  private final DeterministicAead[] searchKeys;

  private ColumnCipher(KeysetHandle keyset, EncryptionMode mode, String domain) throws GeneralSecurityException {
    this.domain = domain;
    this.associatedData = domain.getBytes(StandardCharsets.UTF_8);
    this.tag = CiphertextFormat.domainTag(domain);
    this.mode = mode;
    if (mode == EncryptionMode.DETERMINISTIC) {
      this.deterministic = keyset.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
      this.aead = null;
      this.searchKeys = searchKeys(keyset, deterministic);
    } else {
      this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
      this.deterministic = null;
      this.searchKeys = null;
    }
  }

  private static DeterministicAead[] searchKeys(KeysetHandle keyset, DeterministicAead primary)
      throws GeneralSecurityException {
    java.util.List<DeterministicAead> keys = new java.util.ArrayList<>(keyset.size());
    keys.add(primary);
    for (int i = 0; i < keyset.size(); i++) {
      KeysetHandle.Entry entry = keyset.getAt(i);
      if (entry.isPrimary() || entry.getStatus() != KeyStatus.ENABLED) {
        continue;
      }
      // The same keyset with this key as primary: Tink encrypts only under the primary.
      KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
      builder.getAt(i).makePrimary();
      keys.add(builder.build().getPrimitive(RegistryConfiguration.get(), DeterministicAead.class));
    }
    return keys.toArray(new DeterministicAead[0]);
  }

  /**
   * A cipher for {@code domain} with {@code keyset}, whose keys must suit {@code mode} (AES-256-GCM or
   * AES-256-SIV).
   *
   * @throws GeneralSecurityException when the keyset does not hold keys for that mode
   */
  public static ColumnCipher of(KeysetHandle keyset, EncryptionMode mode, String domain)
      throws GeneralSecurityException {
    return new ColumnCipher(keyset, mode, domain);
  }

  /** A new keyset of one key for {@code mode}: AES-256-SIV for deterministic, AES-256-GCM otherwise. */
  public static KeysetHandle newKeyset(EncryptionMode mode) throws GeneralSecurityException {
    return KeysetHandle.generateNew(mode == EncryptionMode.DETERMINISTIC
        ? PredefinedDeterministicAeadParameters.AES256_SIV
        : PredefinedAeadParameters.AES256_GCM);
  }

  public String domain() {
    return domain;
  }

  public EncryptionMode mode() {
    return mode;
  }

  /** The stored form of an encoded plaintext (see {@link PlainValue#encode}). */
  public byte[] encrypt(byte[] plaintext) throws GeneralSecurityException {
    byte[] ciphertext = mode == EncryptionMode.DETERMINISTIC
        ? deterministic.encryptDeterministically(plaintext, associatedData)
        : aead.encrypt(plaintext, associatedData);
    return CiphertextFormat.seal(tag, ciphertext);
  }

  /**
   * How many ciphertexts an equality search on this domain must match: one per enabled key of a
   * deterministic keyset (more than one only mid-rotation); 1 for a randomized one.
   */
  public int searchWidth() {
    return searchKeys == null ? 1 : searchKeys.length;
  }

  /**
   * The stored form of an encoded plaintext under each enabled key, the primary's first: what an equality
   * search compares with. Only for deterministic columns.
   */
  public byte[][] encryptForSearch(byte[] plaintext) throws GeneralSecurityException {
    if (searchKeys == null) {
      throw new IllegalStateException("equality search on randomized domain " + domain);
    }
    byte[][] stored = new byte[searchKeys.length][];
    for (int k = 0; k < searchKeys.length; k++) {
      stored[k] = CiphertextFormat.seal(tag, searchKeys[k].encryptDeterministically(plaintext, associatedData));
    }
    return stored;
  }

  /**
   * The encoded plaintext behind a stored value of this domain.
   *
   * @throws AegisCryptoException with {@link AegisSqlState#DECRYPTION_FAILED} when the value was tampered
   *     with, belongs to another domain or was written under a key this keyset does not hold
   */
  public byte[] decrypt(byte[] stored) throws AegisCryptoException {
    if (!CiphertextFormat.isCiphertext(stored)) {
      throw failed("it is not an Aegis ciphertext");
    }
    if (CiphertextFormat.tagOf(stored) != tag) {
      throw failed("it was written for another column domain (moved or copied from another column)");
    }
    byte[] ciphertext = java.util.Arrays.copyOfRange(stored, CiphertextFormat.HEADER, stored.length);
    try {
      return mode == EncryptionMode.DETERMINISTIC
          ? deterministic.decryptDeterministically(ciphertext, associatedData)
          : aead.decrypt(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      // Tink says only "decryption failed", and so do we: no hint for an attacker, no key material.
      throw failed("it does not authenticate: tampered with, or written under a key this keyset lacks");
    }
  }

  private AegisCryptoException failed(String why) {
    return new AegisCryptoException(AegisSqlState.DECRYPTION_FAILED, "A value of encrypted column domain '"
        + domain + "' could not be decrypted: " + why + ". It is not returned. Check that the row was"
        + " written through Aegis with this configuration and that every key in use is loaded.");
  }

  @Override
  public String toString() {
    return "ColumnCipher(" + domain + ", " + mode.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
