package dev.aegis.analysis;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.FromItemVisitor;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;

/**
 * Turns one FROM item into a {@link Source}: base tables are recorded as read, CTE names and derived
 * tables resolve to the base tables behind them. The context argument is the scope being built (it is the
 * parent of derived tables, so LATERAL sees the tables before it). Returns null when the item added its
 * own sources (parenthesised joins) or names no table (DUAL).
 */
final class FromWalker implements FromItemVisitor<Source> {

  private final Facts facts;
  private final QueryWalker queries;
  private final ExpressionWalker expressions;

  FromWalker(Facts facts, QueryWalker queries, ExpressionWalker expressions) {
    this.facts = facts;
    this.queries = queries;
    this.expressions = expressions;
  }

  /** A table named in a statement, schema recorded; null for DUAL. */
  TableRef table(Table table) {
    String name = Names.of(table.getName());
    String schema = Names.of(table.getSchemaName());
    facts.schema(schema);
    if (name == null || schema == null && "dual".equals(name)) {
      return null;
    }
    return new TableRef(schema, name);
  }

  @Override
  public <S> Source visit(Table table, S context) {
    if (table.getPivot() != null || table.getUnPivot() != null || table.getSampleClause() != null) {
      throw Unsupported.node(table, "FROM with PIVOT or SAMPLE");
    }
    Scope scope = (Scope) context;
    TableRef ref = table(table);
    if (ref == null) {
      return null;
    }
    String alias = alias(table.getAlias());
    Derived cte = ref.schema() == null ? scope.cte(ref.table()) : null;
    if (cte != null) {
      return Source.derived(alias != null ? alias : ref.table(), cte);
    }
    facts.read.add(ref);
    return Source.table(alias, ref);
  }

  @Override
  public <S> Source visit(ParenthesedSelect select, S context) {
    return derived(select, select.getAlias(), (Scope) context);
  }

  @Override
  public <S> Source visit(LateralSubSelect select, S context) {
    return derived(select, select.getAlias(), (Scope) context);
  }

  @Override
  public <S> Source visit(PlainSelect select, S context) {
    return derived(select, select.getAlias(), (Scope) context);
  }

  @Override
  public <S> Source visit(SetOperationList select, S context) {
    return derived(select, select.getAlias(), (Scope) context);
  }

  @Override
  public <S> Source visit(ParenthesedFromItem item, S context) {
    Scope scope = (Scope) context;
    if (item.getAlias() != null || item.getPivot() != null || item.getUnPivot() != null) {
      throw Unsupported.node(item, "FROM with an alias");
    }
    queries.addFrom(item.getFromItem(), scope);
    queries.joins(item.getJoins(), scope);
    return null;
  }

  @Override
  public <S> Source visit(Values values, S context) {
    expressions.value(values.getExpressions(), (Scope) context, false);
    Derived derived = Derived.opaque();
    renameColumns(derived, values.getAlias());
    return Source.derived(alias(values.getAlias()) == null ? "" : alias(values.getAlias()), derived);
  }

  @Override
  public <S> Source visit(TableFunction function, S context) {
    throw Unsupported.node(function, "FROM");
  }

  @Override
  public <S> Source visit(TableStatement statement, S context) {
    throw Unsupported.node(statement, "FROM");
  }

  @Override
  public <S> Source visit(FromQuery query, S context) {
    throw Unsupported.node(query, "FROM");
  }

  private Source derived(Select select, Alias alias, Scope scope) {
    Derived derived = queries.subquery(select, scope);
    renameColumns(derived, alias);
    String name = alias(alias);
    return Source.derived(name == null ? "" : name, derived);
  }

  private static void renameColumns(Derived derived, Alias alias) {
    if (alias != null && alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Alias.AliasColumn column : alias.getAliasColumns()) {
        names.add(Names.of(column.name));
      }
      derived.rename(names);
    }
  }

  private static String alias(Alias alias) {
    return alias == null ? null : Names.of(alias.getName());
  }
}
