package dev.aegis.jdbc;

import dev.aegis.config.AegisConfig;
import dev.aegis.behaviour.ResultWatch;
import dev.aegis.encrypt.PreparedSql;
import dev.aegis.encrypt.ResultDecryption;
import dev.aegis.keys.ConnectionSource;
import dev.aegis.pipeline.SqlEntry;
import dev.aegis.pipeline.Pipeline;
import dev.aegis.pipeline.Session;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.*;
import java.util.Calendar;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * The application's connection. Every call that carries SQL text hands it to the {@link Pipeline}
 * first; statements and metadata it creates are Aegis wrappers that point back here; everything else is
 * delegated unchanged.
 */
final class AegisConnection implements Connection {
  final Connection delegate;
  private final Pipeline pipeline;

  private final Session session;

  AegisConnection(Connection delegate, Pipeline pipeline) {
    this(delegate, pipeline, Session.UNKNOWN);
  }

  AegisConnection(Connection delegate, Pipeline pipeline, Session session) {
    this.delegate = delegate;
    this.pipeline = pipeline;
    this.session = session;
  }

  /**
   * A connection on {@code delegate}, after the pipeline is ready for it (keys loaded, schema checked on
   * the first connect with encrypted columns, allowlist loaded). When it is not, the delegate is closed and
   * the connect fails.
   *
   * @param connections opens more plain connections like {@code delegate}, for the pipeline's background work
   */
  static AegisConnection open(Connection delegate, Pipeline pipeline, ConnectionSource connections)
      throws SQLException {
    try {
      pipeline.open(delegate, connections);
    } catch (SQLException | RuntimeException e) {
      try {
        delegate.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return new AegisConnection(delegate, pipeline, new Session(DatabaseUser.of(delegate), LocalHost.NAME));
  }

  /**
   * Tells the pipeline a statement failed on the server (bursts of syntax errors are a sign of injection
   * probing) and returns the failure for the caller to throw unchanged.
   */
  SQLException failed(SQLException failure, String digest) {
    pipeline.serverError(session, digest, failure);
    return failure;
  }

  /** The shape of the last statement this thread handed to the pipeline, or null. */
  String lastDigest() {
    return pipeline.lastDigest();
  }

  /** The behaviour watch over a delegate result set of this connection, or null. */
  ResultWatch watch(ResultSet results, String digest) throws SQLException {
    return pipeline.watch(session, digest, results);
  }

  /** How to decrypt a delegate result set of this connection; null when nothing in it can be encrypted. */
  ResultDecryption decryption(ResultSet results) throws SQLException {
    return pipeline.decrypts() ? pipeline.results(results.getMetaData()) : null;
  }

  /** The configuration this connection runs with (for tests and diagnostics). */
  /** The pipeline this connection's statements go through; for tests. */
  Pipeline pipeline() {
    return pipeline;
  }

  AegisConfig pipelineConfig() {
    return pipeline.config();
  }

  /** The single interception point for SQL text from this connection and its statements. */
  String intercept(SqlEntry entry, String sql) throws SQLException {
    return pipeline.intercept(session, entry, sql);
  }

  /** Refuses an execution carrying no new SQL text (prepared, batched) when the caller is blocked. */
  void admit() throws SQLException {
    pipeline.admit(session);
  }

  @Override
  public Statement createStatement() throws SQLException {
    return new AegisStatement(this, delegate.createStatement());
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    PreparedSql plan = pipeline.prepare(session, SqlEntry.PREPARE_STATEMENT, sql);
    return new AegisPreparedStatement(this, delegate.prepareStatement(plan.sql()), plan,
        plan.keyed() ? PrepareOptions.PLAIN : null);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    PreparedSql plan = pipeline.prepare(session, SqlEntry.PREPARE_CALL, sql);
    return new AegisCallableStatement(this, delegate.prepareCall(plan.sql()), plan,
        plan.keyed() ? PrepareOptions.CALL : null);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    return delegate.nativeSQL(intercept(SqlEntry.NATIVE_SQL, sql));
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    delegate.setAutoCommit(autoCommit);
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    return delegate.getAutoCommit();
  }

  @Override
  public void commit() throws SQLException {
    delegate.commit();
  }

  @Override
  public void rollback() throws SQLException {
    delegate.rollback();
  }

  @Override
  public void close() throws SQLException {
    delegate.close();
  }

  @Override
  public boolean isClosed() throws SQLException {
    return delegate.isClosed();
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    return new AegisDatabaseMetaData(this, delegate.getMetaData());
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    delegate.setReadOnly(readOnly);
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return delegate.isReadOnly();
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    delegate.setCatalog(catalog);
  }

  @Override
  public String getCatalog() throws SQLException {
    return delegate.getCatalog();
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    delegate.setTransactionIsolation(level);
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    return delegate.getTransactionIsolation();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return delegate.getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    delegate.clearWarnings();
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    return new AegisStatement(this, delegate.createStatement(resultSetType, resultSetConcurrency));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType,
      int resultSetConcurrency) throws SQLException {
    PreparedSql plan = pipeline.prepare(session, SqlEntry.PREPARE_STATEMENT, sql);
    return new AegisPreparedStatement(this,
        delegate.prepareStatement(plan.sql(), resultSetType, resultSetConcurrency), plan,
        plan.keyed() ? PrepareOptions.typed(false, resultSetType, resultSetConcurrency) : null);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    PreparedSql plan = pipeline.prepare(session, SqlEntry.PREPARE_CALL, sql);
    return new AegisCallableStatement(this,
        delegate.prepareCall(plan.sql(), resultSetType, resultSetConcurrency), plan,
        plan.keyed() ? PrepareOptions.typed(true, resultSetType, resultSetConcurrency) : null);
  }

  @Override
  public java.util.Map<String,Class<?>> getTypeMap() throws SQLException {
    return delegate.getTypeMap();
  }

  @Override
  public void setTypeMap(java.util.Map<String,Class<?>> map) throws SQLException {
    delegate.setTypeMap(map);
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    delegate.setHoldability(holdability);
  }

  @Override
  public int getHoldability() throws SQLException {
    return delegate.getHoldability();
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return delegate.setSavepoint();
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    return delegate.setSavepoint(name);
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    delegate.rollback(savepoint);
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    delegate.releaseSavepoint(savepoint);
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    return new AegisStatement(this, delegate.createStatement(resultSetType, resultSetConcurrency,
        resultSetHoldability));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    PreparedSql plan = pipeline.prepare(session, SqlEntry.PREPARE_STATEMENT, sql);
    return new AegisPreparedStatement(this, delegate.prepareStatement(plan.sql(), resultSetType,
        resultSetConcurrency, resultSetHoldability), plan, plan.keyed()
            ? PrepareOptions.holdable(false, resultSetType, resultSetConcurrency, resultSetHoldability) : null);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    PreparedSql plan = pipeline.prepare(session, SqlEntry.PREPARE_CALL, sql);
    return new AegisCallableStatement(this, delegate.prepareCall(plan.sql(), resultSetType, resultSetConcurrency,
        resultSetHoldability), plan, plan.keyed()
            ? PrepareOptions.holdable(true, resultSetType, resultSetConcurrency, resultSetHoldability) : null);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    PreparedSql plan = pipeline.prepare(session, SqlEntry.PREPARE_STATEMENT, sql);
    return new AegisPreparedStatement(this, delegate.prepareStatement(plan.sql(), autoGeneratedKeys), plan,
        plan.keyed() ? PrepareOptions.keys(autoGeneratedKeys) : null);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    PreparedSql plan = pipeline.prepare(session, SqlEntry.PREPARE_STATEMENT, sql);
    return new AegisPreparedStatement(this, delegate.prepareStatement(plan.sql(), columnIndexes), plan,
        plan.keyed() ? PrepareOptions.indexes(columnIndexes) : null);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    PreparedSql plan = pipeline.prepare(session, SqlEntry.PREPARE_STATEMENT, sql);
    return new AegisPreparedStatement(this, delegate.prepareStatement(plan.sql(), columnNames), plan,
        plan.keyed() ? PrepareOptions.names(columnNames) : null);
  }

  @Override
  public Clob createClob() throws SQLException {
    return delegate.createClob();
  }

  @Override
  public Blob createBlob() throws SQLException {
    return delegate.createBlob();
  }

  @Override
  public NClob createNClob() throws SQLException {
    return delegate.createNClob();
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    return delegate.createSQLXML();
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    return delegate.isValid(timeout);
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    pipeline.checkClientInfo(name, value);
    delegate.setClientInfo(name, value);
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    pipeline.checkClientInfo(properties);
    delegate.setClientInfo(properties);
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    return delegate.getClientInfo(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    return delegate.getClientInfo();
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    return delegate.createArrayOf(typeName, elements);
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    return delegate.createStruct(typeName, attributes);
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    delegate.setSchema(schema);
  }

  @Override
  public String getSchema() throws SQLException {
    return delegate.getSchema();
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    delegate.abort(executor);
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    delegate.setNetworkTimeout(executor, milliseconds);
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    return delegate.getNetworkTimeout();
  }

  @Override
  public void beginRequest() throws SQLException {
    delegate.beginRequest();
  }

  @Override
  public void endRequest() throws SQLException {
    delegate.endRequest();
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey,
      int timeout) throws SQLException {
    return delegate.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
    return delegate.setShardingKeyIfValid(shardingKey, timeout);
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
    delegate.setShardingKey(shardingKey, superShardingKey);
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey) throws SQLException {
    delegate.setShardingKey(shardingKey);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return iface.isInstance(delegate) ? iface.cast(delegate) : delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
  }

  @Override
  public String toString() {
    return "Aegis(" + delegate + ")";
  }
}
