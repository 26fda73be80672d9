package dev.aegis.jdbc;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The settings an application may have made on a statement, carried to the statement that replaces it
 * when a prepared statement is prepared again under reloaded keys.
 */
final class StatementSettings {
  private StatementSettings() {}

  /**
   * Copies what JDBC lets one read back: time-out, fetch size and direction, row and field limits,
   * poolable, close on completion. Escape processing does not apply to a statement already prepared, and
   * MySQL has no named cursors.
   */
  static void copy(Statement from, Statement to) throws SQLException {
    to.setQueryTimeout(from.getQueryTimeout());
    to.setFetchSize(from.getFetchSize());
    to.setFetchDirection(from.getFetchDirection());
    to.setMaxFieldSize(from.getMaxFieldSize());
    to.setLargeMaxRows(from.getLargeMaxRows());
    to.setPoolable(from.isPoolable());
    if (from.isCloseOnCompletion()) {
      to.closeOnCompletion();
    }
  }
}
