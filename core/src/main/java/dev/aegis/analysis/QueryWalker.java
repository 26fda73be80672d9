package dev.aegis.analysis;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
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

  private final Facts facts;
  private final ExpressionWalker expressions;
  private final FromWalker from;
  private int depth;
  /** INSERT … SELECT target columns, taken by the next SELECT list walked. */
  private List<Resolved> insertTargets;
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

  /** The SELECT of INSERT … SELECT: the i-th value of its select list goes to the i-th target column. */
  Derived insertSource(Select select, List<Resolved> targets, Scope parent) {
    insertTargets = targets;
    try {
      return top(select, parent);
    } finally {
      insertTargets = null;
    }
  }

  // ---- blocks ----------------------------------------------------------------------------------

  @Override
  public <S> Derived visit(PlainSelect select, S context) {
    List<Resolved> targets = insertTargets;
    insertTargets = null;
    recursiveCte = null;
    Scope scope = new Scope((Scope) context);
    ctes(select.getWithItemsList(), scope);
    rejectForeignClauses(select);
    if (select.getFromItem() != null) {
      addFrom(select.getFromItem(), scope);
    }
    joins(select.getJoins(), scope);
    Derived out = selectList(select.getSelectItems(), targets, scope);
    expressions.condition(select.getWhere(), "WHERE", scope, false);
    GroupByElement groupBy = select.getGroupBy();
    if (groupBy != null) {
      expressions.value(groupBy.getGroupByExpressionList(), scope, true);
      if (groupBy.getGroupingSets() != null) {
        for (ExpressionList<?> set : groupBy.getGroupingSets()) {
          expressions.value(set, scope, true);
        }
      }
    }
    expressions.condition(select.getHaving(), "HAVING", scope, true);
    if (select.getWindowDefinitions() != null) {
      for (WindowDefinition w : select.getWindowDefinitions()) {
        expressions.window(w, scope);
      }
    }
    tail(select, scope);
    for (TableRef t : scope.tables()) {
      out.addTable(t);
    }
    return out;
  }

  private Derived selectList(List<SelectItem<?>> items, List<Resolved> targets, Scope scope) {
    Derived out = new Derived();
    boolean constantOnly = items != null && !items.isEmpty();
    int position = 0;
    for (SelectItem<?> item : items == null ? List.<SelectItem<?>>of() : items) {
      Expression e = item.getExpression();
      if (e instanceof AllColumns) {
        out.star = true;
        constantOnly = false;
        position++;
        continue;
      }
      constantOnly &= Side.isConstant(e);
      Resolved target = targets != null && position < targets.size() ? targets.get(position) : null;
      Side s = target != null ? expressions.assign(target, e, ValueUse.INSERT_VALUE, scope)
          : expressions.item(e, scope);
      Resolved column = s.column == null ? null
          : s.bareColumn ? s.column : new Resolved(s.column.column(), s.column.tables(), false);
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
    insertTargets = null;
    Derived recursive = recursiveCte;
    recursiveCte = null;
    Scope scope = new Scope((Scope) context);
    ctes(list.getWithItemsList(), scope);
    boolean union = false;
    for (SetOperation op : list.getOperations()) {
      union |= op instanceof UnionOp;
    }
    Derived out = null;
    for (Select branch : list.getSelects()) {
      insertTargets = targets;
      lastSelectConstantOnly = false;
      Derived d = branch.accept(this, scope);
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
    lastSelectConstantOnly = false;
    if (out == null) {
      out = Derived.opaque();
    }
    Scope output = new Scope((Scope) context);
    output.add(Source.derived("", out));
    tail(list, output);
    return out;
  }

  @Override
  public <S> Derived visit(ParenthesedSelect select, S context) {
    Scope scope = new Scope((Scope) context);
    ctes(select.getWithItemsList(), scope);
    Derived out = select.getSelect().accept(this, scope);
    Scope output = new Scope((Scope) context);
    output.add(Source.derived("", out));
    tail(select, output);
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

  /** Adds the joined tables first, then walks the ON conditions with all of them in scope. */
  void joins(List<Join> joins, Scope scope) {
    if (joins == null) {
      return;
    }
    for (Join join : joins) {
      if (join.isApply() || join.getJoinWindow() != null || join.getJoinHint() != null) {
        throw Unsupported.node(join, "FROM");
      }
      addFrom(join.getRightItem(), scope);
    }
    for (Join join : joins) {
      if (join.getOnExpressions() != null) {
        for (Expression on : join.getOnExpressions()) {
          expressions.condition(on, "ON", scope, false);
        }
      }
      if (join.getUsingColumns() != null) {
        for (Column c : join.getUsingColumns()) {
          expressions.resolve(c, scope);
        }
      }
    }
  }

  /** ORDER BY, LIMIT, OFFSET, FETCH of any block. */
  private void tail(Select select, Scope scope) {
    if (select.getLimitBy() != null || select.getForClause() != null || select.getPivot() != null
        || select.getUnPivot() != null) {
      throw new Unsupported("unsupported clause on " + select.getClass().getSimpleName());
    }
    if (select.getOrderByElements() != null) {
      for (OrderByElement o : select.getOrderByElements()) {
        expressions.value(o.getExpression(), scope, true);
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
