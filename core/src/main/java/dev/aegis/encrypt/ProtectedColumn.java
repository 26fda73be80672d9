package dev.aegis.encrypt;

import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.config.EncryptionMode;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.crypto.PlainValue;
import dev.aegis.error.AegisCryptoException;
import dev.aegis.error.AegisSqlState;
import java.security.GeneralSecurityException;
import java.sql.SQLDataException;
import java.sql.SQLException;

/**
 * One configured column with its cipher: turns an application value into what the server stores (base64
 * text for a character column, bytes for a binary one) and back. Immutable and thread-safe.
 */
public final class ProtectedColumn {
  private final ColumnRef ref;
  private final ColumnConfig config;
  /** Replaced whole when the keysets are reloaded; every use reads it once, so a value sees one keyset. */
  private volatile ColumnCipher cipher;
  private final boolean binary;
  private final String name;
  private final CryptoMeters meters;

  ProtectedColumn(ColumnRef ref, ColumnConfig config, ColumnCipher cipher, boolean binary, CryptoMeters meters) {
    this.meters = meters;
    this.ref = ref;
    this.config = config;
    this.cipher = cipher;
    this.binary = binary;
    this.name = ref.toString();
  }

  public ColumnRef ref() {
    return ref;
  }

  public ColumnConfig config() {
    return config;
  }

  /** The column as users configured it, {@code table.column}: what messages name. */
  public String name() {
    return name;
  }

  public String domain() {
    return cipher.domain();
  }

  public EncryptionMode mode() {
    return config.mode();
  }

  /** Whether the server column is binary (stores bytes) rather than character (stores base64). */
  public boolean binary() {
    return binary;
  }

  /**
   * What the server stores for {@code value} (never null): converted to the column's type, encoded,
   * encrypted; a String for a character column, a byte[] for a binary one.
   */
  public Object seal(Object value) throws SQLException {
    byte[] stored = sealBytes(value);
    return binary ? stored : CiphertextFormat.toText(stored);
  }

  /**
   * How many stored forms an equality search on this column must match (see {@link #sealForSearch}): more
   * than one only while its deterministic keyset has several enabled keys.
   */
  public int searchWidth() {
    return cipher.searchWidth();
  }

  /**
   * What an equality search ({@code =}, {@code IN}, {@code <=>}) compares the column with: {@code value}
   * encrypted under every enabled key of the keyset, the primary's first, as {@link #seal} stores it. Only
   * for deterministic columns.
   */
  public Object[] sealForSearch(Object value) throws SQLException {
    Object typed = ValueCoercion.coerce(config.type(), value, name);
    ColumnCipher current = cipher;
    byte[][] sealed;
    try {
      long start = System.nanoTime();
      sealed = current.encryptForSearch(PlainValue.encode(typed));
      meters.encrypted(System.nanoTime() - start);
    } catch (GeneralSecurityException e) {
      throw cannotEncrypt(e);
    }
    Object[] stored = new Object[sealed.length];
    for (int k = 0; k < sealed.length; k++) {
      stored[k] = binary ? sealed[k] : CiphertextFormat.toText(sealed[k]);
    }
    return stored;
  }

  /** Uses {@code next} from now on: the keyset was reloaded (a key added, promoted or retired). */
  void rekey(ColumnCipher next) {
    if (!next.domain().equals(cipher.domain()) || next.mode() != cipher.mode()) {
      throw new IllegalArgumentException("a reloaded cipher must keep the column's domain and mode");
    }
    cipher = next;
  }

  byte[] sealBytes(Object value) throws SQLException {
    Object typed = ValueCoercion.coerce(config.type(), value, name);
    try {
      long start = System.nanoTime();
      byte[] sealed = cipher.encrypt(PlainValue.encode(typed));
      meters.encrypted(System.nanoTime() - start);
      return sealed;
    } catch (GeneralSecurityException e) {
      throw cannotEncrypt(e);
    }
  }

  private AegisCryptoException cannotEncrypt(GeneralSecurityException e) {
    return new AegisCryptoException(AegisSqlState.KEYS_UNAVAILABLE, "A value of encrypted column " + name
        + " could not be encrypted with keyset '" + config.key() + "' (" + e.getClass().getSimpleName()
        + "). Check that the keyset holds an enabled primary key for " + mode().name().toLowerCase(
            java.util.Locale.ROOT) + " encryption.");
  }

  /**
   * The decoded plaintext behind stored bytes, as the type it was written with.
   *
   * @throws AegisCryptoException (ZA200) when the bytes do not decrypt for this column
   */
  public Object open(byte[] stored) throws SQLException {
    long start = System.nanoTime();
    byte[] encoded = cipher.decrypt(stored);
    meters.decrypted(System.nanoTime() - start);
    try {
      return PlainValue.decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new SQLDataException("A value of encrypted column " + name + " decrypted but is not an encoded"
          + " Aegis value; it was not written by this version of Aegis.", AegisSqlState.DECRYPTION_FAILED.code());
    }
  }

  @Override
  public String toString() {
    return "ProtectedColumn(" + name + ", " + cipher + (binary ? ", binary" : "") + ")";
  }
}
