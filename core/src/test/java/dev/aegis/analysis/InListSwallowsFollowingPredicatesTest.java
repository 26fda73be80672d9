package dev.aegis.analysis;

import static dev.aegis.analysis.Analyses.analysed;
import static dev.aegis.analysis.Analyses.bindings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * JSqlParser 5.3 parses {@code a IN (?) AND b = ?} as {@code a IN ((?) AND b = ?)} (its issues #2244,
 * #2282). The analyser re-associates such trees with MySQL precedence; without it the second placeholder
 * would be an IN_LIST value of {@code a} and an {@code OR 1=1} after an IN would look like an AND operand.
 */
class InListSwallowsFollowingPredicatesTest {

  @Test
  void bindingsAfterAnInList() {
    assertThat(bindings("SELECT * FROM t WHERE a IN (?) AND b = ? AND c NOT IN (?, ?) AND d BETWEEN ? AND ?"))
        .containsExactly("a@t IN_LIST", "b@t EQUALS", "c@t IN_LIST", "c@t IN_LIST", "d@t RANGE",
            "d@t RANGE");
  }

  @Test
  void tautologyAfterAnInListIsUnderOr() {
    Analysis a = analysed("SELECT * FROM t WHERE a IN (?) OR ? = ?");
    assertThat(a.constantPredicates())
        .containsExactly(new ConstantPredicate("=", 1, null, 2, null, "WHERE", true, false));
  }

  @Test
  void orAfterAnInListInsideAnAndChainIsTopLevel() {
    // MySQL: (x = ? AND a IN (?)) OR ? = ?  — and the constant is still an OR operand.
    Analysis a = analysed("SELECT * FROM t WHERE x = ? AND a IN (?) OR ? = ?");
    assertThat(a.constantPredicates()).extracting(ConstantPredicate::underOr).containsExactly(true);
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("x@t EQUALS", "a@t IN_LIST", "OTHER", "OTHER");
  }

  @Test
  void andChainAfterAnInListStaysAnAndChain() {
    Analysis a = analysed("SELECT * FROM t WHERE a IN (?) AND ? = ? AND b = ?");
    assertThat(a.constantPredicates()).extracting(ConstantPredicate::underOr).containsExactly(false);
  }

  @Test
  void notBeforeAnInListAppliesToTheInOnly() {
    Analysis a = analysed("SELECT * FROM t WHERE NOT a IN (?) AND ? = ?");
    assertThat(a.constantPredicates())
        .containsExactly(new ConstantPredicate("=", 1, null, 2, null, "WHERE", false, false));
  }

  @Test
  void subqueryInListFollowedByAnd() {
    assertThat(bindings("SELECT * FROM t WHERE a IN (SELECT x FROM u WHERE u.y = ?) AND b = ?"))
        .containsExactly("y@u EQUALS", "b@t EQUALS");
  }

  @Test
  void inListInJoinCondition() {
    assertThat(bindings("SELECT * FROM t JOIN u ON u.id = t.uid AND u.k IN (?) AND u.m = ? WHERE t.n = ?"))
        .containsExactly("k@u IN_LIST", "m@u EQUALS", "n@t EQUALS");
  }
}
