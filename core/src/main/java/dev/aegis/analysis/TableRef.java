package dev.aegis.analysis;

import java.util.Locale;

/**
 * A base table a statement reads or writes, after resolving aliases, CTE names and derived tables.
 *
 * @param schema the schema, lower case, or null when the statement does not name one
 * @param table the table, lower case
 */
public record TableRef(String schema, String table) {
  public TableRef {
    if (table == null || table.isEmpty()) {
      throw new IllegalArgumentException("table is required");
    }
    schema = schema == null ? null : schema.toLowerCase(Locale.ROOT);
    table = table.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return schema == null ? table : schema + "." + table;
  }
}
