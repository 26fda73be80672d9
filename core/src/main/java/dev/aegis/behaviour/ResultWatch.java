package dev.aegis.behaviour;

import dev.aegis.config.BehaviourConfig;
import dev.aegis.config.ColumnRef;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What behaviour checks watch in one result: which of its columns hold canary values, and how many rows
 * the application has read. Made per result set by {@link BehaviourChecks}; not thread-safe, like the
 * result set.
 */
public final class ResultWatch {
  private final BehaviourChecks checks;
  private final String principal;
  private final String address;
  private final String digest;
  private final int[] canaryColumns;
  private final List<Set<String>> canaryValues;
  /** Whether a canary read is passed on to automatic response. */
  private final boolean respond;
  private long rows;
  private long unreported;

  ResultWatch(BehaviourChecks checks, String principal, String address, String digest, int[] canaryColumns,
      List<Set<String>> canaryValues, boolean respond) {
    this.checks = checks;
    this.respond = respond;
    this.principal = principal;
    this.address = address;
    this.digest = digest;
    this.canaryColumns = canaryColumns;
    this.canaryValues = canaryValues;
  }

  /** The result's columns (from 1) that canaries are configured on. */
  public int[] canaryColumns() {
    return canaryColumns;
  }

  /** Whether {@code value}, read from {@code canaryColumns()[i]}, is a canary. */
  public boolean isCanary(int i, String value) {
    return value != null && canaryValues.get(i).contains(value);
  }

  /** A canary value was returned by this result. */
  public void canaryRead(int column) {
    checks.canaryRead(principal, address, digest, column, respond);
  }

  /** The application moved to another row. Reports volumes every 500 rows, so long streams are caught early. */
  public void row() {
    rows++;
    unreported++;
    checks.statementRows(principal, address, digest, rows);
    if (unreported >= 500) {
      flush();
    }
  }

  /** The result ended or was closed: the rest of its volume counts. */
  public void end() {
    if (unreported > 0) {
      flush();
    }
  }

  private void flush() {
    checks.rowsRead(principal, address, digest, unreported);
    unreported = 0;
  }

  /** Canary columns of a result, traced through its metadata to {@code table.column}. */
  static int[] canaryColumns(ResultSetMetaData metadata, Map<String, Set<String>> byColumn,
      List<Set<String>> valuesOut) throws SQLException {
    List<Integer> found = new ArrayList<>();
    for (int i = 1; i <= metadata.getColumnCount(); i++) {
      String table = metadata.getTableName(i);
      String column = metadata.getColumnName(i);
      if (table == null || column == null) {
        continue;
      }
      Set<String> values = byColumn.get(table.toLowerCase(Locale.ROOT) + "." + column.toLowerCase(Locale.ROOT));
      if (values != null) {
        found.add(i);
        valuesOut.add(values);
      }
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  static String key(ColumnRef ref) {
    return ref.table() + "." + ref.column();
  }

  static String key(BehaviourConfig.Canary canary) {
    return key(canary.column());
  }
}
