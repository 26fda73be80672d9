package dev.aegis.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a JDBC scenario observed, line by line: rows, update counts, generated keys, errors (SQLState and
 * vendor code). Running one scenario through {@code jdbc:mysql:} and through {@code jdbc:aegis:mysql:} must
 * give equal transcripts.
 */
final class Transcript {
  private final List<String> lines = new ArrayList<>();

  void add(String label, Object value) {
    lines.add(label + ": " + render(value));
  }

  /** Every remaining row of {@code rs}, with column labels. */
  void rows(String label, ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        row.append(i == 1 ? "" : " | ").append(meta.getColumnLabel(i)).append('=').append(render(rs.getObject(i)));
      }
      lines.add(label + " row: " + row);
    }
  }

  /** Runs {@code action} and records the SQLException it throws, or that it threw none. */
  void error(String label, SqlAction action) {
    try {
      action.run();
      lines.add(label + ": no error");
    } catch (SQLException e) {
      lines.add(label + ": SQLState " + e.getSQLState() + ", code " + e.getErrorCode());
    }
  }

  /** Walks every result of an {@code execute}: result sets and update counts, as JDBC describes. */
  void allResults(String label, Statement statement, boolean firstIsResultSet) throws SQLException {
    boolean isResultSet = firstIsResultSet;
    for (int n = 0; ; n++) {
      if (isResultSet) {
        try (ResultSet rs = statement.getResultSet()) {
          rows(label + " #" + n, rs);
        }
      } else {
        int count = statement.getUpdateCount();
        if (count == -1) {
          return;
        }
        add(label + " #" + n + " update count", count);
      }
      isResultSet = statement.getMoreResults();
    }
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  private static String render(Object value) {
    if (value instanceof byte[] bytes) {
      return "bytes" + Arrays.toString(bytes);
    }
    if (value instanceof int[] ints) {
      return Arrays.toString(ints);
    }
    if (value instanceof long[] longs) {
      return Arrays.toString(longs);
    }
    return value == null ? "NULL" : value.getClass().getSimpleName() + ":" + value;
  }

  @FunctionalInterface
  interface SqlAction {
    void run() throws SQLException;
  }

  @Override
  public String toString() {
    return String.join("\n", lines);
  }
}
