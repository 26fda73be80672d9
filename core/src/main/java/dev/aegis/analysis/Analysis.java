package dev.aegis.analysis;

import java.util.List;
import java.util.Set;

/**
 * What Aegis knows about one statement shape, computed once per digest and cached: the material for both
 * detection and encryption. Immutable.
 *
 * @param kind what the statement does
 * @param analysable false when the parser could not read the statement or met a construct the analyser
 *     does not understand; then {@link #unanalysableReason} says why, and everything else is best effort
 * @param unanalysableReason null when analysable
 * @param statementCount how many statements the text holds (more than one: stacked queries)
 * @param tablesRead base tables read (FROM, JOIN, subqueries, INSERT … SELECT sources), aliases resolved
 * @param tablesWritten base tables written (INSERT/REPLACE/UPDATE/DELETE targets, DDL objects)
 * @param bindings one per {@code ?} of the digest, in order
 * @param functions names of functions called anywhere, upper case ({@code SLEEP}, {@code EXTRACTVALUE})
 * @param schemas schema names referenced anywhere, lower case ({@code information_schema}, {@code mysql})
 * @param constantPredicates predicates that do not depend on any row
 * @param unionSelects number of SELECTs combined by UNION (0 without UNION)
 * @param constantOnlyUnionSelects SELECTs in a UNION whose select list holds only constants/NULLs
 * @param intoFile SELECT … INTO OUTFILE/DUMPFILE
 * @param whereless UPDATE or DELETE without a WHERE clause
 * @param maxSubqueryDepth deepest nesting of subqueries (0: none)
 * @param columnUses column references that carry no placeholder but make the server read a column's
 *     value (compared with another column, inside a function or operator, sorted, grouped, copied into
 *     another column), in walk order without repeats; what column encryption judges besides
 *     {@link #bindings}. Empty when unanalysable
 */
public record Analysis(
    StatementKind kind,
    boolean analysable,
    String unanalysableReason,
    int statementCount,
    Set<TableRef> tablesRead,
    Set<TableRef> tablesWritten,
    List<ValueBinding> bindings,
    Set<String> functions,
    Set<String> schemas,
    List<ConstantPredicate> constantPredicates,
    int unionSelects,
    int constantOnlyUnionSelects,
    boolean intoFile,
    boolean whereless,
    int maxSubqueryDepth,
    List<ColumnUse> columnUses) {

  public Analysis {
    tablesRead = Set.copyOf(tablesRead);
    tablesWritten = Set.copyOf(tablesWritten);
    bindings = List.copyOf(bindings);
    functions = Set.copyOf(functions);
    schemas = Set.copyOf(schemas);
    constantPredicates = List.copyOf(constantPredicates);
    columnUses = List.copyOf(columnUses);
  }

  /** A statement the parser could not read; detection falls back to the lexer's tokens. */
  public static Analysis unanalysable(String reason) {
    return new Analysis(StatementKind.OTHER, false, reason, 1, Set.of(), Set.of(), List.of(), Set.of(),
        Set.of(), List.of(), 0, 0, false, false, 0, List.of());
  }
}
