package dev.aegis.analysis;

import java.util.Arrays;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Select;

/**
 * One operand of a comparison or assignment while it is walked: the first column it mentions (outside
 * subqueries), the placeholders in it still waiting to learn what they are compared with, and what column
 * uses need to know about its shape.
 */
final class Side {

  /** The first column met in this operand, or null. */
  Resolved column;
  private int[] pending = new int[2];
  private int count;
  /** The operand is exactly one {@code ?} (through parentheses). */
  final boolean bareParam;
  /** The parser's 1-based index of that {@code ?}, or 0. */
  final int param;
  /** The operand is exactly one column reference. */
  final boolean bareColumn;
  /** TRUE, FALSE, NULL or the literal's text when the operand is exactly one literal, else null. */
  final String keyword;
  /** The operand is a value a binding covers: a {@code ?}, a literal, a signed {@code ?}. */
  final boolean constant;
  /** The operand is the keyword DEFAULT, which JSqlParser reads as a column. */
  final boolean defaultKeyword;
  /** The operand is {@code VALUES(col)} of ON DUPLICATE KEY UPDATE: the column's incoming value. */
  final boolean valuesOfColumn;
  /** The operand is exactly one subquery ({@code (SELECT …)}, {@code ANY (SELECT …)}), else null. */
  final Select select;
  /** The output of {@link #select} once walked. */
  Derived output;

  Side(Expression operand) {
    Expression e = unwrap(operand);
    bareParam = e instanceof JdbcParameter;
    param = bareParam ? ((JdbcParameter) e).getIndex() : 0;
    defaultKeyword = e instanceof Column c && isDefaultKeyword(c);
    bareColumn = e instanceof Column && !defaultKeyword;
    valuesOfColumn = isValuesOf(e);
    keyword = keyword(e);
    constant = isConstant(e);
    select = e instanceof Select s ? s : e instanceof AnyComparisonExpression any ? any.getSelect() : null;
  }

  /**
   * The column this operand is, for column uses: the column when the operand is exactly one (or
   * {@code VALUES(col)}), the single output column of a subquery operand (any column of its tables for
   * {@code SELECT *}), else null.
   */
  Resolved operandColumn() {
    if (bareColumn || valuesOfColumn) {
      return column;
    }
    if (output == null) {
      return null;
    }
    return output.star ? Resolved.anyColumnOf(output.tables)
        : output.columns.size() == 1 ? output.columns.get(0) : null;
  }

  void pending(int parserIndex) {
    if (count == pending.length) {
      pending = Arrays.copyOf(pending, count * 2);
    }
    pending[count++] = parserIndex;
  }

  int pendingCount() {
    return count;
  }

  int pendingAt(int i) {
    return pending[i];
  }

  boolean constant() {
    return bareParam || keyword != null;
  }

  /** Placeholder ordinal (0-based) for a constant predicate, or -1 for a keyword operand. */
  int ordinal() {
    return bareParam ? param - 1 : -1;
  }

  /** Strips parentheses around a single expression. */
  static Expression unwrap(Expression e) {
    Expression x = e;
    while (x instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      x = list.get(0);
    }
    return x;
  }

  /** {@code VALUES (DEFAULT)}, {@code SET a = DEFAULT}: JSqlParser reads the keyword as a column. */
  static boolean isDefaultKeyword(Column column) {
    return (column.getTable() == null || column.getTable().getName() == null)
        && "DEFAULT".equalsIgnoreCase(column.getColumnName());
  }

  /** {@code VALUES(col)}: one column argument. */
  static boolean isValuesOf(Expression e) {
    return e instanceof Function f && f.getMultipartName() != null && f.getMultipartName().size() == 1
        && "values".equals(Names.of(f.getName())) && f.getParameters() != null
        && f.getParameters().size() == 1 && f.getParameters().get(0) instanceof Column
        && f.getNamedParameters() == null && !f.isDistinct() && !f.isAllColumns();
  }

  /** The keyword of a literal operand: TRUE, FALSE, NULL, or the literal as written; null otherwise. */
  static String keyword(Expression e) {
    if (e instanceof BooleanValue b) {
      return b.getValue() ? "TRUE" : "FALSE";
    }
    if (e instanceof NullValue) {
      return "NULL";
    }
    if (e instanceof LongValue || e instanceof DoubleValue || e instanceof StringValue
        || e instanceof HexValue || e instanceof DateTimeLiteralExpression) {
      return e.toString();
    }
    if (e instanceof SignedExpression s && keyword(unwrap(s.getExpression())) != null
        && !(unwrap(s.getExpression()) instanceof NullValue)) {
      return s.toString();
    }
    return null;
  }

  /** Whether an expression is a constant a UNION-padding SELECT would use: {@code ?}, NULL, literals. */
  static boolean isConstant(Expression e) {
    Expression x = unwrap(e);
    return x instanceof JdbcParameter || keyword(x) != null
        || x instanceof SignedExpression s && unwrap(s.getExpression()) instanceof JdbcParameter;
  }
}
