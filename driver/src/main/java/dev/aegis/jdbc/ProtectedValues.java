package dev.aegis.jdbc;

import dev.aegis.encrypt.PreparedSql;
import dev.aegis.encrypt.ProtectedColumn;
import dev.aegis.error.AegisEncryptionException;
import dev.aegis.error.AegisSqlState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * How the wrappers hand a value of an encrypted column to the delegate: encrypted, as a string (base64)
 * for a character column or bytes for a binary one (in plaintext while the column is decrypted back,
 * {@code migration: decrypting}); NULL stays NULL. Streams are read whole first, since a
 * ciphertext cannot be produced piece by piece for a column that stores one value.
 */
final class ProtectedValues {
  private ProtectedValues() {}

  /**
   * Binds the application's parameter {@code index}, a value of encrypted {@code column}, to the delegate
   * as {@code plan} placed it: the stored form at one index, or, for a search widened to several stored
   * forms, one form per index (ciphertext under each key, then plaintext mid-migration).
   *
   * @return false when the column's forms no longer match the statement's SQL (the keys were reloaded since
   *     it was made): nothing is bound, and the statement must be made again before it runs
   */
  static boolean set(PreparedStatement delegate, PreparedSql plan, int index, ProtectedColumn column, Object value)
      throws SQLException {
    int at = plan.index(index);
    int slots = plan.slots(index);
    if (value == null) {
      for (int k = 0; k < slots; k++) {
        delegate.setNull(at + k, column.binary() ? Types.VARBINARY : Types.VARCHAR);
      }
      return true;
    }
    if (slots == 1) {
      setStored(delegate, at, column.stored(value));
      return true;
    }
    Object[] forms = column.searchForms(value);
    if (forms.length != slots) {
      return false;
    }
    for (int k = 0; k < slots; k++) {
      setStored(delegate, at + k, forms[k]);
    }
    return true;
  }

  /** {@code setNull} of encrypted parameter {@code index}: NULL in each of its delegate parameters. */
  static void setNull(PreparedStatement delegate, PreparedSql plan, int index, int sqlType, String typeName)
      throws SQLException {
    int at = plan.index(index);
    for (int k = 0; k < plan.slots(index); k++) {
      if (typeName == null) {
        delegate.setNull(at + k, sqlType);
      } else {
        delegate.setNull(at + k, sqlType, typeName);
      }
    }
  }

  private static void setStored(PreparedStatement delegate, int index, Object stored) throws SQLException {
    if (stored instanceof byte[] bytes) {
      delegate.setBytes(index, bytes);
    } else {
      delegate.setString(index, (String) stored);
    }
  }

  static void update(ResultSet delegate, int index, ProtectedColumn column, Object value) throws SQLException {
    if (value == null) {
      delegate.updateNull(index);
      return;
    }
    Object sealed = column.stored(value);
    if (sealed instanceof byte[] bytes) {
      delegate.updateBytes(index, bytes);
    } else {
      delegate.updateString(index, (String) sealed);
    }
  }

  /** An ASCII stream's text, reading at most {@code length} bytes (all when negative). */
  static String ascii(InputStream in, long length) throws SQLException {
    byte[] bytes = bytes(in, length);
    return bytes == null ? null : new String(bytes, StandardCharsets.US_ASCII);
  }

  static byte[] bytes(InputStream in, long length) throws SQLException {
    if (in == null) {
      return null;
    }
    try {
      if (length < 0) {
        return in.readAllBytes();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(length, 1 << 16));
      byte[] buffer = new byte[8192];
      long left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        left -= n;
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new SQLException("Reading the stream for an encrypted column failed: " + e.getMessage(), "HY000", e);
    }
  }

  static String text(Reader in, long length) throws SQLException {
    if (in == null) {
      return null;
    }
    try {
      StringBuilder out = new StringBuilder();
      char[] buffer = new char[8192];
      long left = length < 0 ? Long.MAX_VALUE : length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        out.append(buffer, 0, n);
        left -= n;
      }
      return out.toString();
    } catch (IOException e) {
      throw new SQLException("Reading the stream for an encrypted column failed: " + e.getMessage(), "HY000", e);
    }
  }

  static byte[] bytes(java.sql.Blob blob) throws SQLException {
    return blob == null ? null : blob.getBytes(1, Math.toIntExact(blob.length()));
  }

  static String text(java.sql.Clob clob) throws SQLException {
    return clob == null ? null : clob.getSubString(1, Math.toIntExact(clob.length()));
  }

  /**
   * The wall-clock value a date, time or timestamp stands for in {@code calendar}'s time zone, as JDBC
   * defines the setters with a Calendar; without a calendar, the value itself.
   */
  static Object inCalendar(java.util.Date value, java.util.Calendar calendar) {
    if (value == null || calendar == null) {
      return value;
    }
    java.time.ZonedDateTime local = java.time.Instant.ofEpochMilli(value.getTime())
        .atZone(calendar.getTimeZone().toZoneId());
    if (value instanceof java.sql.Date) {
      return local.toLocalDate();
    }
    if (value instanceof java.sql.Time) {
      return local.toLocalTime();
    }
    java.time.LocalDateTime moment = local.toLocalDateTime();
    return value instanceof java.sql.Timestamp t ? moment.withNano(t.getNanos()) : moment;
  }

  static SQLException unsupportedRead(String method, String label) {
    return new AegisEncryptionException(AegisSqlState.ENCRYPTION_UNSUPPORTED, method + " cannot read column '"
        + label + "', which holds an encrypted value: read it with getString, getBytes, getObject or a"
        + " stream getter, which decrypt.");
  }

  static SQLException unsupportedWrite(String method, ProtectedColumn column) {
    return new AegisEncryptionException(AegisSqlState.ENCRYPTION_UNSUPPORTED, method + " cannot write encrypted"
        + " column " + column.name() + ": pass the value with setString, setBytes, setObject or a stream"
        + " setter, which encrypt. Nothing was sent to the server.");
  }
}
