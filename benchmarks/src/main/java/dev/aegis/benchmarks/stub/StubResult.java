package dev.aegis.benchmarks.stub;

import java.sql.ResultSetMetaData;
import java.util.List;

/**
 * What every query on a stub connection returns: the rows of one table's columns, fixed when the result
 * is made. Immutable and shared by every connection, statement and thread, like its metadata (one object,
 * so that reading metadata allocates nothing).
 */
public final class StubResult {
  private final String catalog;
  private final String table;
  private final StubColumn[] columns;
  private final Object[][] rows;
  private final StubResultSetMetaData metadata;

  /**
   * @param catalog the database the table is in ({@code getCatalogName}, as Connector/J reports it)
   * @param table the table every column belongs to ({@code getTableName})
   * @param rows the values, one array per row in column order: {@code Integer}, {@code Long},
   *     {@code String}, {@code byte[]} or null
   */
  public StubResult(String catalog, String table, List<StubColumn> columns, List<Object[]> rows) {
    this.catalog = catalog;
    this.table = table;
    this.columns = columns.toArray(StubColumn[]::new);
    this.rows = new Object[rows.size()][];
    for (int i = 0; i < this.rows.length; i++) {
      Object[] row = rows.get(i);
      if (row.length != this.columns.length) {
        throw new IllegalArgumentException("row " + (i + 1) + " has " + row.length + " values for "
            + this.columns.length + " columns");
      }
      this.rows[i] = row.clone();
    }
    this.metadata = new StubResultSetMetaData(this);
  }

  /** One row of {@code values}. */
  public static StubResult oneRow(String catalog, String table, List<StubColumn> columns, Object... values) {
    return new StubResult(catalog, table, columns, List.<Object[]>of(values));
  }

  public String catalog() {
    return catalog;
  }

  public String table() {
    return table;
  }

  public int columnCount() {
    return columns.length;
  }

  /** Column {@code index}, from 1 as in JDBC. */
  public StubColumn column(int index) {
    return columns[index - 1];
  }

  public int rowCount() {
    return rows.length;
  }

  /** The value of column {@code column} (from 1) in row {@code row} (from 1). */
  public Object value(int row, int column) {
    return rows[row - 1][column - 1];
  }

  ResultSetMetaData metadata() {
    return metadata;
  }

  /** The index (from 1) of the column labelled {@code label}, ignoring case as MySQL does; 0 when none. */
  int indexOf(String label) {
    for (int i = 0; i < columns.length; i++) {
      if (columns[i].label().equalsIgnoreCase(label)) {
        return i + 1;
      }
    }
    return 0;
  }
}
