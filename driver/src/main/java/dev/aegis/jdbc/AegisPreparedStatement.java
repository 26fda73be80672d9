package dev.aegis.jdbc;

import dev.aegis.encrypt.PreparedSql;
import dev.aegis.encrypt.ProtectedColumn;
import dev.aegis.jdbc.BoundParameters.Setter;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.*;
import java.util.Calendar;

/**
 * A prepared statement; its SQL went through the pipeline when the connection prepared it, which also
 * said which parameters carry values of encrypted columns. Every setter of such a parameter encrypts the
 * value before the delegate sees it (so batches, rewritten or not, hold only ciphertext); {@code setNull}
 * stays NULL.
 *
 * <p>An equality search on a column whose values have several stored forms (mid-rotation, mid-migration)
 * is one parameter for the application and one per form for the delegate: every setter binds at the
 * delegate's index the plan gives ({@link PreparedSql#index}), also for parameters after a widened one.
 *
 * <p>A statement whose SQL depends on the keys ({@link PreparedSql#keyed}: a search, a ciphertext literal)
 * remembers what was bound. When the keys are reloaded while it is held, its next execution or
 * {@code addBatch} prepares the delegate's statement again with the SQL the new keys need and binds the
 * remembered values again, transparently. Rows already added to a batch stay in the statement they were
 * bound for and are executed first by {@code executeBatch}, so no row is lost or bound to the wrong
 * placeholder. Other statements remember nothing and pay nothing.
 */
class AegisPreparedStatement extends AegisStatement implements PreparedStatement {
  private PreparedStatement prepared;
  private PreparedSql plan;
  /** How to prepare the delegate's statement again; null when its SQL does not depend on the keys. */
  private final PrepareOptions options;
  /** What the application bound ({@link BoundParameters}); kept only with {@link #options}, from its first set. */
  private Object[] bound;
  /** A call no replay can restore (a parameter bound by name, an OUT parameter), or null. */
  private String unreplayable;
  /** Delegate statements made under earlier keys that still hold added rows, oldest first; null when none. */
  private java.util.List<PreparedStatement> earlierBatches;
  /** Rows added to {@link #prepared} since its batch was last sent or cleared (kept with options only). */
  private int batched;
  /** A search value could not be bound as the delegate's statement was prepared: the keys changed since. */
  private boolean unbound;

  AegisPreparedStatement(AegisConnection connection, PreparedStatement prepared, PreparedSql plan) {
    this(connection, prepared, plan, null);
  }

  /**
   * @param options how the application prepared it, when {@code plan} depends on the keys; else null
   */
  AegisPreparedStatement(AegisConnection connection, PreparedStatement prepared, PreparedSql plan,
      PrepareOptions options) {
    super(connection, prepared);
    this.prepared = prepared;
    this.plan = plan;
    this.options = plan.keyed() ? options : null;
    this.digest = connection.lastDigest();
  }

  /** The shape captured when the statement was prepared: its results are this statement's. */
  private final String digest;

  @Override
  String digest() {
    return digest;
  }

  /** The encrypted column parameter {@code index} carries a value of, or null. */
  final ProtectedColumn encrypted(int index) {
    return plan.parameter(index);
  }

  /** The delegate's index of the application's parameter {@code index}. */
  final int at(int index) {
    return plan.index(index);
  }

  /** The delegate's statement now (it changes when the statement is prepared again). */
  final PreparedStatement prepared() {
    return prepared;
  }

  /** Called when the delegate's statement was replaced by one prepared again. */
  void replaced(PreparedStatement next) {
  }

  private void remember(int index, Setter setter, Object value) {
    if (options == null) {
      return;
    }
    if (bound == null) {
      bound = BoundParameters.forParameters(plan.parameterCount());
    }
    bound = BoundParameters.put(bound, index, setter, value);
  }

  /** Notes, for a statement that may be prepared again, a call no replay can restore. */
  final void unreplayable(String method) {
    if (options != null && unreplayable == null) {
      unreplayable = method;
    }
  }

  /** Binds the application's value of encrypted parameter {@code index} (encrypted, or as its forms). */
  private void bind(int index, ProtectedColumn column, Object value) throws SQLException {
    remember(index, Setter.ENCRYPTED, value);
    if (!ProtectedValues.set(prepared, plan, index, column, value)) {
      unbound = true; // the keys changed since the SQL was made: bound again once it is made again
    }
  }

  /**
   * Before the statement goes to the server (execute, addBatch): when the keys were reloaded since its SQL
   * was made, makes it again and binds what the application bound.
   */
  private void current() throws SQLException {
    for (int attempt = 0; unbound || plan.stale(); attempt++) {
      if (attempt == 3) {
        throw new SQLTransientException("The keys of an encrypted column kept changing while Aegis prepared the"
            + " statement again; nothing was sent to the server. Execute it again.");
      }
      prepareAgain();
    }
  }

  private void prepareAgain() throws SQLException {
    PreparedSql next = plan.again();
    if (next.sql().equals(plan.sql())) {
      plan = next; // same SQL (the widths did not change): the delegate's statement stays
      if (unbound) {
        unbound = false;
        replay();
      }
      return;
    }
    PreparedStatement fresh = options.prepare(connection.delegate, next.sql());
    PreparedStatement old = prepared;
    try {
      StatementSettings.copy(old, fresh);
    } catch (SQLException | RuntimeException e) {
      fresh.close();
      throw e;
    }
    if (batched > 0) {
      // Its rows were bound for its own SQL: they stay with it and go first in executeBatch.
      if (earlierBatches == null) {
        earlierBatches = new java.util.ArrayList<>(2);
      }
      earlierBatches.add(old);
      batched = 0;
    } else {
      old.close();
    }
    prepared = fresh;
    delegate = fresh;
    replaced(fresh);
    plan = next;
    unbound = false;
    replay();
  }

  private void replay() throws SQLException {
    if (bound == null && unreplayable == null) {
      return;
    }
    BoundParameters.replay(bound, unreplayable, new BoundParameters.Target() {
      @Override
      public void encrypted(int index, Object value) throws SQLException {
        ProtectedColumn column = plan.parameter(index);
        if (!ProtectedValues.set(prepared, plan, index, column, value)) {
          unbound = true;
        }
      }

      @Override
      public PreparedStatement delegate() {
        return prepared;
      }

      @Override
      public int at(int index) {
        return plan.index(index);
      }
    });
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    // The text was screened when it was prepared, maybe before its caller was blocked.
    connection.admit();
    if (options != null) {
      current();
    }
    try {
      return results(prepared.executeQuery());
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public int executeUpdate() throws SQLException {
    connection.admit();
    if (options != null) {
      current();
    }
    try {
      return prepared.executeUpdate();
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public boolean execute() throws SQLException {
    connection.admit();
    if (options != null) {
      current();
    }
    try {
      return prepared.execute();
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    connection.admit();
    if (options != null) {
      current();
    }
    try {
      return prepared.executeLargeUpdate();
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public void addBatch() throws SQLException {
    if (options != null) {
      current();
      batched++;
    }
    prepared.addBatch();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    if (earlierBatches == null) {
      batched = 0;
      return super.executeBatch();
    }
    long[] counts = executeAllBatches(false);
    int[] out = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      out[i] = (int) counts[i];
    }
    return out;
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    if (earlierBatches == null) {
      batched = 0;
      return super.executeLargeBatch();
    }
    return executeAllBatches(true);
  }

  /**
   * Sends the rows added under earlier keys, each batch with the statement it was bound for, then this
   * statement's; the counts in the order the rows were added. A failing batch stops the rest, as one
   * batch stops: its exception carries the counts of every row before.
   */
  private long[] executeAllBatches(boolean large) throws SQLException {
    connection.admit();
    java.util.List<PreparedStatement> batches = earlierBatches;
    earlierBatches = null;
    long[] counts = new long[0];
    int sent = 0;
    try {
      for (; sent < batches.size(); sent++) {
        counts = concat(counts, run(batches.get(sent), large));
      }
      batched = 0;
      return concat(counts, run(prepared, large));
    } catch (BatchUpdateException e) {
      if (sent < batches.size()) {
        prepared.clearBatch();
        batched = 0;
      }
      long[] failed = e.getLargeUpdateCounts() != null ? e.getLargeUpdateCounts() : new long[0];
      throw connection.failed(new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(),
          concat(counts, failed), e), digest());
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    } finally {
      closeAll(batches);
    }
  }

  private static long[] run(PreparedStatement statement, boolean large) throws SQLException {
    if (large) {
      return statement.executeLargeBatch();
    }
    int[] counts = statement.executeBatch();
    long[] out = new long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      out[i] = counts[i];
    }
    return out;
  }

  private static long[] concat(long[] a, long[] b) {
    long[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static void closeAll(java.util.List<PreparedStatement> statements) throws SQLException {
    SQLException failure = null;
    for (PreparedStatement statement : statements) {
      try {
        statement.close();
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void clearBatch() throws SQLException {
    batched = 0;
    if (earlierBatches != null) {
      java.util.List<PreparedStatement> batches = earlierBatches;
      earlierBatches = null;
      closeAll(batches);
    }
    super.clearBatch();
  }

  @Override
  public void close() throws SQLException {
    if (earlierBatches != null) {
      java.util.List<PreparedStatement> batches = earlierBatches;
      earlierBatches = null;
      try {
        closeAll(batches);
      } finally {
        super.close();
      }
      return;
    }
    super.close();
  }

  @Override
  public void clearParameters() throws SQLException {
    if (bound != null) {
      java.util.Arrays.fill(bound, null);
    }
    unbound = false;
    prepared.clearParameters();
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return prepared.getMetaData();
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    ParameterMetaData parameters = prepared.getParameterMetaData();
    return plan.expanded() ? new ApplicationParameters(parameters, plan) : parameters;
  }

  // ---- setters: an encrypted parameter is bound through bind(), any other at the delegate's index -----

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    if (encrypted(parameterIndex) != null) {
      remember(parameterIndex, Setter.ENCRYPTED, null);
      ProtectedValues.setNull(prepared, plan, parameterIndex, sqlType, null);
      return;
    }
    remember(parameterIndex, Setter.NULL, sqlType);
    prepared.setNull(at(parameterIndex), sqlType);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    if (encrypted(parameterIndex) != null) {
      remember(parameterIndex, Setter.ENCRYPTED, null);
      ProtectedValues.setNull(prepared, plan, parameterIndex, sqlType, typeName);
      return;
    }
    remember(parameterIndex, Setter.NULL_NAMED, new Object[] {sqlType, typeName});
    prepared.setNull(at(parameterIndex), sqlType, typeName);
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.BOOLEAN, x);
    prepared.setBoolean(at(parameterIndex), x);
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.BYTE, x);
    prepared.setByte(at(parameterIndex), x);
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.SHORT, x);
    prepared.setShort(at(parameterIndex), x);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.INT, x);
    prepared.setInt(at(parameterIndex), x);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.LONG, x);
    prepared.setLong(at(parameterIndex), x);
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.FLOAT, x);
    prepared.setFloat(at(parameterIndex), x);
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.DOUBLE, x);
    prepared.setDouble(at(parameterIndex), x);
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.BIG_DECIMAL, x);
    prepared.setBigDecimal(at(parameterIndex), x);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.STRING, x);
    prepared.setString(at(parameterIndex), x);
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, value);
      return;
    }
    remember(parameterIndex, Setter.NSTRING, value);
    prepared.setNString(at(parameterIndex), value);
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.BYTES, x);
    prepared.setBytes(at(parameterIndex), x);
  }

  @Override
  public void setDate(int parameterIndex, java.sql.Date x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.DATE, x);
    prepared.setDate(at(parameterIndex), x);
  }

  @Override
  public void setTime(int parameterIndex, java.sql.Time x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.TIME, x);
    prepared.setTime(at(parameterIndex), x);
  }

  @Override
  public void setTimestamp(int parameterIndex, java.sql.Timestamp x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.TIMESTAMP, x);
    prepared.setTimestamp(at(parameterIndex), x);
  }

  @Override
  public void setDate(int parameterIndex, java.sql.Date x, Calendar cal) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.inCalendar(x, cal));
      return;
    }
    remember(parameterIndex, Setter.DATE_CALENDAR, new Object[] {x, cal});
    prepared.setDate(at(parameterIndex), x, cal);
  }

  @Override
  public void setTime(int parameterIndex, java.sql.Time x, Calendar cal) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.inCalendar(x, cal));
      return;
    }
    remember(parameterIndex, Setter.TIME_CALENDAR, new Object[] {x, cal});
    prepared.setTime(at(parameterIndex), x, cal);
  }

  @Override
  public void setTimestamp(int parameterIndex, java.sql.Timestamp x, Calendar cal) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.inCalendar(x, cal));
      return;
    }
    remember(parameterIndex, Setter.TIMESTAMP_CALENDAR, new Object[] {x, cal});
    prepared.setTimestamp(at(parameterIndex), x, cal);
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.OBJECT, x);
    prepared.setObject(at(parameterIndex), x);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.OBJECT_TYPED, new Object[] {x, targetSqlType});
    prepared.setObject(at(parameterIndex), x, targetSqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.OBJECT_TYPED_SCALED, new Object[] {x, targetSqlType, scaleOrLength});
    prepared.setObject(at(parameterIndex), x, targetSqlType, scaleOrLength);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.OBJECT_SQL_TYPED_SCALED, new Object[] {x, targetSqlType, scaleOrLength});
    prepared.setObject(at(parameterIndex), x, targetSqlType, scaleOrLength);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x);
      return;
    }
    remember(parameterIndex, Setter.OBJECT_SQL_TYPED, new Object[] {x, targetSqlType});
    prepared.setObject(at(parameterIndex), x, targetSqlType);
  }

  @Override
  public void setURL(int parameterIndex, java.net.URL x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, x == null ? null : x.toString());
      return;
    }
    remember(parameterIndex, Setter.URL, x);
    prepared.setURL(at(parameterIndex), x);
  }

  // ---- streams: read whole for an encrypted parameter; otherwise passed on, and not replayable ---------

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.ascii(x, length));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setAsciiStream");
    prepared.setAsciiStream(at(parameterIndex), x, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.ascii(x, length));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setAsciiStream");
    prepared.setAsciiStream(at(parameterIndex), x, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.ascii(x, -1));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setAsciiStream");
    prepared.setAsciiStream(at(parameterIndex), x);
  }

  /** Deprecated in JDBC; delegated as it is. */
  @Deprecated
  @SuppressWarnings("deprecation")
  @Override
  public void setUnicodeStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
    if (encrypted(parameterIndex) != null) {
      throw ProtectedValues.unsupportedWrite("setUnicodeStream", encrypted(parameterIndex));
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setUnicodeStream");
    prepared.setUnicodeStream(at(parameterIndex), x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.bytes(x, length));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setBinaryStream");
    prepared.setBinaryStream(at(parameterIndex), x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.bytes(x, length));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setBinaryStream");
    prepared.setBinaryStream(at(parameterIndex), x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.bytes(x, -1));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setBinaryStream");
    prepared.setBinaryStream(at(parameterIndex), x);
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader, int length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.text(reader, length));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setCharacterStream");
    prepared.setCharacterStream(at(parameterIndex), reader, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.text(reader, length));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setCharacterStream");
    prepared.setCharacterStream(at(parameterIndex), reader, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.text(reader, -1));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setCharacterStream");
    prepared.setCharacterStream(at(parameterIndex), reader);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.text(value, length));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setNCharacterStream");
    prepared.setNCharacterStream(at(parameterIndex), value, length);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.text(value, -1));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setNCharacterStream");
    prepared.setNCharacterStream(at(parameterIndex), value);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.text(reader, length));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setClob");
    prepared.setClob(at(parameterIndex), reader, length);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.text(reader, -1));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setClob");
    prepared.setClob(at(parameterIndex), reader);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.text(reader, length));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setNClob");
    prepared.setNClob(at(parameterIndex), reader, length);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.text(reader, -1));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setNClob");
    prepared.setNClob(at(parameterIndex), reader);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.bytes(inputStream, length));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setBlob");
    prepared.setBlob(at(parameterIndex), inputStream, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.bytes(inputStream, -1));
      return;
    }
    remember(parameterIndex, Setter.UNREPLAYABLE, "setBlob");
    prepared.setBlob(at(parameterIndex), inputStream);
  }

  // ---- LOB and other objects -----------------------------------------------------------------------

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.bytes(x));
      return;
    }
    remember(parameterIndex, Setter.BLOB, x);
    prepared.setBlob(at(parameterIndex), x);
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.text(x));
      return;
    }
    remember(parameterIndex, Setter.CLOB, x);
    prepared.setClob(at(parameterIndex), x);
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      bind(parameterIndex, column, ProtectedValues.text(value));
      return;
    }
    remember(parameterIndex, Setter.NCLOB, value);
    prepared.setNClob(at(parameterIndex), value);
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    if (encrypted(parameterIndex) != null) {
      throw ProtectedValues.unsupportedWrite("setRef", encrypted(parameterIndex));
    }
    remember(parameterIndex, Setter.REF, x);
    prepared.setRef(at(parameterIndex), x);
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    if (encrypted(parameterIndex) != null) {
      throw ProtectedValues.unsupportedWrite("setArray", encrypted(parameterIndex));
    }
    remember(parameterIndex, Setter.ARRAY, x);
    prepared.setArray(at(parameterIndex), x);
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    if (encrypted(parameterIndex) != null) {
      throw ProtectedValues.unsupportedWrite("setRowId", encrypted(parameterIndex));
    }
    remember(parameterIndex, Setter.ROW_ID, x);
    prepared.setRowId(at(parameterIndex), x);
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    if (encrypted(parameterIndex) != null) {
      throw ProtectedValues.unsupportedWrite("setSQLXML", encrypted(parameterIndex));
    }
    remember(parameterIndex, Setter.SQLXML, xmlObject);
    prepared.setSQLXML(at(parameterIndex), xmlObject);
  }
}
