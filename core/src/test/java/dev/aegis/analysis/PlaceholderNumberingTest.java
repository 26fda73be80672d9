package dev.aegis.analysis;

import static dev.aegis.analysis.Analyses.bindings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Placeholders are numbered in text order whatever order the walk visits them in: CTE bodies, derived
 * tables, select-list subqueries, ON before WHERE, HAVING and LIMIT.
 */
class PlaceholderNumberingTest {

  @Test
  void textOrderAcrossClausesCtesAndSubqueries() {
    String sql = "WITH x AS (SELECT id FROM a WHERE a.p = ?) "
        + "SELECT (SELECT MAX(q) FROM b WHERE b.r = ?), s.v "
        + "FROM (SELECT v, k FROM c WHERE c.w = ?) s "
        + "JOIN d ON d.k = s.k AND d.m = ? "
        + "WHERE s.v > ? AND EXISTS (SELECT 1 FROM x WHERE x.id = ?) "
        + "GROUP BY s.v HAVING COUNT(*) > ? ORDER BY s.v LIMIT ?";
    assertThat(bindings(sql)).containsExactly(
        "p@a EQUALS", "r@b EQUALS", "w@c EQUALS", "m@d EQUALS", "v@c RANGE", "id@a EQUALS", "OTHER",
        "OTHER");
  }

  @Test
  void placeholderOnTheLeftOfAComparison() {
    assertThat(bindings("SELECT * FROM t WHERE ? = a AND b = ? AND ? < c"))
        .containsExactly("a@t EQUALS", "b@t EQUALS", "c@t RANGE");
  }

  @Test
  void insertSelectWithOnDuplicate() {
    assertThat(bindings("INSERT INTO t (a, b) SELECT ?, x FROM u WHERE u.y = ? "
        + "ON DUPLICATE KEY UPDATE b = ?"))
        .containsExactly("a@t INSERT_VALUE", "y@u EQUALS", "b@t ASSIGNMENT");
  }

  @Test
  void updateSetBeforeWhereAndJoin() {
    assertThat(bindings("UPDATE a JOIN b ON b.id = a.bid AND b.k = ? SET a.x = ? WHERE a.y = ?"))
        .containsExactly("k@b EQUALS", "x@a ASSIGNMENT", "y@a EQUALS");
  }

  @Test
  void questionMarksInsideQuotesAreNotPlaceholders() {
    assertThat(bindings("SELECT * FROM t WHERE a = '?' AND b = ? AND c = \"?\" AND `d?` = ?"))
        .containsExactly("b@t EQUALS", "d?@t EQUALS");
  }

  @Test
  void ordinarySqlWithLiterals() {
    assertThat(bindings("SELECT * FROM t WHERE a = 'x' AND b = 42 AND c = ?")).containsExactly("c@t EQUALS");
  }
}
