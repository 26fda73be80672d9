package dev.aegis.analysis;

import static dev.aegis.analysis.Analyses.analysed;
import static dev.aegis.analysis.Analyses.bindings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComparisonBindingTest {

  @Test
  void equalityBothWaysRound() {
    assertThat(bindings("SELECT * FROM customers WHERE email = ? AND ? = id"))
        .containsExactly("email@customers EQUALS", "id@customers EQUALS");
  }

  @Test
  void nullSafeEqualityAndInequalities() {
    assertThat(bindings("SELECT * FROM t WHERE a <=> ? AND b <> ? AND c != ? AND d < ? AND e > ? "
        + "AND f <= ? AND g >= ?"))
        .containsExactly("a@t EQUALS", "b@t NOT_EQUALS", "c@t NOT_EQUALS", "d@t RANGE", "e@t RANGE",
            "f@t RANGE", "g@t RANGE");
  }

  @Test
  void betweenBindsBothBoundsAsRange() {
    assertThat(bindings("SELECT * FROM orders WHERE created BETWEEN ? AND ? AND total NOT BETWEEN ? AND ?"))
        .containsExactly("created@orders RANGE", "created@orders RANGE", "total@orders RANGE",
            "total@orders RANGE");
  }

  @Test
  void inAndNotInLists() {
    assertThat(bindings("SELECT * FROM t WHERE a IN (?) AND b NOT IN (?, ?)"))
        .containsExactly("a@t IN_LIST", "b@t IN_LIST", "b@t IN_LIST");
  }

  @Test
  void patterns() {
    assertThat(bindings("SELECT * FROM t WHERE a LIKE ? AND b NOT LIKE ? AND c REGEXP ? AND d RLIKE ?"))
        .containsExactly("a@t PATTERN", "b@t PATTERN", "c@t PATTERN", "d@t PATTERN");
  }

  @Test
  void functionOverTheColumnIsInsideFunction() {
    assertThat(bindings("SELECT * FROM customers WHERE LOWER(email) = ? AND name = UPPER(?)"))
        .containsExactly("email@customers EQUALS fn", "name@customers EQUALS fn");
  }

  @Test
  void rowComparisonBindsByPosition() {
    assertThat(bindings("SELECT * FROM t WHERE (a, b) = (?, ?) AND (c, d) IN ((?, ?))"))
        .containsExactly("a@t EQUALS", "b@t EQUALS", "c@t IN_LIST", "d@t IN_LIST");
  }

  @Test
  void valuesNotComparedWithAColumnAreOther() {
    assertThat(bindings("SELECT ?, CONCAT(name, ?) FROM t WHERE a + ? > 3 LIMIT ? OFFSET ?"))
        .containsExactly("OTHER", "OTHER", "OTHER", "OTHER", "OTHER");
  }

  @Test
  void limitWithComma() {
    assertThat(bindings("SELECT * FROM t ORDER BY a LIMIT ?, ?")).containsExactly("OTHER", "OTHER");
  }

  @Test
  void havingBindsThroughSelectAlias() {
    assertThat(bindings("SELECT c.email AS e, COUNT(*) AS n FROM customers c GROUP BY c.email "
        + "HAVING e = ? AND n > ?"))
        .containsExactly("email@customers EQUALS", "OTHER");
  }

  @Test
  void caseConditions() {
    assertThat(bindings("SELECT CASE status WHEN ? THEN ? ELSE ? END, CASE WHEN total > ? THEN 1 END "
        + "FROM orders"))
        .containsExactly("status@orders EQUALS", "OTHER", "OTHER", "total@orders RANGE");
  }

  @Test
  void fullTextSearch() {
    assertThat(bindings("SELECT * FROM posts WHERE MATCH (title, body) AGAINST (? IN BOOLEAN MODE)"))
        .containsExactly("title@posts PATTERN fn");
  }

  @Test
  void forUpdateAndForShare() {
    assertThat(bindings("SELECT * FROM accounts WHERE id = ? FOR UPDATE"))
        .containsExactly("id@accounts EQUALS");
    assertThat(bindings("SELECT * FROM accounts WHERE id = ? FOR SHARE SKIP LOCKED"))
        .containsExactly("id@accounts EQUALS");
  }

  @Test
  void functionsAreCollectedUpperCase() {
    Analysis a = analysed("SELECT sleep(?), Benchmark(?, md5(?)) FROM t WHERE a = extractvalue(?, ?)");
    assertThat(a.functions()).contains("SLEEP", "BENCHMARK", "MD5", "EXTRACTVALUE");
  }
}
