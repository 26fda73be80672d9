package dev.aegis.analysis;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SelectVisitor;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Walks query blocks (SELECT, UNION, parenthesised and derived selects, CTEs): builds each block's
 * {@link Scope}, walks its clauses through the {@link ExpressionWalker}, and returns the block's output
 * as a {@link Derived} so that enclosing blocks resolve columns of derived tables and CTEs to base
 * columns. The visitor's context argument is the enclosing scope (or null). One instance per analysis.
 */
final class QueryWalker implements SelectVisitor<Derived> {

  private static final String INSERT_SELECT = "INSERT … SELECT";

  private final Facts facts;
  private final ExpressionWalker expressions;
  private final FromWalker from;
  private int depth;
  /** INSERT … SELECT target columns, taken by the next SELECT list walked. */
  private List<Resolved> insertTargets;
  /** INSERT … SELECT target table when the INSERT has no column list, taken like insertTargets. */
  private TableRef insertTable;
  /** The provisional output of the recursive CTE whose body is being walked. */
  private Derived recursiveCte;
  private boolean lastSelectConstantOnly;

  QueryWalker(Facts facts, ExpressionWalker expressions) {
    this.facts = facts;
    this.expressions = expressions;
    this.from = new FromWalker(facts, this, expressions);
  }

  /** A top-level query: not a subquery. */
  Derived top(Select select, Scope parent) {
    return select.accept(this, parent);
  }

  /** A subquery, derived table or CTE body: one level deeper. */
  Derived subquery(Select select, Scope parent) {
    depth++;
    facts.depth(depth);
    try {
      return select.accept(this, parent);
    } finally {
      depth--;
    }
  }

  /**
   * The SELECT of INSERT … SELECT: the i-th value of its select list goes to the i-th target column, or
   * to some column of {@code table} when the INSERT has no column list ({@code targets} null).
   */
  Derived insertSource(Select select, List<Resolved> targets, TableRef table, Scope parent) {
    insertTargets = targets;
    insertTable = targets == null ? table : null;
    try {
      return top(select, parent);
    } finally {
      insertTargets = null;
      insertTable = null;
    }
  }

  // ---- blocks ----------------------------------------------------------------------------------

  @Override
  public <S> Derived visit(PlainSelect select, S context) {
    List<Resolved> targets = insertTargets;
    TableRef into = insertTable;
    insertTargets = null;
    insertTable = null;
    recursiveCte = null;
    Scope scope = new Scope((Scope) context);
    ctes(select.getWithItemsList(), scope);
    rejectForeignClauses(select);
    if (select.getFromItem() != null) {
      addFrom(select.getFromItem(), scope);
    }
    joins(select.getJoins(), scope);
    Derived out = selectList(select.getSelectItems(), targets, into, scope);
    for (TableRef t : scope.tables()) {
      out.addTable(t);
    }
    if (select.getDistinct() != null) {
      outputUses(out, ColumnContext.GROUP_BY, "DISTINCT");
    }
    expressions.condition(select.getWhere(), "WHERE", scope, false);
    GroupByElement groupBy = select.getGroupBy();
    if (groupBy != null) {
      ExpressionList<?> list = groupBy.getGroupByExpressionList();
      expressions.ordering(list, scope, true, ColumnContext.GROUP_BY, "GROUP BY");
      if (list != null) {
        for (Expression e : list) {
          position(e, out, ColumnContext.GROUP_BY, "GROUP BY");
        }
      }
      if (groupBy.getGroupingSets() != null) {
        for (ExpressionList<?> set : groupBy.getGroupingSets()) {
          expressions.ordering(set, scope, true, ColumnContext.GROUP_BY, "GROUP BY");
        }
      }
    }
    expressions.condition(select.getHaving(), "HAVING", scope, true);
    if (select.getWindowDefinitions() != null) {
      for (WindowDefinition w : select.getWindowDefinitions()) {
        expressions.window(w, scope);
      }
    }
    tail(select, scope, out);
    return out;
  }

  private Derived selectList(List<SelectItem<?>> items, List<Resolved> targets, TableRef into,
      Scope scope) {
    Derived out = new Derived();
    boolean constantOnly = items != null && !items.isEmpty();
    int position = 0;
    Resolved unnamedTarget = into == null ? null : new Resolved(null, List.of(into), true);
    for (SelectItem<?> item : items == null ? List.<SelectItem<?>>of() : items) {
      Expression e = item.getExpression();
      if (e instanceof AllColumns) {
        out.star = true;
        constantOnly = false;
        // A * fills an unknown number of target columns from here on, with unknown columns.
        for (int i = position; targets != null && i < targets.size(); i++) {
          expressions.use(targets.get(i), ColumnContext.ASSIGNED, INSERT_SELECT, null);
        }
        if (unnamedTarget != null) {
          expressions.use(unnamedTarget, ColumnContext.ASSIGNED, INSERT_SELECT, null);
        }
        position++;
        continue;
      }
      if (e instanceof Column c && (c.getTable() == null || c.getTable().getName() == null)
          && "DISTINCTROW".equalsIgnoreCase(c.getColumnName())) {
        // JSqlParser reads SELECT DISTINCTROW a as the column DISTINCTROW aliased a, hiding column a.
        throw new Unsupported("unsupported DISTINCTROW");
      }
      constantOnly &= Side.isConstant(e);
      Resolved target = targets != null && position < targets.size() ? targets.get(position) : null;
      Side s;
      if (target != null) {
        s = expressions.assign(target, e, ValueUse.INSERT_VALUE, scope, INSERT_SELECT);
      } else {
        s = expressions.item(e, scope);
        if (unnamedTarget != null) {
          expressions.assigned(unnamedTarget, s, INSERT_SELECT);
        }
      }
      Resolved column = s.column == null ? null
          : s.bareColumn ? s.column
          : new Resolved(s.column.column(), s.column.tables(), false, s.column.alternatives());
      Alias alias = item.getAlias();
      String name = alias != null ? Names.of(alias.getName())
          : e instanceof Column c ? Names.of(c.getColumnName()) : null;
      out.add(name, column);
      if (alias != null && name != null) {
        scope.selectAlias(name, column);
      }
      position++;
    }
    lastSelectConstantOnly = constantOnly;
    return out;
  }

  @Override
  public <S> Derived visit(SetOperationList list, S context) {
    List<Resolved> targets = insertTargets;
    TableRef into = insertTable;
    insertTargets = null;
    insertTable = null;
    Derived recursive = recursiveCte;
    recursiveCte = null;
    Scope scope = new Scope((Scope) context);
    ctes(list.getWithItemsList(), scope);
    boolean union = false;
    String deduplicating = null;
    for (SetOperation op : list.getOperations()) {
      union |= op instanceof UnionOp;
      if (deduplicating == null && !(op instanceof UnionOp u && u.isAll())) {
        deduplicating = op instanceof UnionOp ? "UNION" : op.toString().trim().split(" ")[0];
      }
    }
    Derived out = null;
    for (Select branch : list.getSelects()) {
      insertTargets = targets;
      insertTable = into;
      lastSelectConstantOnly = false;
      Derived d = branch.accept(this, scope);
      if (deduplicating != null) {
        // Rows are told apart by equal values, in every SELECT: read before union() merges d.
        outputUses(d, ColumnContext.GROUP_BY, deduplicating);
      }
      if (union) {
        facts.unionSelects++;
        if (lastSelectConstantOnly) {
          facts.constantOnlyUnionSelects++;
        }
      }
      if (out == null) {
        out = d;
        if (recursive != null) {
          recursive.copyFrom(d);
        }
      } else {
        out.union(d);
      }
    }
    insertTargets = null;
    insertTable = null;
    lastSelectConstantOnly = false;
    if (out == null) {
      out = Derived.opaque();
    }
    Scope output = new Scope((Scope) context);
    output.add(Source.derived("", out));
    tail(list, output, out);
    return out;
  }

  @Override
  public <S> Derived visit(ParenthesedSelect select, S context) {
    Scope scope = new Scope((Scope) context);
    ctes(select.getWithItemsList(), scope);
    Derived out = select.getSelect().accept(this, scope);
    Scope output = new Scope((Scope) context);
    output.add(Source.derived("", out));
    tail(select, output, out);
    return out;
  }

  @Override
  public <S> Derived visit(LateralSubSelect select, S context) {
    return visit((ParenthesedSelect) select, context);
  }

  @Override
  public <S> Derived visit(Values values, S context) {
    expressions.value(values.getExpressions(), (Scope) context, false);
    insertTargets = null;
    insertTable = null;
    return Derived.opaque();
  }

  @Override
  public <S> Derived visit(WithItem<?> item, S context) {
    throw Unsupported.node(item, "a query");
  }

  @Override
  public <S> Derived visit(TableStatement statement, S context) {
    throw Unsupported.node(statement);
  }

  @Override
  public <S> Derived visit(FromQuery query, S context) {
    throw Unsupported.node(query);
  }

  // ---- clauses shared by every kind of block ----------------------------------------------------

  /** WITH: each CTE is visible to the ones after it and to the block. */
  void ctes(List<WithItem<?>> items, Scope scope) {
    if (items == null) {
      return;
    }
    for (WithItem<?> item : items) {
      if (item.getSelect() == null) {
        throw Unsupported.node(item.getParenthesedStatement(), "WITH");
      }
      String name = Names.of(item.getUnquotedAliasName());
      Derived provisional = null;
      if (item.isRecursive()) {
        provisional = Derived.opaque();
        scope.defineCte(name, provisional);
        recursiveCte = provisional;
      }
      Derived body = subquery(item.getSelect(), scope);
      recursiveCte = null;
      if (item.getWithItemList() != null) {
        List<String> names = new ArrayList<>();
        for (SelectItem<?> column : item.getWithItemList()) {
          names.add(Names.of(column.getExpression().toString()));
        }
        body.rename(names);
      }
      if (provisional != null) {
        provisional.copyFrom(body);
      } else {
        scope.defineCte(name, body);
      }
    }
  }

  void addFrom(FromItem item, Scope scope) {
    Source source = item.accept(from, scope);
    if (source != null) {
      scope.add(source);
    }
  }

  /**
   * Adds the joined tables first, then walks the ON conditions with all of them in scope. USING and
   * NATURAL compare the sources before a join with the joined ones.
   */
  void joins(List<Join> joins, Scope scope) {
    if (joins == null) {
      return;
    }
    int[] starts = new int[joins.size()];
    int[] ends = new int[joins.size()];
    for (int i = 0; i < joins.size(); i++) {
      Join join = joins.get(i);
      if (join.isApply() || join.getJoinWindow() != null || join.getJoinHint() != null) {
        throw Unsupported.node(join, "FROM");
      }
      starts[i] = scope.sources.size();
      addFrom(join.getRightItem(), scope);
      ends[i] = scope.sources.size();
    }
    for (int i = 0; i < joins.size(); i++) {
      Join join = joins.get(i);
      if (join.getOnExpressions() != null) {
        for (Expression on : join.getOnExpressions()) {
          expressions.condition(on, "ON", scope, false);
        }
      }
      List<Source> left = scope.sources.subList(0, starts[i]);
      List<Source> right = scope.sources.subList(starts[i], ends[i]);
      if (join.getUsingColumns() != null) {
        for (Column c : join.getUsingColumns()) {
          Resolved r = expressions.resolve(c, scope);
          if (r != null) {
            Resolved l = Scope.among(left, r.column());
            Resolved j = Scope.among(right, r.column());
            expressions.use(l, ColumnContext.COMPARED, "USING", j.exact());
            expressions.use(j, ColumnContext.COMPARED, "USING", l.exact());
          }
        }
      }
      if (join.isNatural()) {
        // Every column name the two sides share is compared, and the analyser knows no schema.
        expressions.use(Resolved.anyColumnOf(Scope.tables(left)), ColumnContext.COMPARED,
            "NATURAL JOIN", null);
        expressions.use(Resolved.anyColumnOf(Scope.tables(right)), ColumnContext.COMPARED,
            "NATURAL JOIN", null);
      }
    }
  }

  /**
   * Records a use of every column a block outputs, through {@code *} as any column of its tables: rows
   * compared whole (DISTINCT, UNION) or sorted by a position the digest hides.
   */
  private void outputUses(Derived out, ColumnContext context, String operation) {
    for (Resolved column : out.columns) {
      if (column != null) {
        expressions.use(column, context, operation, null);
      }
    }
    if (out.star) {
      expressions.use(Resolved.anyColumnOf(out.tables), context, operation, null);
    }
  }

  /**
   * {@code ORDER BY 1} reaches the analyser as {@code ORDER BY ?}: the digest hides which select item
   * it names, so it may be any of them.
   */
  private void position(Expression e, Derived out, ColumnContext context, String operation) {
    if (Side.unwrap(e) instanceof JdbcParameter) {
      outputUses(out, context, operation);
    }
  }

  /** ORDER BY, LIMIT, OFFSET, FETCH of any block. */
  private void tail(Select select, Scope scope, Derived out) {
    if (select.getLimitBy() != null || select.getForClause() != null || select.getPivot() != null
        || select.getUnPivot() != null) {
      throw new Unsupported("unsupported clause on " + select.getClass().getSimpleName());
    }
    if (select.getOrderByElements() != null) {
      for (OrderByElement o : select.getOrderByElements()) {
        expressions.ordering(o.getExpression(), scope, true, ColumnContext.ORDER_BY, "ORDER BY");
        position(o.getExpression(), out, ColumnContext.ORDER_BY, "ORDER BY");
      }
    }
    limit(select.getLimit(), scope);
    if (select.getOffset() != null) {
      expressions.value(select.getOffset().getOffset(), scope, false);
    }
    if (select.getFetch() != null) {
      expressions.value(select.getFetch().getExpression(), scope, false);
      expressions.value(select.getFetch().getFetchJdbcParameter(), scope, false);
    }
  }

  void limit(Limit limit, Scope scope) {
    if (limit != null) {
      expressions.value(limit.getRowCount(), scope, false);
      expressions.value(limit.getOffset(), scope, false);
      expressions.value(limit.getByExpressions(), scope, false);
    }
  }

  private static void rejectForeignClauses(PlainSelect s) {
    Object foreign = s.getOracleHierarchical() != null ? s.getOracleHierarchical()
        : s.getQualify() != null ? s.getQualify()
        : s.getTop() != null ? s.getTop()
        : s.getSkip() != null ? s.getSkip()
        : s.getFirst() != null ? s.getFirst()
        : s.getIntoTables() != null && !s.getIntoTables().isEmpty() ? s.getIntoTables().get(0)
        : s.getIntoTempTable() != null ? s.getIntoTempTable()
        : s.getLateralViews() != null && !s.getLateralViews().isEmpty() ? s.getLateralViews().get(0)
        : s.getPreferringClause() != null ? s.getPreferringClause()
        : s.getKsqlWindow();
    if (foreign != null) {
      throw Unsupported.node(foreign, "SELECT");
    }
  }
}
