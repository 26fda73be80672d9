package dev.aegis.pipeline;

import dev.aegis.behaviour.ResultWatch;
import dev.aegis.config.AegisConfig;
import dev.aegis.encrypt.PreparedSql;
import dev.aegis.encrypt.ResultDecryption;
import dev.aegis.keys.ConnectionSource;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.util.Properties;

/**
 * What the JDBC wrappers hand every piece of application text to before the delegate driver sees it: the
 * one interception point. {@link StatementPipeline} is the implementation; the interface exists so the
 * wrappers depend on the contract, not on how stages are assembled.
 */
public interface Pipeline {

  /** The configuration this pipeline enforces. */
  AegisConfig config();

  /**
   * Readies the pipeline for a new connection, before the application sees it: on the first connect with
   * encrypted columns, loads the keys and checks the schema through {@code delegate}; with an allowlist,
   * loads it and starts refreshing it through connections from {@code connections}, which also write
   * security events to their table when configured.
   *
   * @param connections opens further plain connections to the same database, for Aegis's background work
   *     (the application's connection is never used from another thread); may be null when unknown, which
   *     a {@code jdbc} allowlist cannot work with
   * @throws SQLException when the keys cannot be used, the schema does not fit, or enforce's allowlist
   *     cannot be loaded; the connect fails
   */
  void open(Connection delegate, ConnectionSource connections) throws SQLException;

  /**
   * Judges and, where needed, rewrites one SQL text executed as it is. The wrappers hand the delegate
   * exactly what this returns, never the original.
   *
   * @param session the connection the text comes from, for attribution
   * @param entry the JDBC call that carries the text
   * @param sql the application's SQL; null is passed on for the delegate to reject as it always does
   * @return the SQL to hand to the delegate (literals of encrypted columns encrypted)
   * @throws SQLException when the statement must not reach the server; nothing is sent then
   */
  String intercept(Session session, SqlEntry entry, String sql) throws SQLException;

  /** {@link #intercept(Session, SqlEntry, String)} for a statement of no known connection. */
  default String intercept(SqlEntry entry, String sql) throws SQLException {
    return intercept(Session.UNKNOWN, entry, sql);
  }

  /**
   * As {@link #intercept}, for a statement that is prepared: also says which parameters carry values of
   * encrypted columns, to be encrypted as they are bound.
   */
  PreparedSql prepare(Session session, SqlEntry entry, String sql) throws SQLException;

  /** {@link #prepare(Session, SqlEntry, String)} for a statement of no known connection. */
  default PreparedSql prepare(SqlEntry entry, String sql) throws SQLException {
    return prepare(Session.UNKNOWN, entry, sql);
  }

  /**
   * Refuses a statement that goes to the server without new SQL text (a prepared statement executed, a
   * batch sent) when its caller is blocked: its text was screened earlier, maybe before the block started.
   *
   * @throws SQLException ({@link dev.aegis.error.AegisCallerBlockedException}) when the caller is blocked
   */
  default void admit(Session session) throws SQLException {
  }

  /** The decryption of a result with this metadata, or null when nothing in it can be encrypted. */
  ResultDecryption results(ResultSetMetaData metadata) throws SQLException;

  /**
   * The shape (digest) of the last statement this thread handed to the pipeline, or null when it was not
   * lexed (detection off, no encrypted columns): what result-side findings name as the statement.
   */
  default String lastDigest() {
    return null;
  }

  /**
   * The behaviour watch over one result (rows read, canary values), or null when behaviour checks are off.
   *
   * @param digest the shape of the statement that produced it, or null
   */
  default ResultWatch watch(Session session, String digest, java.sql.ResultSet results) throws SQLException {
    return null;
  }

  /**
   * A statement of this session failed on the server. Never throws: the application gets the failure
   * unchanged.
   */
  default void serverError(Session session, String digest, SQLException failure) {}

  /** Whether results may need decryption at all (encrypted columns are configured and loaded). */
  boolean decrypts();

  /**
   * Checks one client-info property before the delegate stores it. Connector/J's default provider sends
   * client info as a {@code /* … *}{@code /} comment in front of every later statement, so a value is SQL
   * text too.
   *
   * @throws SQLClientInfoException when the property would change the statements it is attached to
   */
  void checkClientInfo(String name, String value) throws SQLClientInfoException;

  /** Checks every property of a {@code setClientInfo(Properties)} call; see {@link #checkClientInfo}. */
  void checkClientInfo(Properties properties) throws SQLClientInfoException;
}
