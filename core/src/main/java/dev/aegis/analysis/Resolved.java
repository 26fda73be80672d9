package dev.aegis.analysis;

import java.util.List;

/**
 * A column reference resolved to the base tables behind it.
 *
 * @param column the base column name, lower case
 * @param tables candidate base tables (more than one for an unqualified column in a join)
 * @param direct false when the name stands for an expression over the column (a derived table's
 *     {@code LOWER(email) AS e}), so a value compared with it goes through a function
 */
record Resolved(String column, List<TableRef> tables, boolean direct) {}
