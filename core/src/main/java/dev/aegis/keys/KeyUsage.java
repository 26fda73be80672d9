package dev.aegis.keys;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which keys the stored values of encrypted columns are under: the scan that proves an old key is no longer
 * needed before it is retired, and that {@code aegis keys status --count} reports.
 *
 * <p>It reads through a plain connection (never through Aegis: it looks at what the server stores) and
 * classifies each non-NULL value without decrypting it, from the ciphertext header: the domain tag and
 * Tink's key id. A table with a primary key is read in pages ordered by that key ({@code WHERE pk > last
 * ORDER BY pk LIMIT n}), each page its own short statement, so a 10-million-row table neither sits in
 * memory nor holds one read view open for the whole scan; a table without one is streamed row by row
 * (Connector/J's {@code fetchSize = Integer.MIN_VALUE}).
 *
 * <p>The pages are not one snapshot. That suffices for retiring a key: once a key is no longer primary,
 * nothing writes under it, so the values under it only decrease while the scan runs.
 */
public final class KeyUsage {
  /** Rows per page: large enough that a page's round trip is negligible, small enough to hold. */
  public static final int DEFAULT_PAGE_ROWS = 10_000;
  private static final String PRIMARY_KEY = "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
      + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY'"
      + " ORDER BY ORDINAL_POSITION";

  private final int pageRows;

  public KeyUsage() {
    this(DEFAULT_PAGE_ROWS);
  }

  /** @param pageRows rows read per statement on a table with a primary key */
  public KeyUsage(int pageRows) {
    if (pageRows < 1) {
      throw new IllegalArgumentException("pageRows must be at least 1, was " + pageRows);
    }
    this.pageRows = pageRows;
  }

  /**
   * Scans every column of {@code columns} that keyset {@code keyset} encrypts, in the order of their names.
   *
   * @param connection a plain connection to the application's database; columns without a schema are read
   *     in its current database
   */
  public List<ColumnKeyUsage> scanKeyset(Connection connection, Map<ColumnRef, ColumnConfig> columns,
      String keyset, KeysetHandle handle) throws SQLException {
    List<ColumnKeyUsage> usages = new ArrayList<>();
    List<ColumnRef> names = columns.keySet().stream().sorted(java.util.Comparator.comparing(ColumnRef::toString))
        .toList();
    for (ColumnRef column : names) {
      ColumnConfig config = columns.get(column);
      if (config.key().equals(keyset)) {
        usages.add(scan(connection, column, config.domainOf(column), keyset, handle));
      }
    }
    return List.copyOf(usages);
  }

  /**
   * Scans one column.
   *
   * @throws SQLException when the table or column cannot be read; the message names the column
   */
  public ColumnKeyUsage scan(Connection connection, ColumnRef column, String domain, String keyset,
      KeysetHandle handle) throws SQLException {
    int[] keyIds = new int[handle.size()];
    for (int i = 0; i < keyIds.length; i++) {
      keyIds[i] = handle.getAt(i).getId();
    }
    UsageTally tally = new UsageTally(domain, keyIds);
    try {
      List<String> primaryKey = primaryKey(connection, column);
      if (primaryKey.isEmpty()) {
        stream(connection, column, tally);
      } else {
        page(connection, column, primaryKey, tally);
      }
    } catch (SQLException e) {
      throw new SQLException("Aegis could not scan encrypted column " + column + " for the keys of keyset '"
          + keyset + "': " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
    }
    return tally.result(column, keyset, domain);
  }

  private static List<String> primaryKey(Connection connection, ColumnRef column) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(PRIMARY_KEY)) {
      if (column.schema() == null) {
        select.setNull(1, Types.VARCHAR);
      } else {
        select.setString(1, column.schema());
      }
      select.setString(2, column.table());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }

  private void page(Connection connection, ColumnRef column, List<String> primaryKey, UsageTally tally)
      throws SQLException {
    String keys = String.join(", ", primaryKey.stream().map(KeyUsage::quote).toList());
    String value = quote(column.column());
    String head = "SELECT " + keys + ", " + value + " FROM " + table(column) + " WHERE " + value + " IS NOT NULL";
    String tail = " ORDER BY " + keys + " LIMIT " + pageRows;
    int width = primaryKey.size();
    Object[] last = null;
    try (PreparedStatement first = connection.prepareStatement(head + tail);
        PreparedStatement next = connection.prepareStatement(head + " AND " + after(primaryKey) + tail)) {
      while (true) {
        PreparedStatement page = last == null ? first : next;
        if (last != null) {
          bindAfter(next, last);
        }
        int read = 0;
        try (ResultSet rows = page.executeQuery()) {
          while (rows.next()) {
            read++;
            if (last == null) {
              last = new Object[width];
            }
            for (int k = 0; k < width; k++) {
              last[k] = rows.getObject(k + 1);
            }
            tally.add(rows.getObject(width + 1));
          }
        }
        if (read < pageRows) {
          return;
        }
      }
    }
  }

  /**
   * Rows after {@code (k1, …, kn)} in key order, spelled out ({@code k1 > ? OR (k1 = ? AND k2 > ?) …}) rather
   * than as a row comparison, which not every server version turns into a range scan of the key.
   */
  private static String after(List<String> primaryKey) {
    List<String> alternatives = new ArrayList<>();
    for (int k = 0; k < primaryKey.size(); k++) {
      StringBuilder alternative = new StringBuilder("(");
      for (int equal = 0; equal < k; equal++) {
        alternative.append(quote(primaryKey.get(equal))).append(" = ? AND ");
      }
      alternatives.add(alternative.append(quote(primaryKey.get(k))).append(" > ?)").toString());
    }
    return "(" + String.join(" OR ", alternatives) + ")";
  }

  private static void bindAfter(PreparedStatement next, Object[] last) throws SQLException {
    int parameter = 1;
    for (int k = 0; k < last.length; k++) {
      for (int equal = 0; equal <= k; equal++) {
        next.setObject(parameter++, last[equal]);
      }
    }
  }

  private static void stream(Connection connection, ColumnRef column, UsageTally tally) throws SQLException {
    String value = quote(column.column());
    try (Statement select = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      // Connector/J's signal to stream rows one by one instead of reading the whole result into memory.
      select.setFetchSize(Integer.MIN_VALUE);
      try (ResultSet rows = select.executeQuery("SELECT " + value + " FROM " + table(column) + " WHERE " + value
          + " IS NOT NULL")) {
        while (rows.next()) {
          tally.add(rows.getObject(1));
        }
      }
    }
  }

  private static String table(ColumnRef column) {
    return column.schema() == null ? quote(column.table()) : quote(column.schema()) + "." + quote(column.table());
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
