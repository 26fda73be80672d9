package dev.aegis.analysis;

import static dev.aegis.analysis.Analyses.analysed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tautology material: predicates that do not depend on any row, with their OR/NOT context. */
class ConstantPredicateTest {

  @Test
  void placeholderComparisonUnderOr() {
    Analysis a = analysed("SELECT * FROM users WHERE id = ? OR ? = ?");
    assertThat(a.constantPredicates())
        .containsExactly(new ConstantPredicate("=", 1, null, 2, null, "WHERE", true, false));
  }

  @Test
  void andChainIdiomIsNotUnderOr() {
    Analysis a = analysed("SELECT * FROM users WHERE ? = ? AND name = ?");
    assertThat(a.constantPredicates())
        .containsExactly(new ConstantPredicate("=", 0, null, 1, null, "WHERE", false, false));
  }

  @Test
  void orTrue() {
    Analysis a = analysed("SELECT * FROM users WHERE name = ? OR TRUE");
    assertThat(a.constantPredicates())
        .containsExactly(new ConstantPredicate("CONST", -1, "TRUE", -1, null, "WHERE", true, false));
  }

  @Test
  void orBarePlaceholder() {
    Analysis a = analysed("SELECT * FROM users WHERE name = ? OR ?");
    assertThat(a.constantPredicates())
        .containsExactly(new ConstantPredicate("CONST", 1, null, -1, null, "WHERE", true, false));
    assertThat(Analyses.compact(a.bindings().get(1))).isEqualTo("OTHER");
  }

  @Test
  void orColumnLikePlaceholder() {
    Analysis a = analysed("SELECT * FROM users WHERE id = ? OR name LIKE ?");
    assertThat(a.constantPredicates())
        .containsExactly(new ConstantPredicate("LIKE", -1, "COLUMN", 1, null, "WHERE", true, false));
  }

  @Test
  void throughParenthesesAndNot() {
    Analysis a = analysed("SELECT * FROM t WHERE a = ? AND (b = ? OR (NOT (? = ?)))");
    assertThat(a.constantPredicates())
        .containsExactly(new ConstantPredicate("=", 2, null, 3, null, "WHERE", true, true));
  }

  @Test
  void xorAndDoublePipeCountAsOr() {
    assertThat(analysed("SELECT * FROM t WHERE a = ? XOR ? = ?").constantPredicates())
        .extracting(ConstantPredicate::underOr).containsExactly(true);
    assertThat(analysed("SELECT * FROM t WHERE (a = ?) || (? = ?)").constantPredicates())
        .extracting(ConstantPredicate::underOr).containsExactly(true);
  }

  @Test
  void literalsInOrdinarySql() {
    Analysis a = analysed("SELECT * FROM t WHERE a = 'x' OR 1 = 1");
    assertThat(a.constantPredicates())
        .containsExactly(new ConstantPredicate("=", -1, "1", -1, "1", "WHERE", true, false));
  }

  @Test
  void isNullAndNotLike() {
    Analysis a = analysed("SELECT * FROM t WHERE a = ? OR ? IS NOT NULL OR b NOT LIKE ?");
    assertThat(a.constantPredicates()).containsExactly(
        new ConstantPredicate("IS NOT", 1, null, -1, "NULL", "WHERE", true, false),
        new ConstantPredicate("LIKE", -1, "COLUMN", 2, null, "WHERE", true, true));
  }

  @Test
  void onAndHavingAndWhen() {
    Analysis a = analysed("SELECT CASE WHEN ? = ? THEN 1 END FROM a JOIN b ON a.id = b.id OR ? = ? "
        + "GROUP BY a.x HAVING COUNT(*) > ? OR ? > ?");
    assertThat(a.constantPredicates()).extracting(ConstantPredicate::clause)
        .containsExactlyInAnyOrder("WHEN", "ON", "HAVING");
  }

  @Test
  void inListOfConstants() {
    Analysis a = analysed("SELECT * FROM t WHERE a = ? OR ? IN (?)");
    assertThat(a.constantPredicates())
        .containsExactly(new ConstantPredicate("IN", 1, null, 2, null, "WHERE", true, false));
  }

  @Test
  void rowDependentPredicatesAreNotConstant() {
    assertThat(analysed("SELECT * FROM t WHERE a = ? AND b > ? OR c IN (?)").constantPredicates()).isEmpty();
  }
}
