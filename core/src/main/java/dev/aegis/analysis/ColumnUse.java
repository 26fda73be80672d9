package dev.aegis.analysis;

import java.util.List;

/**
 * A column reference in a position that column encryption must judge: one that carries no placeholder
 * (those are {@link ValueBinding}s) but makes the server read the column's value, which it holds only as
 * ciphertext: compared with another column, passed to a function or operator, sorted, grouped, or
 * copied into another column.
 *
 * <p>The analyser knows no schema, so {@link #tables} may list several candidates, as in
 * {@link ValueBinding}. A column that stands for an expression (a derived table's {@code LOWER(email) AS e},
 * a select alias of {@code COUNT(email)}) is recorded under the first base column of that expression,
 * wherever the name is used; the expression itself is recorded where it is written. A UNION column that
 * is a different column in each SELECT is recorded once per SELECT's column.
 *
 * @param column base column, lower case, or null when it cannot be named: the target of INSERT … SELECT
 *     without a column list, and uses that reach every column of {@code tables} ({@code NATURAL JOIN}, a
 *     {@code *} that is sorted by position, made DISTINCT, compared with {@code IN (SELECT * …)} or copied
 *     by INSERT … SELECT)
 * @param tables candidate base tables (as in ValueBinding)
 * @param context where the column appears
 * @param operation what is done to it, for error messages: the function name upper case ({@code LOWER},
 *     {@code MIN}, {@code COUNT}, {@code CAST}, {@code CONCAT}), the operator ({@code +}, {@code =},
 *     {@code <}, {@code LIKE}, {@code REGEXP}, {@code IN}, {@code AND}, {@code IS TRUE}), {@code ORDER BY},
 *     {@code GROUP BY}, {@code PARTITION BY}, {@code DISTINCT}, {@code USING}, {@code SET},
 *     {@code VALUES}, {@code INSERT … SELECT}
 * @param other for COMPARED the column on the other side, for ASSIGNED the source column; null when that
 *     side is not a single bare column (an expression, a constant, a subquery whose output is not one
 *     bare column), and always null in the other contexts
 * @param otherTables candidate base tables of other (empty when other is null)
 */
public record ColumnUse(String column, List<TableRef> tables, ColumnContext context, String operation,
    String other, List<TableRef> otherTables) {

  public ColumnUse {
    tables = List.copyOf(tables);
    otherTables = List.copyOf(otherTables);
  }
}
