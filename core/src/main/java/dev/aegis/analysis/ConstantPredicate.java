package dev.aegis.analysis;

/**
 * A predicate whose truth does not depend on any row: the raw material of tautology and contradiction
 * signatures ({@code OR 1=1}, {@code OR 'a'='a'}, {@code OR 2>1}, {@code OR TRUE}, {@code OR x LIKE '%'}).
 *
 * <p>Operands are digest placeholders (the detector reads their literal values from the lexer) or
 * keywords. A LIKE whose left side is a column has {@code left = -1}, {@code leftKeyword = "COLUMN"}.
 * On ordinary SQL whose literals are still in place, a literal operand's keyword is the literal as
 * written ({@code 1}, {@code 'a'}, {@code -2.5}); on the lexer's digest literals are placeholders.
 *
 * @param operator {@code =}, {@code <>}, {@code <}, {@code >}, {@code <=}, {@code >=}, {@code <=>},
 *     {@code LIKE}, {@code REGEXP} (also RLIKE), {@code IN} (right: the first list element; {@code negated}
 *     for NOT IN), {@code IS}, {@code IS NOT}, or {@code CONST} for a bare constant operand
 * @param left placeholder index of the left operand, or -1 when it is a keyword
 * @param leftKeyword TRUE, FALSE, NULL, COLUMN, or null when {@code left} is a placeholder
 * @param right placeholder index of the right operand, or -1 (also -1 for {@code CONST})
 * @param rightKeyword TRUE, FALSE, NULL, or null when {@code right} is a placeholder or absent
 * @param clause WHERE, ON, HAVING (or WHEN for CASE conditions)
 * @param underOr whether the predicate is an operand of an OR/XOR/{@code ||} (directly or through
 *     parentheses and NOT: the nearest enclosing connective is OR), as opposed to the AND-chain idiom
 *     {@code WHERE 1=1 AND …}
 * @param negated whether a NOT applies to it
 */
public record ConstantPredicate(
    String operator,
    int left,
    String leftKeyword,
    int right,
    String rightKeyword,
    String clause,
    boolean underOr,
    boolean negated) {}
