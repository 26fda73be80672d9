package dev.aegis.jdbc;

import dev.aegis.error.AegisEncryptionException;
import dev.aegis.error.AegisSqlState;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLType;
import java.util.Calendar;

/**
 * What the application bound to a prepared statement whose SQL depends on the keys (see
 * {@link dev.aegis.encrypt.PreparedSql#keyed}), so that the statement can be prepared again under reloaded
 * keys and bound again as the application bound it. Statements whose SQL does not depend on the keys keep
 * none of this.
 *
 * <p>Per parameter: how it was bound (a {@link Setter}) and its value; a value of an encrypted column is
 * kept as the application gave it (a stream already read whole), to be encrypted again. A value bound from
 * a stream or reader to a column that is not encrypted was consumed by the delegate and cannot be bound
 * again: replaying it fails with {@link AegisSqlState#PREPARE_AGAIN}.
 *
 * <p>Static helpers over one array the statement holds, so remembering costs a statement one allocation
 * and a setter none (a primitive is boxed).
 */
final class BoundParameters {
  /** How a parameter was bound. */
  enum Setter {
    ENCRYPTED, NULL, NULL_NAMED, BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL, STRING, NSTRING,
    BYTES, DATE, TIME, TIMESTAMP, DATE_CALENDAR, TIME_CALENDAR, TIMESTAMP_CALENDAR, OBJECT, OBJECT_TYPED,
    OBJECT_TYPED_SCALED, OBJECT_SQL_TYPED, OBJECT_SQL_TYPED_SCALED, URL, BLOB, CLOB, NCLOB, REF, ARRAY,
    ROW_ID, SQLXML, UNREPLAYABLE
  }

  private BoundParameters() {}

  /**
   * Room for {@code parameters} parameters: per parameter index {@code i} (from 1), {@code [2 i - 2]} holds
   * its setter and {@code [2 i - 1]} its value (or arguments). One array, the only allocation a statement
   * pays for.
   */
  static Object[] forParameters(int parameters) {
    return new Object[2 * Math.max(parameters, 1)];
  }

  /** Notes how parameter {@code index} was bound; the array grows when needed (returned). */
  static Object[] put(Object[] entries, int index, Setter setter, Object value) {
    if (index < 1) {
      return entries; // the delegate rejects it; nothing to replay
    }
    if (2 * index > entries.length) {
      entries = java.util.Arrays.copyOf(entries, Math.max(2 * entries.length, 2 * index));
    }
    entries[2 * index - 2] = setter;
    entries[2 * index - 1] = value;
    return entries;
  }

  /**
   * Binds again, through {@code target}, everything that was bound. What cannot be bound again is left
   * unbound and reported once the rest is bound, so the application only has to bind that again.
   *
   * @param unreplayable a call made on the statement that no replay can restore (a parameter bound by
   *     name, an OUT parameter), or null
   */
  static void replay(Object[] entries, String unreplayable, Target target) throws SQLException {
    String failed = unreplayable;
    for (int i = 1; entries != null && 2 * i <= entries.length; i++) {
      Setter setter = (Setter) entries[2 * i - 2];
      if (setter == Setter.UNREPLAYABLE) {
        failed = failed != null ? failed : entries[2 * i - 1] + " (parameter " + i + ")";
      } else if (setter != null) {
        replay(target, i, setter, entries[2 * i - 1]);
      }
    }
    if (failed != null) {
      throw cannotReplay(failed);
    }
  }

  /** Where a replay binds: the encrypted parameters through Aegis, the others straight to the delegate. */
  interface Target {
    void encrypted(int index, Object value) throws SQLException;

    /** The delegate's statement. */
    PreparedStatement delegate();

    /** The delegate's index of the application's parameter {@code index}. */
    int at(int index);
  }

  private static void replay(Target target, int i, Setter setter, Object value) throws SQLException {
    if (setter == Setter.ENCRYPTED) {
      target.encrypted(i, value);
      return;
    }
    PreparedStatement d = target.delegate();
    int at = target.at(i);
    Object[] args = value instanceof Object[] a && setter != Setter.OBJECT ? a : null;
    switch (setter) {
      case NULL -> d.setNull(at, (Integer) value);
      case NULL_NAMED -> d.setNull(at, (Integer) args[0], (String) args[1]);
      case BOOLEAN -> d.setBoolean(at, (Boolean) value);
      case BYTE -> d.setByte(at, (Byte) value);
      case SHORT -> d.setShort(at, (Short) value);
      case INT -> d.setInt(at, (Integer) value);
      case LONG -> d.setLong(at, (Long) value);
      case FLOAT -> d.setFloat(at, (Float) value);
      case DOUBLE -> d.setDouble(at, (Double) value);
      case BIG_DECIMAL -> d.setBigDecimal(at, (BigDecimal) value);
      case STRING -> d.setString(at, (String) value);
      case NSTRING -> d.setNString(at, (String) value);
      case BYTES -> d.setBytes(at, (byte[]) value);
      case DATE -> d.setDate(at, (java.sql.Date) value);
      case TIME -> d.setTime(at, (java.sql.Time) value);
      case TIMESTAMP -> d.setTimestamp(at, (java.sql.Timestamp) value);
      case DATE_CALENDAR -> d.setDate(at, (java.sql.Date) args[0], (Calendar) args[1]);
      case TIME_CALENDAR -> d.setTime(at, (java.sql.Time) args[0], (Calendar) args[1]);
      case TIMESTAMP_CALENDAR -> d.setTimestamp(at, (java.sql.Timestamp) args[0], (Calendar) args[1]);
      case OBJECT -> d.setObject(at, value);
      case OBJECT_TYPED -> d.setObject(at, args[0], (Integer) args[1]);
      case OBJECT_TYPED_SCALED -> d.setObject(at, args[0], (Integer) args[1], (Integer) args[2]);
      case OBJECT_SQL_TYPED -> d.setObject(at, args[0], (SQLType) args[1]);
      case OBJECT_SQL_TYPED_SCALED -> d.setObject(at, args[0], (SQLType) args[1], (Integer) args[2]);
      case URL -> d.setURL(at, (java.net.URL) value);
      case BLOB -> d.setBlob(at, (java.sql.Blob) value);
      case CLOB -> d.setClob(at, (java.sql.Clob) value);
      case NCLOB -> d.setNClob(at, (java.sql.NClob) value);
      case REF -> d.setRef(at, (java.sql.Ref) value);
      case ARRAY -> d.setArray(at, (java.sql.Array) value);
      case ROW_ID -> d.setRowId(at, (java.sql.RowId) value);
      case SQLXML -> d.setSQLXML(at, (java.sql.SQLXML) value);
      default -> throw new IllegalStateException("unknown setter " + setter);
    }
  }

  private static SQLException cannotReplay(String method) {
    return new AegisEncryptionException(AegisSqlState.PREPARE_AGAIN, "The keys of an encrypted column this"
        + " prepared statement searches were reloaded (a key rotation step), so Aegis must prepare the statement"
        + " again and bind its parameters again, but " + method + " bound a value that cannot be bound twice"
        + " (a stream or reader is read once; a parameter bound by name or an OUT parameter cannot be carried"
        + " over). Nothing was sent to the server. Prepare the statement again and bind its parameters.");
  }
}
