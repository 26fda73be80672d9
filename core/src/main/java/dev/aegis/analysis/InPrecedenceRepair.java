package dev.aegis.analysis;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Undoes a JSqlParser 5.3 precedence bug (JSqlParser issues #2244, #2282; fixed in 5.4): in
 * {@code a IN (?) AND b = ?} the IN swallows the rest of its expression, giving
 * {@code a IN ((?) AND b = ?)}. A swallowing IN sits on the right spine of its expression; this class
 * flattens that spine into its operands and connectives (text order) and rebuilds it with MySQL's
 * precedence (NOT, then AND, then XOR, then OR), so underOr and bindings come out as MySQL reads them.
 */
final class InPrecedenceRepair {

  private InPrecedenceRepair() {}

  /** Whether {@code e} is the root of an expression holding a swallowing IN. Cheap: the right spine only. */
  static boolean needed(Expression e) {
    Expression node = e;
    while (true) {
      if (isConnective(node)) {
        node = ((BinaryExpression) node).getRightExpression();
      } else if (node instanceof NotExpression not) {
        node = not.getExpression();
      } else if (node instanceof InExpression in) {
        return swallowed(in);
      } else {
        return false;
      }
    }
  }

  static Expression repair(Expression e) {
    List<Expression> operands = new ArrayList<>();
    List<Expression> connectives = new ArrayList<>();
    flatten(e, operands, connectives);
    return rebuild(operands, connectives);
  }

  private static boolean swallowed(InExpression in) {
    Expression right = in.getRightExpression();
    return right != null && !(right instanceof ExpressionList) && !(right instanceof Select);
  }

  private static boolean isConnective(Expression e) {
    return e instanceof AndExpression || e instanceof OrExpression || e instanceof XorExpression;
  }

  private static void flatten(Expression e, List<Expression> operands, List<Expression> connectives) {
    if (isConnective(e)) {
      BinaryExpression b = (BinaryExpression) e;
      flatten(b.getLeftExpression(), operands, connectives);
      connectives.add(e);
      flatten(b.getRightExpression(), operands, connectives);
    } else if (e instanceof NotExpression not && needed(not.getExpression())) {
      // NOT binds tighter than AND/OR: it applies to the first operand only.
      int first = operands.size();
      flatten(not.getExpression(), operands, connectives);
      not.setExpression(operands.get(first));
      operands.set(first, not);
    } else if (e instanceof InExpression in && swallowed(in)) {
      Expression swallowedRest = in.getRightExpression();
      if (isConnective(swallowedRest) || swallowedRest instanceof NotExpression) {
        int first = operands.size();
        flatten(swallowedRest, operands, connectives);
        in.setRightExpression(list(operands.get(first)));
        operands.set(first, in);
      } else {
        // a IN (?) = ? and the like: the list is the leftmost leaf of a comparison.
        operands.add(leftmostIn(in, swallowedRest));
      }
    } else {
      operands.add(e);
    }
  }

  private static Expression list(Expression e) {
    if (e instanceof ExpressionList || e instanceof Select) {
      return e;
    }
    throw new Unsupported("IN followed by " + e.getClass().getSimpleName()
        + " that JSqlParser 5.3 parsed out of order");
  }

  private static Expression leftmostIn(InExpression in, Expression rest) {
    if (!(rest instanceof BinaryExpression parent)) {
      throw new Unsupported("IN followed by " + rest.getClass().getSimpleName()
          + " that JSqlParser 5.3 parsed out of order");
    }
    while (parent.getLeftExpression() instanceof BinaryExpression deeper) {
      parent = deeper;
    }
    in.setRightExpression(list(parent.getLeftExpression()));
    parent.setLeftExpression(in);
    return rest;
  }

  private static Expression rebuild(List<Expression> operands, List<Expression> connectives) {
    // OR < XOR < AND: fold ANDs first, then XORs, then ORs, each left to right.
    List<Expression> xorLevel = new ArrayList<>();
    List<Expression> xorOps = new ArrayList<>();
    Expression current = operands.get(0);
    for (int i = 0; i < connectives.size(); i++) {
      Expression op = connectives.get(i);
      Expression next = operands.get(i + 1);
      if (op instanceof AndExpression) {
        current = new AndExpression(current, next);
      } else {
        xorLevel.add(current);
        xorOps.add(op);
        current = next;
      }
    }
    xorLevel.add(current);
    List<Expression> orLevel = new ArrayList<>();
    current = xorLevel.get(0);
    for (int i = 0; i < xorOps.size(); i++) {
      if (xorOps.get(i) instanceof XorExpression) {
        current = new XorExpression(current, xorLevel.get(i + 1));
      } else {
        orLevel.add(current);
        current = xorLevel.get(i + 1);
      }
    }
    orLevel.add(current);
    current = orLevel.get(0);
    for (int i = 1; i < orLevel.size(); i++) {
      current = new OrExpression(current, orLevel.get(i));
    }
    return current;
  }
}
