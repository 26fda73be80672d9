package dev.aegis.analysis;

import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.ConnectByPriorOperator;
import net.sf.jsqlparser.expression.ConnectByRootOperator;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitor;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.HighExpression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.Inverse;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.KeepExpression;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.LowExpression;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.NumericBind;
import net.sf.jsqlparser.expression.OracleHierarchicalExpression;
import net.sf.jsqlparser.expression.OracleHint;
import net.sf.jsqlparser.expression.OracleNamedFunctionParameter;
import net.sf.jsqlparser.expression.OverlapsCondition;
import net.sf.jsqlparser.expression.RangeExpression;
import net.sf.jsqlparser.expression.RowConstructor;
import net.sf.jsqlparser.expression.RowGetExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.StructType;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.TimezoneExpression;
import net.sf.jsqlparser.expression.TranscodingFunction;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.WindowElement;
import net.sf.jsqlparser.expression.WindowOffset;
import net.sf.jsqlparser.expression.XMLSerializeExpr;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseAnd;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseLeftShift;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseOr;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseRightShift;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseXor;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ContainedBy;
import net.sf.jsqlparser.expression.operators.relational.Contains;
import net.sf.jsqlparser.expression.operators.relational.CosineSimilarity;
import net.sf.jsqlparser.expression.operators.relational.DoubleAnd;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExcludesExpression;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.FullTextSearch;
import net.sf.jsqlparser.expression.operators.relational.GeometryDistance;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IncludesExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.IsUnknownExpression;
import net.sf.jsqlparser.expression.operators.relational.JsonOperator;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.Matches;
import net.sf.jsqlparser.expression.operators.relational.MemberOfExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.Plus;
import net.sf.jsqlparser.expression.operators.relational.PriorTo;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator;
import net.sf.jsqlparser.expression.operators.relational.SimilarToExpression;
import net.sf.jsqlparser.expression.operators.relational.TSQLLeftJoin;
import net.sf.jsqlparser.expression.operators.relational.TSQLRightJoin;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FunctionAllColumns;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Walks expressions: binds each {@code ?} to the column it is compared with or assigned to, records the
 * {@link ColumnUse}s of columns that carry no placeholder, resolves columns through the current
 * {@link Scope}, collects function names and constant predicates, and hands subqueries to the
 * {@link QueryWalker}.
 *
 * <p>Every node type of JSqlParser's visitor is listed here. Those this class does not understand throw
 * {@link Unsupported}: a node walked past could hide a column or a placeholder. One instance per analysis;
 * not thread-safe.
 */
final class ExpressionWalker implements ExpressionVisitor<Void> {

  private final Facts facts;
  private QueryWalker queries;

  private Scope scope;
  /** WHERE, ON, HAVING or WHEN while inside such a condition (constant predicates are recorded), else null. */
  private String clause;
  /** The node being visited is an operand of a boolean connective (or a whole condition). */
  private boolean bool;
  private boolean underOr;
  private boolean negated;
  private boolean aliasesVisible;
  /** The operand being collected, or null when a {@code ?} met now is bound to nothing. */
  private Side side;
  /**
   * What a column met right here is recorded as: set by the innermost enclosing function, operator or
   * clause; null where the enclosing node judges a bare column itself (a comparison operand, an
   * assignment, the select list) or where a bare column is harmless (IS NULL, LIMIT).
   */
  private Here here;

  /** A column use still missing its column: the context and operation a column met here gets. */
  private record Here(ColumnContext context, String operation) {}

  /** A bare column used as a condition: MySQL tests its value for truth. */
  private static final Here TRUTH = expression("IS TRUE");

  private static Here expression(String operation) {
    return new Here(ColumnContext.EXPRESSION, operation);
  }

  ExpressionWalker(Facts facts) {
    this.facts = facts;
  }

  void queries(QueryWalker queries) {
    this.queries = queries;
  }

  // ---- entry points ----------------------------------------------------------------------------

  /** A WHERE, ON or HAVING condition. */
  void condition(Expression e, String clauseName, Scope in, boolean aliases) {
    if (e == null) {
      return;
    }
    Mode saved = save();
    scope = in;
    clause = clauseName;
    bool = true;
    underOr = false;
    negated = false;
    aliasesVisible = aliases;
    side = null;
    here = TRUTH;
    walk(e);
    restore(saved);
  }

  /** A value whose placeholders are bound to nothing: LIMIT, CALL arguments, SET @variable values. */
  void value(Expression e, Scope in, boolean aliases) {
    if (e == null) {
      return;
    }
    Mode saved = save();
    enterValue(in, aliases);
    walk(e);
    restore(saved);
  }

  /**
   * An ORDER BY or GROUP BY element, whose placeholders are bound to nothing: a bare column in it is
   * recorded with {@code context}, one inside an expression as EXPRESSION.
   */
  void ordering(Expression e, Scope in, boolean aliases, ColumnContext context, String operation) {
    if (e == null) {
      return;
    }
    Mode saved = save();
    enterValue(in, aliases);
    here = new Here(context, operation);
    walk(e);
    restore(saved);
  }

  /** A select-list item: returns its first column; its placeholders are bound to nothing. */
  Side item(Expression e, Scope in) {
    Mode saved = save();
    enterValue(in, false);
    Side s = side(e);
    bindAcross(s, null, ValueUse.OTHER);
    restore(saved);
    return s;
  }

  /**
   * A value assigned to {@code target} (UPDATE SET, INSERT VALUES, ON DUPLICATE KEY UPDATE,
   * INSERT … SELECT); {@code operation} names the assignment in the column use.
   */
  Side assign(Resolved target, Expression value, ValueUse use, Scope in, String operation) {
    Mode saved = save();
    enterValue(in, false);
    Side s = side(value);
    for (int i = 0; i < s.pendingCount(); i++) {
      facts.bind(s.pendingAt(i), target.column(), target.tables(), use, !s.bareParam || !target.direct());
    }
    restore(saved);
    assigned(target, s, operation);
    return s;
  }

  /**
   * Records that {@code target} receives the walked operand {@code source}, unless a binding covers it
   * (a bare {@code ?}) or nothing is written that could need encrypting (NULL, DEFAULT).
   */
  void assigned(Resolved target, Side source, String operation) {
    if (source.bareParam || "NULL".equals(source.keyword) || source.defaultKeyword) {
      return;
    }
    Resolved from = source.operandColumn();
    use(target, ColumnContext.ASSIGNED, operation, from == null ? null : from.exact());
  }

  /**
   * Records one column use, once per base column {@code column} stands for. {@code other} is the single
   * base column on the other side, or null.
   */
  void use(Resolved column, ColumnContext context, String operation, Resolved other) {
    String otherName = other == null ? null : other.column();
    List<TableRef> otherTables = other == null ? List.of() : other.tables();
    for (Resolved base : column.bases()) {
      facts.use(new ColumnUse(base.column(), base.tables(), context, operation, otherName, otherTables));
    }
  }

  /** Resolves a column reference in a scope without walking anything; null for a column-less alias. */
  Resolved resolve(Column column, Scope in) {
    Table table = column.getTable();
    String qualifier = null;
    String schema = null;
    if (table != null && table.getName() != null) {
      qualifier = Names.of(table.getName());
      schema = Names.of(table.getSchemaName());
      facts.schema(schema);
    }
    String name = Names.of(column.getColumnName());
    return in == null ? new Resolved(name, List.of(), true)
        : in.resolve(schema, qualifier, name, aliasesVisible);
  }

  // ---- walking ---------------------------------------------------------------------------------

  private void walk(Expression e) {
    if (e == null) {
      return;
    }
    Expression node = e;
    if ((node instanceof AndExpression || node instanceof OrExpression || node instanceof XorExpression
        || node instanceof NotExpression || node instanceof InExpression)
        && InPrecedenceRepair.needed(node)) {
      node = InPrecedenceRepair.repair(node);
    }
    node.accept(this, null);
  }

  private void walkAll(List<? extends Expression> list) {
    if (list != null) {
      for (Expression e : list) {
        walk(e);
      }
    }
  }

  /**
   * Walks a non-boolean operand: a function argument, an arithmetic operand. A column met directly in it
   * is recorded as {@code as}.
   */
  private void inner(Expression e, Here as) {
    if (e == null) {
      return;
    }
    boolean b0 = bool;
    boolean o0 = underOr;
    boolean n0 = negated;
    Here h0 = here;
    bool = false;
    underOr = false;
    negated = false;
    here = as;
    walk(e);
    bool = b0;
    underOr = o0;
    negated = n0;
    here = h0;
  }

  private void inner(Expression e, String operation) {
    inner(e, expression(operation));
  }

  private void innerAll(List<? extends Expression> list, Here as) {
    if (list != null) {
      for (Expression e : list) {
        inner(e, as);
      }
    }
  }

  private void innerAll(List<? extends Expression> list, String operation) {
    innerAll(list, expression(operation));
  }

  /** ORDER BY inside a function or window: sorts like a query's ORDER BY. */
  private void orderBy(List<OrderByElement> elements) {
    if (elements != null) {
      for (OrderByElement o : elements) {
        inner(o.getExpression(), new Here(ColumnContext.ORDER_BY, "ORDER BY"));
      }
    }
  }

  /** An operand whose bare column the caller judges (comparisons, assignments). */
  private Side operand(Expression e) {
    Here h0 = here;
    here = null;
    Side s = side(e);
    here = h0;
    return s;
  }

  /** Walks one operand of a comparison, collecting its first column and its placeholders. */
  private Side side(Expression e) {
    Side s = new Side(e);
    Side saved = side;
    side = s;
    walk(e);
    side = saved;
    return s;
  }

  /** Binds the placeholders waiting in {@code from} to the column of {@code to}, or to nothing. */
  private void bindAcross(Side from, Side to, ValueUse use) {
    for (int i = 0; i < from.pendingCount(); i++) {
      int p = from.pendingAt(i);
      if (to != null && to.column != null) {
        boolean exact = from.bareParam && to.bareColumn && to.column.direct();
        facts.bind(p, to.column.column(), to.column.tables(), use, !exact);
      } else {
        facts.unbound(p);
      }
    }
  }

  /**
   * Records a comparison between two walked operands: each one that is a column (or a subquery's
   * output column) is compared with the other, unless the other is a value a binding covers. A
   * subquery's output compared with a value is recorded too: no binding names that column.
   */
  private void compared(Side a, Side b, String operator) {
    compared(a.operandColumn(), a.select != null, a.constant, b.operandColumn(), b.select != null,
        b.constant, operator);
  }

  private void compared(Resolved a, boolean aFromSubquery, boolean aConstant, Resolved b,
      boolean bFromSubquery, boolean bConstant, String operator) {
    if (a != null && (aFromSubquery || !bConstant)) {
      use(a, ColumnContext.COMPARED, operator, b == null ? null : b.exact());
    }
    if (b != null && (bFromSubquery || !aConstant)) {
      use(b, ColumnContext.COMPARED, operator, a == null ? null : a.exact());
    }
  }

  private void constant(String operator, Side left, String leftKeyword, Side right, String rightKeyword,
      String clauseName, boolean or, boolean not) {
    facts.constants.add(new ConstantPredicate(operator,
        left == null ? -1 : left.ordinal(), left == null ? leftKeyword : left.keyword,
        right == null ? -1 : right.ordinal(), right == null ? rightKeyword : right.keyword,
        clauseName, or, not));
  }

  private Void bareConstant(String keyword) {
    if (bool && clause != null) {
      facts.constants.add(new ConstantPredicate("CONST", -1, keyword, -1, null, clause, underOr, negated));
    }
    return null;
  }

  private Void connective(BinaryExpression e, boolean or, String operator) {
    boolean b0 = bool;
    boolean o0 = underOr;
    Side s0 = side;
    Here h0 = here;
    bool = true;
    underOr = or;
    side = null;
    here = expression(operator);
    walk(e.getLeftExpression());
    bool = true;
    underOr = or;
    walk(e.getRightExpression());
    bool = b0;
    underOr = o0;
    side = s0;
    here = h0;
    return null;
  }

  private Void arithmetic(BinaryExpression e) {
    String operator = e.getStringExpression().toUpperCase(Locale.ROOT);
    inner(e.getLeftExpression(), operator);
    inner(e.getRightExpression(), operator);
    return null;
  }

  /** A comparison {@code left op right}: binds placeholders across, records constant predicates. */
  private Void compare(BinaryExpression e, String operator, ValueUse use) {
    String cl = clause;
    boolean or = underOr;
    boolean not = negated;
    boolean b0 = bool;
    bool = false;
    underOr = false;
    negated = false;
    Expression left = Side.unwrap(e.getLeftExpression());
    Expression right = Side.unwrap(e.getRightExpression());
    if (left instanceof ExpressionList<?> l && right instanceof ExpressionList<?> r && l.size() > 1
        && l.size() == r.size()) {
      for (int i = 0; i < l.size(); i++) {
        Side ls = operand(l.get(i));
        Side rs = operand(r.get(i));
        bindAcross(ls, rs, use);
        bindAcross(rs, ls, use);
        compared(ls, rs, operator);
      }
    } else {
      Side ls = operand(e.getLeftExpression());
      Side rs = operand(e.getRightExpression());
      bindAcross(ls, rs, use);
      bindAcross(rs, ls, use);
      compared(ls, rs, operator);
      if (cl != null && ls.constant() && rs.constant()) {
        constant(operator, ls, null, rs, null, cl, or, not);
      }
    }
    bool = b0;
    underOr = or;
    negated = not;
    return null;
  }

  /** Walks a subquery; when it is the whole operand being collected, the operand learns its output. */
  private Void subquery(Select select) {
    Mode saved = save();
    clause = null;
    bool = false;
    underOr = false;
    negated = false;
    side = null;
    here = null;
    Derived output = queries.subquery(select, scope);
    restore(saved);
    if (side != null && side.select == select) {
      side.output = output;
    }
    return null;
  }

  private void enterValue(Scope in, boolean aliases) {
    scope = in;
    clause = null;
    bool = false;
    underOr = false;
    negated = false;
    aliasesVisible = aliases;
    side = null;
    here = null;
  }

  private record Mode(Scope scope, String clause, boolean bool, boolean underOr, boolean negated,
      boolean aliasesVisible, Side side, Here here) {}

  private Mode save() {
    return new Mode(scope, clause, bool, underOr, negated, aliasesVisible, side, here);
  }

  private void restore(Mode m) {
    scope = m.scope;
    clause = m.clause;
    bool = m.bool;
    underOr = m.underOr;
    negated = m.negated;
    aliasesVisible = m.aliasesVisible;
    side = m.side;
    here = m.here;
  }

  // ---- leaves ----------------------------------------------------------------------------------

  @Override
  public <S> Void visit(JdbcParameter p, S context) {
    if (p.isUseFixedIndex()) {
      throw new Unsupported("numbered placeholder");
    }
    int index = p.getIndex();
    if (bool && clause != null) {
      facts.constants.add(new ConstantPredicate("CONST", index - 1, null, -1, null, clause, underOr,
          negated));
    }
    if (side != null) {
      side.pending(index);
    } else {
      facts.unbound(index);
    }
    return null;
  }

  @Override
  public <S> Void visit(Column column, S context) {
    if (column.getArrayConstructor() != null) {
      throw Unsupported.node(column.getArrayConstructor());
    }
    Resolved r = resolve(column, scope);
    if (r != null && side != null && side.column == null) {
      side.column = r;
    }
    if (r != null && here != null && !Side.isDefaultKeyword(column)) {
      use(r, here.context(), here.operation(), null);
    }
    return null;
  }

  @Override
  public <S> Void visit(NullValue v, S context) {
    return bareConstant("NULL");
  }

  @Override
  public <S> Void visit(BooleanValue v, S context) {
    return bareConstant(v.getValue() ? "TRUE" : "FALSE");
  }

  @Override
  public <S> Void visit(LongValue v, S context) {
    return bareConstant(v.toString());
  }

  @Override
  public <S> Void visit(DoubleValue v, S context) {
    return bareConstant(v.toString());
  }

  @Override
  public <S> Void visit(HexValue v, S context) {
    return bareConstant(v.toString());
  }

  @Override
  public <S> Void visit(StringValue v, S context) {
    return bareConstant(v.toString());
  }

  @Override
  public <S> Void visit(DateValue v, S context) {
    return bareConstant(v.toString());
  }

  @Override
  public <S> Void visit(TimeValue v, S context) {
    return bareConstant(v.toString());
  }

  @Override
  public <S> Void visit(TimestampValue v, S context) {
    return bareConstant(v.toString());
  }

  @Override
  public <S> Void visit(DateTimeLiteralExpression v, S context) {
    return bareConstant(v.toString());
  }

  @Override
  public <S> Void visit(TimeKeyExpression v, S context) {
    return null;
  }

  @Override
  public <S> Void visit(UserVariable v, S context) {
    return null;
  }

  @Override
  public <S> Void visit(AllColumns v, S context) {
    return null;
  }

  @Override
  public <S> Void visit(AllTableColumns v, S context) {
    return null;
  }

  // ---- boolean connectives ---------------------------------------------------------------------

  @Override
  public <S> Void visit(AndExpression e, S context) {
    return connective(e, false, "AND");
  }

  @Override
  public <S> Void visit(OrExpression e, S context) {
    return connective(e, true, "OR");
  }

  @Override
  public <S> Void visit(XorExpression e, S context) {
    return connective(e, true, "XOR");
  }

  /** MySQL reads {@code ||} as OR; JSqlParser as concatenation. In a condition it is OR. */
  @Override
  public <S> Void visit(Concat e, S context) {
    return bool ? connective(e, true, "OR") : arithmetic(e);
  }

  @Override
  public <S> Void visit(NotExpression e, S context) {
    boolean b0 = bool;
    boolean n0 = negated;
    Side s0 = side;
    Here h0 = here;
    bool = true;
    negated = !negated;
    side = null;
    here = expression("NOT");
    walk(e.getExpression());
    bool = b0;
    negated = n0;
    side = s0;
    here = h0;
    return null;
  }

  @Override
  public <S> Void visit(ExpressionList<? extends Expression> list, S context) {
    if (list instanceof ParenthesedExpressionList && list.size() == 1) {
      walk(list.get(0));
      return null;
    }
    innerAll(list, here);
    return null;
  }

  @Override
  public <S> Void visit(RowConstructor<? extends Expression> row, S context) {
    innerAll(row, here);
    return null;
  }

  // ---- comparisons -----------------------------------------------------------------------------

  @Override
  public <S> Void visit(EqualsTo e, S context) {
    return compare(e, "=", ValueUse.EQUALS);
  }

  /** JSqlParser 5.3 reads MySQL's null-safe equality {@code <=>} as CosineSimilarity. */
  @Override
  public <S> Void visit(CosineSimilarity e, S context) {
    return compare(e, "<=>", ValueUse.EQUALS);
  }

  @Override
  public <S> Void visit(NotEqualsTo e, S context) {
    return compare(e, "<>", ValueUse.NOT_EQUALS);
  }

  @Override
  public <S> Void visit(GreaterThan e, S context) {
    return compare(e, ">", ValueUse.RANGE);
  }

  @Override
  public <S> Void visit(GreaterThanEquals e, S context) {
    return compare(e, ">=", ValueUse.RANGE);
  }

  @Override
  public <S> Void visit(MinorThan e, S context) {
    return compare(e, "<", ValueUse.RANGE);
  }

  @Override
  public <S> Void visit(MinorThanEquals e, S context) {
    return compare(e, "<=", ValueUse.RANGE);
  }

  @Override
  public <S> Void visit(LikeExpression e, S context) {
    String keyword = e.getLikeKeyWord() == null ? "LIKE" : e.getLikeKeyWord().name();
    String operator;
    switch (keyword) {
      case "LIKE": case "ILIKE":
        operator = "LIKE";
        break;
      case "REGEXP": case "RLIKE":
        operator = "REGEXP";
        break;
      default:
        throw new Unsupported("unsupported " + keyword + " predicate");
    }
    String cl = clause;
    boolean or = underOr;
    boolean not = negated ^ e.isNot();
    boolean b0 = bool;
    boolean n0 = negated;
    bool = false;
    underOr = false;
    negated = false;
    Side ls = operand(e.getLeftExpression());
    Side rs = operand(e.getRightExpression());
    bindAcross(rs, ls, ValueUse.PATTERN);
    bindAcross(ls, rs, ValueUse.PATTERN);
    compared(ls, rs, operator);
    if (cl != null && rs.constant()) {
      if (ls.constant()) {
        constant(operator, ls, null, rs, null, cl, or, not);
      } else if (ls.column != null) {
        constant(operator, null, "COLUMN", rs, null, cl, or, not);
      }
    }
    inner(e.getEscape(), "ESCAPE");
    bool = b0;
    underOr = or;
    negated = n0;
    return null;
  }

  @Override
  public <S> Void visit(Between e, S context) {
    boolean b0 = bool;
    boolean o0 = underOr;
    boolean n0 = negated;
    bool = false;
    underOr = false;
    negated = false;
    Side x = operand(e.getLeftExpression());
    Side low = operand(e.getBetweenExpressionStart());
    Side high = operand(e.getBetweenExpressionEnd());
    bindAcross(low, x, ValueUse.RANGE);
    bindAcross(high, x, ValueUse.RANGE);
    bindAcross(x, low.column != null ? low : high, ValueUse.RANGE);
    compared(x, low, "BETWEEN");
    compared(x, high, "BETWEEN");
    bool = b0;
    underOr = o0;
    negated = n0;
    return null;
  }

  @Override
  public <S> Void visit(InExpression e, S context) {
    Expression right = e.getRightExpression();
    if (!(right instanceof ExpressionList) && !(right instanceof Select)) {
      throw Unsupported.node(right, "IN");
    }
    String cl = clause;
    boolean or = underOr;
    boolean not = negated ^ e.isNot();
    boolean b0 = bool;
    boolean n0 = negated;
    bool = false;
    underOr = false;
    negated = false;
    Expression left = Side.unwrap(e.getLeftExpression());
    if (right instanceof Select && left instanceof ExpressionList<?> row && row.size() > 1) {
      rowInSubquery(row, right);
    } else if (right instanceof Select) {
      Side ls = operand(e.getLeftExpression());
      bindAcross(ls, null, ValueUse.OTHER);
      compared(ls, operand(right), "IN");
    } else if (left instanceof ExpressionList<?> row && row.size() > 1) {
      rowIn(row, (ExpressionList<?>) right);
    } else {
      Side ls = operand(e.getLeftExpression());
      boolean allConstant = ls.constant();
      Side first = null;
      Side firstWithColumn = null;
      for (Expression element : (ExpressionList<?>) right) {
        Side es = operand(element);
        compared(ls, es, "IN");
        bindAcross(es, ls, ValueUse.IN_LIST);
        allConstant &= es.constant();
        first = first == null ? es : first;
        firstWithColumn = firstWithColumn == null && es.column != null ? es : firstWithColumn;
      }
      bindAcross(ls, firstWithColumn, ValueUse.IN_LIST);
      if (cl != null && allConstant && first != null) {
        constant("IN", ls, null, first, null, cl, or, not);
      }
    }
    bool = b0;
    underOr = or;
    negated = n0;
    return null;
  }

  /** {@code (a, b) IN ((?, ?), …)}: each value binds to the column at its position. */
  private void rowIn(ExpressionList<?> row, ExpressionList<?> values) {
    Side[] columns = new Side[row.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = operand(row.get(i));
    }
    for (Expression value : values) {
      Expression v = Side.unwrap(value);
      if (v instanceof ExpressionList<?> tuple && tuple.size() == columns.length) {
        for (int i = 0; i < columns.length; i++) {
          Side element = operand(tuple.get(i));
          bindAcross(element, columns[i], ValueUse.IN_LIST);
          compared(columns[i], element, "IN");
        }
      } else {
        Here h0 = here;
        here = expression("IN");
        bindAcross(side(value), null, ValueUse.OTHER);
        here = h0;
      }
    }
    for (Side column : columns) {
      bindAcross(column, null, ValueUse.OTHER);
    }
  }

  /**
   * {@code (a, b) IN (SELECT x, y …)}: each column is compared with the subquery's output column at its
   * position; the placeholders of the row are bound to nothing, as before.
   */
  private void rowInSubquery(ExpressionList<?> row, Expression select) {
    Side[] columns = new Side[row.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = operand(row.get(i));
      bindAcross(columns[i], null, ValueUse.OTHER);
    }
    Derived output = operand(select).output;
    for (int i = 0; i < columns.length; i++) {
      Resolved out = output == null ? null
          : output.star ? Resolved.anyColumnOf(output.tables)
          : i < output.columns.size() ? output.columns.get(i) : null;
      compared(columns[i].operandColumn(), false, columns[i].constant, out, true, false, "IN");
    }
  }

  /** A bare column tested for NULL is harmless: NULL stays NULL under encryption. */
  @Override
  public <S> Void visit(IsNullExpression e, S context) {
    return isPredicate(e.getLeftExpression(), e.isNot(), "NULL", null);
  }

  @Override
  public <S> Void visit(IsBooleanExpression e, S context) {
    String keyword = e.isTrue() ? "TRUE" : "FALSE";
    return isPredicate(e.getLeftExpression(), e.isNot(), keyword,
        expression((e.isNot() ? "IS NOT " : "IS ") + keyword));
  }

  /** {@code x IS UNKNOWN} holds exactly when x is NULL, like IS NULL. */
  @Override
  public <S> Void visit(IsUnknownExpression e, S context) {
    return isPredicate(e.getLeftExpression(), e.isNot(), "NULL", null);
  }

  private Void isPredicate(Expression left, boolean not, String keyword, Here as) {
    String cl = clause;
    boolean or = underOr;
    boolean n0 = negated;
    boolean b0 = bool;
    Here h0 = here;
    bool = false;
    underOr = false;
    negated = false;
    here = as;
    Side x = side(left);
    here = h0;
    bindAcross(x, null, ValueUse.OTHER);
    if (cl != null && x.constant()) {
      constant(not ? "IS NOT" : "IS", x, null, null, keyword, cl, or, n0);
    }
    bool = b0;
    underOr = or;
    negated = n0;
    return null;
  }

  @Override
  public <S> Void visit(FullTextSearch e, S context) {
    boolean b0 = bool;
    Here h0 = here;
    bool = false;
    here = expression("MATCH");
    Side columns = side(e.getMatchColumns());
    Side against = side(e.getAgainstValue());
    bindAcross(against, columns, ValueUse.PATTERN);
    bindAcross(columns, null, ValueUse.OTHER);
    bool = b0;
    here = h0;
    return null;
  }

  @Override
  public <S> Void visit(MemberOfExpression e, S context) {
    inner(e.getLeftExpression(), "MEMBER OF");
    inner(e.getRightExpression(), "MEMBER OF");
    return null;
  }

  // ---- CASE ------------------------------------------------------------------------------------

  @Override
  public <S> Void visit(CaseExpression e, S context) {
    Mode saved = save();
    bool = false;
    underOr = false;
    negated = false;
    if (e.getSwitchExpression() != null) {
      Side subject = operand(e.getSwitchExpression());
      Side firstWithColumn = null;
      for (WhenClause when : e.getWhenClauses()) {
        Side value = operand(when.getWhenExpression());
        bindAcross(value, subject, ValueUse.EQUALS);
        compared(subject, value, "CASE");
        firstWithColumn = firstWithColumn == null && value.column != null ? value : firstWithColumn;
        inner(when.getThenExpression(), "CASE");
      }
      bindAcross(subject, firstWithColumn, ValueUse.EQUALS);
    } else {
      for (WhenClause when : e.getWhenClauses()) {
        Side outer = side;
        clause = "WHEN";
        bool = true;
        side = null;
        here = TRUTH;
        walk(when.getWhenExpression());
        clause = saved.clause;
        bool = false;
        side = outer;
        inner(when.getThenExpression(), "CASE");
      }
    }
    inner(e.getElseExpression(), "CASE");
    restore(saved);
    return null;
  }

  @Override
  public <S> Void visit(WhenClause e, S context) {
    throw Unsupported.node(e, "an expression outside CASE");
  }

  // ---- subqueries ------------------------------------------------------------------------------

  @Override
  public <S> Void visit(ParenthesedSelect select, S context) {
    return subquery(select);
  }

  @Override
  public <S> Void visit(Select select, S context) {
    return subquery(select);
  }

  @Override
  public <S> Void visit(ExistsExpression e, S context) {
    inner(e.getRightExpression(), "EXISTS");
    return null;
  }

  @Override
  public <S> Void visit(AnyComparisonExpression e, S context) {
    return subquery(e.getSelect());
  }

  // ---- functions and operators over values ------------------------------------------------------

  @Override
  public <S> Void visit(Function f, S context) {
    List<String> parts = f.getMultipartName();
    String name = null;
    if (parts != null && !parts.isEmpty()) {
      name = Names.of(parts.get(parts.size() - 1));
      if (name != null) {
        facts.function(name);
      }
      if (parts.size() > 1) {
        facts.schema(Names.of(parts.get(parts.size() - 2)));
      }
    } else if (f.getName() != null) {
      name = Names.of(f.getName());
      facts.function(name);
    }
    if (f.getKeep() != null || f.getHavingClause() != null) {
      throw Unsupported.node(f.getKeep() != null ? f.getKeep() : f.getHavingClause(), "a function");
    }
    // VALUES(col) of ON DUPLICATE KEY UPDATE is the column's incoming value, not a computation on it.
    // COUNT(DISTINCT col) tells rows apart by equal values, as SELECT DISTINCT does.
    Here as = Side.isValuesOf(f) ? here
        : f.isDistinct() && "count".equalsIgnoreCase(name) ? new Here(ColumnContext.GROUP_BY, "COUNT(DISTINCT)")
        : expression(name == null ? "FUNCTION" : name.toUpperCase(Locale.ROOT));
    if (f.getParameters() != null) {
      innerAll(f.getParameters(), as);
    }
    if (f.getNamedParameters() != null) {
      innerAll(f.getNamedParameters(), as);
    }
    orderBy(f.getOrderByElements());
    if (f.getAttribute() instanceof Expression attribute) {
      inner(attribute, as);
    }
    limit(f.getLimit(), as);
    return null;
  }

  private void limit(Limit limit, Here as) {
    if (limit != null) {
      inner(limit.getRowCount(), as);
      inner(limit.getOffset(), as);
      if (limit.getByExpressions() != null) {
        innerAll(limit.getByExpressions(), as);
      }
    }
  }

  @Override
  public <S> Void visit(AnalyticExpression e, S context) {
    String name = Names.of(e.getName());
    if (name != null) {
      facts.function(name);
    }
    if (e.getKeep() != null || e.getHavingClause() != null) {
      throw Unsupported.node(e.getKeep() != null ? e.getKeep() : e.getHavingClause(), "a window function");
    }
    Here as = expression(name == null ? "OVER" : name.toUpperCase(Locale.ROOT));
    inner(e.getExpression(), as);
    inner(e.getOffset(), as);
    inner(e.getDefaultValue(), as);
    inner(e.getFilterExpression(), as);
    orderBy(e.getFuncOrderBy());
    limit(e.getLimit(), as);
    window(e.getWindowDefinition());
    return null;
  }

  /** A named window ({@code WINDOW w AS (…)}) of a SELECT. */
  void window(WindowDefinition w, Scope in) {
    Mode saved = save();
    enterValue(in, true);
    window(w);
    restore(saved);
  }

  /** The partition, order and frame of an OVER (…) or a named WINDOW. */
  private void window(WindowDefinition w) {
    if (w == null) {
      return;
    }
    if (w.getPartitionBy() != null && w.getPartitionExpressionList() != null) {
      innerAll(w.getPartitionExpressionList(), new Here(ColumnContext.GROUP_BY, "PARTITION BY"));
    }
    if (w.getOrderBy() != null) {
      orderBy(w.getOrderByElements());
    }
    WindowElement frame = w.getWindowElement();
    if (frame != null) {
      offset(frame.getOffset());
      if (frame.getRange() != null) {
        offset(frame.getRange().getStart());
        offset(frame.getRange().getEnd());
      }
    }
  }

  private void offset(WindowOffset offset) {
    if (offset != null) {
      inner(offset.getExpression(), "OVER");
    }
  }

  @Override
  public <S> Void visit(MySQLGroupConcat e, S context) {
    facts.function("GROUP_CONCAT");
    if (e.getExpressionList() != null) {
      innerAll(e.getExpressionList(), "GROUP_CONCAT");
    }
    orderBy(e.getOrderByElements());
    return null;
  }

  @Override
  public <S> Void visit(TrimFunction e, S context) {
    facts.function("TRIM");
    inner(e.getExpression(), "TRIM");
    inner(e.getFromExpression(), "TRIM");
    return null;
  }

  @Override
  public <S> Void visit(TranscodingFunction e, S context) {
    facts.function("CONVERT");
    inner(e.getExpression(), "CONVERT");
    return null;
  }

  @Override
  public <S> Void visit(CastExpression e, S context) {
    String name = e.isUseCastKeyword() ? "CAST" : "CONVERT";
    facts.function(name);
    inner(e.getLeftExpression(), name);
    return null;
  }

  @Override
  public <S> Void visit(ExtractExpression e, S context) {
    facts.function("EXTRACT");
    inner(e.getExpression(), "EXTRACT");
    return null;
  }

  @Override
  public <S> Void visit(IntervalExpression e, S context) {
    inner(e.getExpression(), "INTERVAL");
    return null;
  }

  @Override
  public <S> Void visit(CollateExpression e, S context) {
    inner(e.getLeftExpression(), "COLLATE");
    return null;
  }

  @Override
  public <S> Void visit(SignedExpression e, S context) {
    inner(e.getExpression(), String.valueOf(e.getSign()));
    return null;
  }

  @Override
  public <S> Void visit(Inverse e, S context) {
    inner(e.getExpression(), "~");
    return null;
  }

  @Override
  public <S> Void visit(JsonExpression e, S context) {
    inner(e.getExpression(), "->");
    innerAll(e.getIdents(), "->");
    return null;
  }

  @Override
  public <S> Void visit(VariableAssignment e, S context) {
    inner(e.getExpression(), ":=");
    return null;
  }

  @Override
  public <S> Void visit(Addition e, S context) {
    return arithmetic(e);
  }

  @Override
  public <S> Void visit(Subtraction e, S context) {
    return arithmetic(e);
  }

  @Override
  public <S> Void visit(Multiplication e, S context) {
    return arithmetic(e);
  }

  @Override
  public <S> Void visit(Division e, S context) {
    return arithmetic(e);
  }

  @Override
  public <S> Void visit(IntegerDivision e, S context) {
    return arithmetic(e);
  }

  @Override
  public <S> Void visit(Modulo e, S context) {
    return arithmetic(e);
  }

  @Override
  public <S> Void visit(BitwiseAnd e, S context) {
    return arithmetic(e);
  }

  @Override
  public <S> Void visit(BitwiseOr e, S context) {
    return arithmetic(e);
  }

  @Override
  public <S> Void visit(BitwiseXor e, S context) {
    return arithmetic(e);
  }

  @Override
  public <S> Void visit(BitwiseLeftShift e, S context) {
    return arithmetic(e);
  }

  @Override
  public <S> Void visit(BitwiseRightShift e, S context) {
    return arithmetic(e);
  }

  // ---- not MySQL, or not understood: fail closed -----------------------------------------------

  @Override public <S> Void visit(JdbcNamedParameter node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(OverlapsCondition node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(IncludesExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(ExcludesExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(DoubleAnd node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(Contains node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(ContainedBy node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(Matches node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(OracleHierarchicalExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(RegExpMatchOperator node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(JsonOperator node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(NumericBind node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(KeepExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(RowGetExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(OracleHint node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(NextValExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(SimilarToExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(ArrayExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(ArrayConstructor node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(XMLSerializeExpr node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(TimezoneExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(JsonAggregateFunction node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(JsonFunction node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(ConnectByRootOperator node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(ConnectByPriorOperator node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(OracleNamedFunctionParameter node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(FunctionAllColumns node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(AllValue node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(IsDistinctExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(GeometryDistance node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(RangeExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(TSQLLeftJoin node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(TSQLRightJoin node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(StructType node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(LambdaExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(HighExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(LowExpression node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(Plus node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(PriorTo node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(FromQuery node, S context) { throw Unsupported.node(node); }}
