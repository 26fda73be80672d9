package dev.aegis.pipeline;

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
   * encrypted columns, loads the keys and checks the schema through {@code delegate}.
   *
   * @throws SQLException when the keys cannot be used or the schema does not fit; the connect fails
   */
  void open(Connection delegate) throws SQLException;

  /**
   * As {@link #open(Connection)}, also telling the pipeline how to open connections of its own to the same
   * database (plain delegate connections, or ones from the application's pool), for work that must not
   * use the application's connection, such as writing security events to their table.
   */
  default void open(Connection delegate, ConnectionSource connections) throws SQLException {
    open(delegate);
  }

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

  /** The decryption of a result with this metadata, or null when nothing in it can be encrypted. */
  ResultDecryption results(ResultSetMetaData metadata) throws SQLException;

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
