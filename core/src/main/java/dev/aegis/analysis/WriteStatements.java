package dev.aegis.analysis;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * INSERT, REPLACE, UPDATE and DELETE: which tables they write, and which column each value goes to.
 */
final class WriteStatements {

  private final Facts facts;
  private final QueryWalker queries;
  private final ExpressionWalker expressions;
  private final FromWalker from;

  WriteStatements(Facts facts, QueryWalker queries, ExpressionWalker expressions) {
    this.facts = facts;
    this.queries = queries;
    this.expressions = expressions;
    this.from = new FromWalker(facts, queries, expressions);
  }

  void insert(Insert insert) {
    if (insert.getReturningClause() != null || insert.getOutputClause() != null
        || insert.getConflictAction() != null || insert.getConflictTarget() != null) {
      throw new Unsupported("unsupported INSERT clause (RETURNING, OUTPUT or ON CONFLICT)");
    }
    Scope scope = new Scope(null);
    queries.ctes(insert.getWithItemsList(), scope);
    TableRef target = target(insert.getTable());
    List<Resolved> columns = columns(insert.getColumns(), target);
    Scope targetScope = new Scope(scope);
    targetScope.add(Source.table(null, target));
    sets(insert.getSetUpdateSets(), targetScope, ValueUse.INSERT_VALUE);
    values(insert.getSelect(), columns, target, scope, targetScope);
    sets(insert.getDuplicateUpdateSets(), targetScope, ValueUse.ASSIGNMENT);
  }

  /** MySQL REPLACE, which JSqlParser reads as an upsert. */
  void replace(Upsert upsert) {
    String type = upsert.getUpsertType() == null ? "" : upsert.getUpsertType().name();
    if (!type.startsWith("REPLACE")) {
      throw new Unsupported("unsupported " + type + " statement");
    }
    Scope scope = new Scope(null);
    TableRef target = target(upsert.getTable());
    List<Resolved> columns = columns(upsert.getColumns(), target);
    Scope targetScope = new Scope(scope);
    targetScope.add(Source.table(null, target));
    sets(upsert.getUpdateSets(), targetScope, ValueUse.INSERT_VALUE);
    values(upsert.getSelect(), columns, target, scope, targetScope);
    sets(upsert.getDuplicateUpdateSets(), targetScope, ValueUse.ASSIGNMENT);
  }

  void update(Update update) {
    if (update.getReturningClause() != null || update.getOutputClause() != null
        || update.getPreferringClause() != null || update.isUseSelect()) {
      throw new Unsupported("unsupported UPDATE clause (RETURNING, OUTPUT or SET (…) = SELECT)");
    }
    Scope scope = new Scope(null);
    queries.ctes(update.getWithItemsList(), scope);
    queries.addFrom(update.getTable(), scope);
    queries.joins(update.getStartJoins(), scope);
    if (update.getFromItem() != null) {
      queries.addFrom(update.getFromItem(), scope);
    }
    queries.joins(update.getJoins(), scope);
    for (UpdateSet set : update.getUpdateSets()) {
      assignAll(set, scope, ValueUse.ASSIGNMENT, true);
    }
    where(update.getWhere(), scope);
    orderAndLimit(update.getOrderByElements(), update.getLimit(), scope);
  }

  void delete(Delete delete) {
    if (delete.getReturningClause() != null || delete.getOutputClause() != null
        || delete.getPreferringClause() != null) {
      throw new Unsupported("unsupported DELETE clause (RETURNING or OUTPUT)");
    }
    Scope scope = new Scope(null);
    queries.ctes(delete.getWithItemsList(), scope);
    if (delete.getTable() != null) {
      queries.addFrom(delete.getTable(), scope);
    }
    if (delete.getUsingList() != null) {
      for (Table t : delete.getUsingList()) {
        queries.addFrom(t, scope);
      }
    }
    queries.joins(delete.getJoins(), scope);
    List<Table> targets = delete.getTables() != null && !delete.getTables().isEmpty()
        ? delete.getTables() : delete.getTable() == null ? List.of() : List.of(delete.getTable());
    for (Table t : targets) {
      facts.written.addAll(deleted(t, scope));
    }
    where(delete.getWhere(), scope);
    orderAndLimit(delete.getOrderByElements(), delete.getLimit(), scope);
  }

  // ---- parts -----------------------------------------------------------------------------------

  private TableRef target(Table table) {
    TableRef target = from.table(table);
    if (target == null) {
      throw new Unsupported("write to DUAL");
    }
    facts.written.add(target);
    return target;
  }

  private static List<Resolved> columns(ExpressionList<Column> columns, TableRef target) {
    if (columns == null || columns.isEmpty()) {
      return null;
    }
    List<Resolved> resolved = new ArrayList<>(columns.size());
    for (Column c : columns) {
      resolved.add(new Resolved(Names.of(c.getColumnName()), List.of(target), true));
    }
    return resolved;
  }

  /**
   * VALUES rows (every element a parenthesised list when there are several rows) bind by position to the column list; without a column list the analyser cannot name the
   * column (it knows no schema), so the binding names the table with a null column. A column named in
   * a row is the target table's ({@code rowScope}); a SELECT source has its own tables ({@code scope}).
   */
  private void values(Select source, List<Resolved> columns, TableRef target, Scope scope,
      Scope rowScope) {
    if (source == null) {
      return;
    }
    if (!(source instanceof Values values)) {
      queries.insertSource(source, columns, target, scope);
      return;
    }
    ExpressionList<?> rows = values.getExpressions();
    if (!rows.isEmpty() && allRows(rows)) {
      for (Expression row : rows) {
        row((ExpressionList<?>) row, columns, target, rowScope);
      }
    } else {
      row(rows, columns, target, rowScope);
    }
  }

  private static boolean allRows(ExpressionList<?> rows) {
    for (Expression row : rows) {
      if (!(row instanceof ExpressionList<?>)) {
        return false;
      }
    }
    return true;
  }

  private void row(ExpressionList<?> row, List<Resolved> columns, TableRef target, Scope scope) {
    for (int i = 0; i < row.size(); i++) {
      Resolved column = columns == null ? new Resolved(null, List.of(target), true)
          : i < columns.size() ? columns.get(i) : null;
      if (column == null) {
        expressions.value(row.get(i), scope, false);
      } else {
        expressions.assign(column, row.get(i), ValueUse.INSERT_VALUE, scope, "VALUES");
      }
    }
  }

  private void sets(List<UpdateSet> sets, Scope scope, ValueUse use) {
    if (sets != null) {
      for (UpdateSet set : sets) {
        assignAll(set, scope, use, false);
      }
    }
  }

  /** {@code col = value} and {@code (a, b) = (v1, v2)}; UPDATE also records the written tables. */
  private void assignAll(UpdateSet set, Scope scope, ValueUse use, boolean recordWritten) {
    ExpressionList<Column> columns = set.getColumns();
    ExpressionList<?> values = set.getValues();
    List<Resolved> targets = new ArrayList<>(columns.size());
    for (Column c : columns) {
      Resolved target = expressions.resolve(c, scope);
      targets.add(target);
      if (recordWritten) {
        facts.written.addAll(target.tables());
      }
    }
    if (values.size() == targets.size()) {
      for (int i = 0; i < values.size(); i++) {
        expressions.assign(targets.get(i), values.get(i), use, scope, "SET");
      }
    } else {
      expressions.value(values, scope, false);
      // Which value reaches which column is unknown: each may receive anything.
      for (Resolved target : targets) {
        if (target != null) {
          expressions.use(target, ColumnContext.ASSIGNED, "SET", null);
        }
      }
    }
  }

  /** A DELETE target names a table or an alias of the FROM list. */
  private List<TableRef> deleted(Table t, Scope scope) {
    String name = Names.of(t.getName());
    String schema = Names.of(t.getSchemaName());
    for (Source source : scope.sources) {
      if (source.matches(schema, name)) {
        return source.tables();
      }
    }
    TableRef ref = from.table(t);
    return ref == null ? List.of() : List.of(ref);
  }

  private void where(Expression where, Scope scope) {
    if (where == null) {
      facts.whereless = true;
    }
    expressions.condition(where, "WHERE", scope, false);
  }

  private void orderAndLimit(List<net.sf.jsqlparser.statement.select.OrderByElement> order,
      net.sf.jsqlparser.statement.select.Limit limit, Scope scope) {
    if (order != null) {
      for (var o : order) {
        expressions.ordering(o.getExpression(), scope, false, ColumnContext.ORDER_BY, "ORDER BY");
      }
    }
    queries.limit(limit, scope);
  }
}
