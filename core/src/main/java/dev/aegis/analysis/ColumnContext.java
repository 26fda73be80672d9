package dev.aegis.analysis;

/** Where a column reference that carries no placeholder appears (see {@link ColumnUse}). */
public enum ColumnContext {
  /**
   * Compared with another column or expression: {@code a.x = b.y}, {@code JOIN … ON}, {@code USING (…)},
   * {@code x < y}, {@code x LIKE y}, {@code BETWEEN} with column bounds, {@code CASE x WHEN y},
   * {@code x IN (y, …)}, {@code x IN (SELECT y …)} and {@code x = (SELECT y …)} (other = the subquery's
   * single output column when it is a bare column, else null). A subquery's output column is recorded
   * even against a placeholder ({@code ? IN (SELECT y …)}), which no binding covers.
   */
  COMPARED,
  /**
   * Operand of a function, aggregate, arithmetic, CAST/CONVERT, CASE, COLLATE, concatenation, in any
   * clause (select list, WHERE, HAVING, SET value …); also a bare column tested for truth
   * ({@code WHERE flag}, {@code flag AND …}, {@code NOT flag}, {@code flag IS TRUE}).
   */
  EXPRESSION,
  /** ORDER BY of a query block, UPDATE or DELETE, a window's ORDER BY, an aggregate's ORDER BY. */
  ORDER_BY,
  /**
   * GROUP BY, a window's PARTITION BY, and the other places where rows are told apart by equal values:
   * {@code SELECT DISTINCT} (operation "DISTINCT"), {@code COUNT(DISTINCT …)} (operation
   * "COUNT(DISTINCT)"), UNION without ALL, INTERSECT and EXCEPT (operation the set operation).
   */
  GROUP_BY,
  /**
   * A column receives a value that is not a bare placeholder: {@code UPDATE … SET t = src},
   * {@code INSERT … SET}, {@code ON DUPLICATE KEY UPDATE t = src / VALUES(src)}, an expression or constant
   * in {@code VALUES (…)}, and {@code INSERT … SELECT} (each target column at position i receives select
   * item i; REPLACE … SELECT too). Here {@code column}/{@code tables} are the TARGET and
   * {@code other}/{@code otherTables} the SOURCE column when the source is one bare column (resolved
   * through aliases and derived tables), else other = null (expression, constant, function). For
   * INSERT … SELECT without a column list: column null, tables = [target table], other = the source bare
   * column or null, operation "INSERT … SELECT". NULL and DEFAULT are not recorded.
   */
  ASSIGNED
}
