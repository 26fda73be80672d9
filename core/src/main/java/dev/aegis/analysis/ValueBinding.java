package dev.aegis.analysis;

import java.util.List;

/**
 * What one {@code ?} of the digest is compared with or assigned to.
 *
 * <p>The analyser knows no schema, so an unqualified column in a statement over several tables cannot
 * always be pinned to one: {@link #tables} then lists every base table in scope, and encryption resolves it
 * against the configured columns (refusing if it stays ambiguous).
 *
 * @param placeholder the ordinal of the {@code ?} in the digest, from 0, in text order
 * @param column the column name, lower case, or null when the value is not bound to a column; also null
 *     with {@link ValueUse#INSERT_VALUE} and the target table in {@code tables} for an INSERT without a
 *     column list (the analyser knows no schema, so it cannot name the column at that position)
 * @param tables the base tables the column may belong to (aliases, CTEs and derived tables resolved to the
 *     base tables behind them); exactly one when the reference is qualified or only one table is in scope
 * @param use how the value is used
 * @param insideFunction true when the column side is wrapped in a function or expression
 *     ({@code LOWER(email) = ?}), which an encrypted column cannot satisfy; also true when the value side
 *     is an expression around the {@code ?} ({@code name = UPPER(?)}, {@code SET hits = hits + ?}), since
 *     the value then does not reach the column as sent, and when a derived table's column stands for an
 *     expression over the base column
 */
public record ValueBinding(int placeholder, String column, List<TableRef> tables, ValueUse use,
    boolean insideFunction) {

  public ValueBinding {
    tables = List.copyOf(tables);
  }

  /** A value not bound to any column (select list, LIMIT, arithmetic). */
  public static ValueBinding unbound(int placeholder) {
    return new ValueBinding(placeholder, null, List.of(), ValueUse.OTHER, false);
  }
}
