package dev.aegis.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A configured column: {@code table.column}, or {@code schema.table.column} when the same table name exists
 * in several schemas. Names compare case-insensitively, as MySQL compares column names.
 *
 * @param schema the schema, or null for "whichever schema the connection uses"
 * @param table the table name, lower case
 * @param column the column name, lower case
 */
public record ColumnRef(String schema, String table, String column) {
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_$]+");

  public ColumnRef {
    if (table == null || column == null) {
      throw new IllegalArgumentException("table and column are required");
    }
    schema = schema == null ? null : schema.toLowerCase(Locale.ROOT);
    table = table.toLowerCase(Locale.ROOT);
    column = column.toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code table.column} or {@code schema.table.column}. Jackson uses this for the keys of
   * {@code columns:}.
   */
  public static ColumnRef valueOf(String text) {
    String[] parts = text.strip().split("\\.", -1);
    boolean valid = parts.length == 2 || parts.length == 3;
    for (String part : parts) {
      valid &= PART.matcher(part).matches();
    }
    if (!valid) {
      throw new IllegalArgumentException("'" + text + "' is not a column name; write table.column or"
          + " schema.table.column (letters, digits, _ and $)");
    }
    return parts.length == 2
        ? new ColumnRef(null, parts[0], parts[1])
        : new ColumnRef(parts[0], parts[1], parts[2]);
  }

  @Override
  public String toString() {
    return (schema == null ? "" : schema + ".") + table + "." + column;
  }
}
