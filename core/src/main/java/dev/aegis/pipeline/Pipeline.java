package dev.aegis.pipeline;

import dev.aegis.config.AegisConfig;
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
   * Judges and, where needed, rewrites one SQL text. The wrappers hand the delegate exactly what this
   * returns, never the original.
   *
   * @param entry the JDBC call that carries the text
   * @param sql the application's SQL; null is passed on for the delegate to reject as it always does
   * @return the SQL to hand to the delegate
   * @throws SQLException when the statement must not reach the server; nothing is sent then
   */
  String intercept(SqlEntry entry, String sql) throws SQLException;

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
