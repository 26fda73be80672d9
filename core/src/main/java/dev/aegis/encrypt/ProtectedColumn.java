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
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProtectedColumn.class);
  private final ColumnRef ref;
  private final ColumnConfig config;
  /** Replaced whole when the keysets are reloaded; every use reads it once, so a value sees one keyset. */
  private volatile ColumnCipher cipher;
  private final boolean binary;
  private final String name;
  private final CryptoMeters meters;
  /** Set once the column's migration was logged: once per column, at its first use. */
  private volatile boolean announced;

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

  /** The migration the column is in, or null. */
  public dev.aegis.config.Migration migration() {
    return config.migration();
  }

  /**
   * How many values an equality search on this column compares with (see {@link #searchForms}): one per
   * enabled key, and one more for the plaintext while the column is migrated. 1 in the normal state.
   */
  public int searchSlots() {
    return config.migrating() ? cipher.searchWidth() + 1 : cipher.searchWidth();
  }

  /**
   * Every form a stored value equal to {@code value} can have: its ciphertext under each enabled key, the
   * primary's first, then, while the column is migrated, its plaintext as the unencrypted column holds it
   * ({@link #plainForm}). Only for deterministic columns.
   */
  public Object[] searchForms(Object value) throws SQLException {
    Object[] sealed = sealForSearch(value);
    if (!config.migrating()) {
      return sealed;
    }
    Object[] forms = java.util.Arrays.copyOf(sealed, sealed.length + 1);
    forms[sealed.length] = plainForm(value);
    return forms;
  }

  /**
   * What the server stores for {@code value} written now: its ciphertext ({@link #seal}), or, while the
   * column is decrypted back to plaintext ({@code migration: decrypting}), its {@link #plainForm}.
   */
  public Object stored(Object value) throws SQLException {
    if (config.migration() == dev.aegis.config.Migration.DECRYPTING) {
      return plainForm(value);
    }
    return seal(value);
  }

  /**
   * {@code value} as the column holds it unencrypted, after conversion to the column's type: for a
   * character column its text form as MySQL prints the type (a String), for a binary column its bytes (a
   * String's UTF-8). What a migrated column's plaintext rows hold, and what {@code aegis decrypt-column}
   * writes.
   */
  public Object plainForm(Object value) throws SQLException {
    announce();
    Object typed = ValueCoercion.coerce(config.type(), value, name);
    if (!binary) {
      return ValueCoercion.text(typed);
    }
    return typed instanceof byte[] bytes ? bytes
        : ValueCoercion.text(typed).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Logs, once per column, that it is being migrated and what that means for its values in flight. */
  void announce() {
    if (announced || !config.migrating()) {
      return;
    }
    announced = true;
    LOG.warn("Encrypted column {} is being migrated (migration: {}): stored values are read as ciphertext or"
        + " plaintext, writes store {}, and equality searches on it send the searched value to the server in"
        + " plaintext as well, to find rows not migrated yet. Remove the migration setting once the migration"
        + " has finished. Logged once per column.", name, config.migration().name().toLowerCase(
            java.util.Locale.ROOT), config.migration() == dev.aegis.config.Migration.DECRYPTING
            ? "plaintext" : "ciphertext");
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
