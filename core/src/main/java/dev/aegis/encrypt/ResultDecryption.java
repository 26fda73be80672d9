package dev.aegis.encrypt;

import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.error.AegisCryptoException;
import dev.aegis.error.AegisSqlState;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/**
 * Decrypts the columns of one result set. A column the metadata traces to a configured column
 * ({@code getTableName}/{@code getColumnName}: aliases, joins and {@code SELECT *} keep the base names) is
 * always decrypted. Any other character or binary column — an expression, a UNION, a derived table, a
 * view — is checked value by value for the ciphertext header, whose domain tag names the column it was
 * written for: such a value is decrypted with that column's key, never handed back as data. Not
 * thread-safe, like the result set it serves.
 */
public final class ResultDecryption {
  /** What {@link #open} returns for a value that is not ciphertext in a column not known to be encrypted. */
  public static final Object NOT_ENCRYPTED = new Object();

  private static final byte NONE = 0;
  private static final byte PROTECTED_TEXT = 1;
  private static final byte PROTECTED_BYTES = 2;
  private static final byte TAGGED_TEXT = 3;
  private static final byte TAGGED_BYTES = 4;

  private final EncryptedColumns columns;
  private final byte[] kinds;
  private final ProtectedColumn[] protectedColumns;
  private final String[] labels;
  private final java.util.function.Consumer<ProtectedColumn> plaintextRead;

  private ResultDecryption(EncryptedColumns columns, byte[] kinds, ProtectedColumn[] protectedColumns,
      String[] labels, java.util.function.Consumer<ProtectedColumn> plaintextRead) {
    this.columns = columns;
    this.kinds = kinds;
    this.protectedColumns = protectedColumns;
    this.labels = labels;
    this.plaintextRead = plaintextRead;
  }

  /**
   * The decryption of a result with this metadata, or null when none of its columns can hold ciphertext.
   *
   * @param plaintextRead counts values of encrypted columns read as plaintext (half-migrated tables)
   */
  public static ResultDecryption of(ResultSetMetaData metadata, EncryptedColumns columns,
      java.util.function.Consumer<ProtectedColumn> plaintextRead) throws SQLException {
    if (columns.isEmpty() || metadata == null) {
      return null;
    }
    int count = metadata.getColumnCount();
    byte[] kinds = new byte[count + 1];
    ProtectedColumn[] found = new ProtectedColumn[count + 1];
    String[] labels = new String[count + 1];
    boolean any = false;
    for (int i = 1; i <= count; i++) {
      int type = metadata.getColumnType(i);
      boolean bytes = isBinary(type);
      if (!bytes && !isCharacter(type)) {
        continue;
      }
      String table = lower(metadata.getTableName(i));
      String column = lower(metadata.getColumnName(i));
      ProtectedColumn c = table.isEmpty() || column.isEmpty() ? null
          : columns.find(emptyToNull(lower(metadata.getCatalogName(i))), table, column);
      kinds[i] = c != null ? (bytes ? PROTECTED_BYTES : PROTECTED_TEXT) : bytes ? TAGGED_BYTES : TAGGED_TEXT;
      found[i] = c;
      labels[i] = metadata.getColumnLabel(i);
      any = true;
    }
    return any ? new ResultDecryption(columns, kinds, found, labels, plaintextRead) : null;
  }

  /** Whether column {@code i} (from 1) may need decryption; when false, read it from the delegate. */
  public boolean handles(int i) {
    return i > 0 && i < kinds.length && kinds[i] != NONE;
  }

  /** Whether column {@code i} is traced to a configured encrypted column. */
  public ProtectedColumn column(int i) {
    return i > 0 && i < kinds.length ? protectedColumns[i] : null;
  }

  public String label(int i) {
    return labels[i];
  }

  /**
   * The plaintext of column {@code i} in the current row: null for SQL NULL, the decoded value for
   * ciphertext, or {@link #NOT_ENCRYPTED} for a plain value of a column not configured as encrypted (the
   * caller then reads it from the delegate as usual).
   *
   * @throws AegisCryptoException (ZA200) when a value does not decrypt, or is plaintext in a strict column
   */
  public Object open(ResultSet delegate, int i) throws SQLException {
    switch (kinds[i]) {
      case PROTECTED_TEXT, PROTECTED_BYTES -> {
        return openProtected(delegate, i, protectedColumns[i], kinds[i] == PROTECTED_BYTES);
      }
      case TAGGED_TEXT -> {
        String text = delegate.getString(i);
        if (text == null) {
          return null;
        }
        ProtectedColumn owner = columns.byTag(CiphertextFormat.tagOfText(text));
        if (owner == null) {
          return NOT_ENCRYPTED;
        }
        byte[] stored = CiphertextFormat.fromText(text);
        if (stored == null) {
          return NOT_ENCRYPTED;
        }
        return owner.open(stored);
      }
      case TAGGED_BYTES -> {
        byte[] stored = delegate.getBytes(i);
        if (stored == null) {
          return null;
        }
        ProtectedColumn owner = CiphertextFormat.isCiphertext(stored)
            ? columns.byTag(CiphertextFormat.tagOf(stored)) : null;
        return owner == null ? NOT_ENCRYPTED : owner.open(stored);
      }
      default -> {
        return NOT_ENCRYPTED;
      }
    }
  }

  private Object openProtected(ResultSet delegate, int i, ProtectedColumn column, boolean bytes)
      throws SQLException {
    byte[] stored;
    Object raw;
    if (bytes) {
      stored = delegate.getBytes(i);
      raw = stored;
    } else {
      String text = delegate.getString(i);
      raw = text;
      stored = text == null || CiphertextFormat.tagOfText(text) < 0 ? null : CiphertextFormat.fromText(text);
      if (text == null) {
        return null;
      }
    }
    if (raw == null) {
      return null;
    }
    if (stored == null || !CiphertextFormat.isCiphertext(stored)) {
      if (column.config().isStrict()) {
        throw new AegisCryptoException(AegisSqlState.DECRYPTION_FAILED, "A value of encrypted column "
            + column.name() + " is not Aegis ciphertext, and the column is configured strict. It is not"
            + " returned. Encrypt the column's existing rows, or remove 'strict' while they are migrated.");
      }
      // A half-migrated table: the row predates encryption. Counted so operators see migration progress.
      plaintextRead.accept(column);
      return raw;
    }
    return column.open(stored);
  }

  private static boolean isCharacter(int type) {
    return type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR || type == Types.NCHAR
        || type == Types.NVARCHAR || type == Types.LONGNVARCHAR || type == Types.CLOB || type == Types.NCLOB;
  }

  private static boolean isBinary(int type) {
    return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
