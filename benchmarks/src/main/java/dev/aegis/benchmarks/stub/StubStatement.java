package dev.aegis.benchmarks.stub;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;

/**
 * A statement of a {@link StubConnection}: a plain {@code Statement} when opened without SQL, a
 * {@code PreparedStatement} when opened with it (one class, so the connection keeps one kind of spare).
 * Executing hands the SQL text and the bound values to the connection to remember; a query returns the
 * connection's {@link StubResult}, an update counts one row.
 */
final class StubStatement extends UnsupportedPreparedStatement {
  private static final Object[] NO_PARAMETERS = new Object[0];

  private final StubConnection connection;
  /** The prepared SQL; null for a plain statement. */
  private String sql;
  private Object[] parameters = new Object[8];
  private int parameterCount;
  private boolean closed;
  private StubResultSet current;
  /**
   * The result set of an earlier life of this statement, closed, reused by the first query of this life;
   * later queries of the same life get new ones, so that no two executions share a result set object.
   */
  private StubResultSet spare;
  private int updateCount = -1;
  private int fetchSize;
  private int maxRows;
  private int queryTimeout;

  StubStatement(StubConnection connection, String sql) {
    this.connection = connection;
    this.sql = sql;
  }

  /** This statement, closed earlier, is handed out again by its connection. */
  void reopen(String sql) {
    this.sql = sql;
    Arrays.fill(parameters, 0, parameterCount, null);
    parameterCount = 0;
    closed = false;
    spare = current;
    current = null;
    updateCount = -1;
    fetchSize = 0;
    maxRows = 0;
    queryTimeout = 0;
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("No operations allowed after statement closed.", "S1009");
    }
  }

  private String preparedSql() throws SQLException {
    checkOpen();
    if (sql == null) {
      throw new SQLException("No SQL was prepared: this is a plain Statement", "S1009");
    }
    return sql;
  }

  private void checkPlain() throws SQLException {
    checkOpen();
    if (sql != null) {
      // As the JDBC contract asks of a PreparedStatement given SQL text again.
      throw new SQLException("Can not issue a statement with SQL text on a PreparedStatement", "S1009");
    }
  }

  /** Executing a statement closes its current result set. */
  private void endCurrent() throws SQLException {
    if (current != null) {
      current.close();
    }
    current = null;
    updateCount = -1;
  }

  private ResultSet query(String text, Object[] values, int count) throws SQLException {
    endCurrent();
    connection.executed(text, values, count);
    StubResultSet results = spare;
    if (results == null) {
      results = new StubResultSet(this, connection.result());
    } else {
      spare = null;
      results.reopen();
    }
    current = results;
    return results;
  }

  private int update(String text, Object[] values, int count) throws SQLException {
    endCurrent();
    connection.executed(text, values, count);
    updateCount = 1;
    return 1;
  }

  /** Whether {@code text} returns rows, judged by its first word, as {@code execute} must tell. */
  private static boolean isQuery(String text) {
    int i = 0;
    while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '(')) {
      i++;
    }
    return text.regionMatches(true, i, "SELECT", 0, 6) || text.regionMatches(true, i, "WITH", 0, 4)
        || text.regionMatches(true, i, "SHOW", 0, 4) || text.regionMatches(true, i, "TABLE", 0, 5)
        || text.regionMatches(true, i, "VALUES", 0, 6);
  }

  private void bind(int index, Object value) throws SQLException {
    preparedSql();
    if (index < 1) {
      throw new SQLException("Parameter index out of range (" + index + " < 1).", "S1009");
    }
    if (index > parameters.length) {
      parameters = Arrays.copyOf(parameters, Math.max(index, 2 * parameters.length));
    }
    parameters[index - 1] = value;
    if (index > parameterCount) {
      parameterCount = index;
    }
  }

  // Statement

  @Override
  public ResultSet executeQuery(String text) throws SQLException {
    checkPlain();
    return query(text, NO_PARAMETERS, 0);
  }

  @Override
  public int executeUpdate(String text) throws SQLException {
    checkPlain();
    return update(text, NO_PARAMETERS, 0);
  }

  @Override
  public boolean execute(String text) throws SQLException {
    checkPlain();
    if (isQuery(text)) {
      query(text, NO_PARAMETERS, 0);
      return true;
    }
    update(text, NO_PARAMETERS, 0);
    return false;
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return current;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    checkOpen();
    endCurrent();
    return false;
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    if (current != null) {
      current.close();
    }
    closed = true;
    connection.closed(this);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    checkOpen();
    maxRows = max;
  }

  @Override
  public int getMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    queryTimeout = seconds;
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeout;
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  // PreparedStatement

  @Override
  public ResultSet executeQuery() throws SQLException {
    return query(preparedSql(), parameters, parameterCount);
  }

  @Override
  public int executeUpdate() throws SQLException {
    return update(preparedSql(), parameters, parameterCount);
  }

  @Override
  public boolean execute() throws SQLException {
    String text = preparedSql();
    if (isQuery(text)) {
      query(text, parameters, parameterCount);
      return true;
    }
    update(text, parameters, parameterCount);
    return false;
  }

  @Override
  public void clearParameters() throws SQLException {
    preparedSql();
    Arrays.fill(parameters, 0, parameterCount, null);
    parameterCount = 0;
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    bind(parameterIndex, null);
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public String toString() {
    return "StubStatement(" + (sql != null ? sql : "plain") + ")";
  }
}
