package dev.aegis.analysis;

import java.util.Arrays;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * One operand of a comparison or assignment while it is walked: the first column it mentions (outside
 * subqueries) and the placeholders in it still waiting to learn what they are compared with.
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

  Side(Expression operand) {
    Expression e = unwrap(operand);
    bareParam = e instanceof JdbcParameter;
    param = bareParam ? ((JdbcParameter) e).getIndex() : 0;
    bareColumn = e instanceof Column;
    keyword = keyword(e);
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
