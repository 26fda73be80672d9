package dev.aegis.analysis;

import static dev.aegis.analysis.Analyses.analysed;
import static dev.aegis.analysis.Analyses.bindings;
import static dev.aegis.analysis.Analyses.tables;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Aliases, joins, subqueries, derived tables, CTEs, UNION and window functions. */
class QueryStructureBindingTest {

  @Test
  void aliasesResolveToBaseTables() {
    assertThat(bindings("SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id "
        + "WHERE c.email = ? AND o.total > ?"))
        .containsExactly("email@customers EQUALS", "total@orders RANGE");
  }

  @Test
  void unqualifiedColumnInAJoinListsEveryTableInScope() {
    assertThat(bindings("SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id WHERE email = ?"))
        .containsExactly("email@orders,customers EQUALS");
  }

  @Test
  void joinOnAndUsing() {
    Analysis a = analysed("SELECT * FROM a JOIN b USING (id) LEFT JOIN c ON c.a_id = a.id AND c.kind = ?");
    assertThat(Analyses.compact(a.bindings().get(0))).isEqualTo("kind@c EQUALS");
    assertThat(tables(a.tablesRead())).containsExactly("a", "b", "c");
  }

  @Test
  void schemaQualifiedNamesKeepTheSchema() {
    Analysis a = analysed("SELECT * FROM shop.customers c WHERE c.email = ? AND shop.customers.id = ?");
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("email@shop.customers EQUALS", "id@shop.customers EQUALS");
    assertThat(a.schemas()).containsExactly("shop");
  }

  @Test
  void subqueryInWhereResolvesItsOwnTables() {
    Analysis a = analysed("SELECT * FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE email = ?) "
        + "AND EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = orders.id AND r.amount > ?)");
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("email@customers EQUALS", "amount@refunds RANGE");
    assertThat(tables(a.tablesRead())).containsExactly("customers", "orders", "refunds");
    assertThat(a.maxSubqueryDepth()).isEqualTo(1);
  }

  @Test
  void correlatedSubqueryInSelectList() {
    Analysis a = analysed("SELECT c.id, (SELECT MAX(o.total) FROM orders o WHERE o.customer_id = c.id "
        + "AND o.status = ?) FROM customers c WHERE c.region = ?");
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("status@orders EQUALS", "region@customers EQUALS");
  }

  @Test
  void derivedTableColumnsResolveToTheBaseColumn() {
    assertThat(bindings("SELECT * FROM (SELECT email AS e, LOWER(name) AS n FROM customers) d "
        + "WHERE d.e = ? AND d.n = ?"))
        .containsExactly("email@customers EQUALS", "name@customers EQUALS fn");
  }

  @Test
  void cteResolvesToItsBaseTables() {
    Analysis a = analysed("WITH recent AS (SELECT customer_id, total FROM orders WHERE created > ?) "
        + "SELECT * FROM recent r JOIN customers c ON c.id = r.customer_id WHERE r.total > ?");
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("created@orders RANGE", "total@orders RANGE");
    assertThat(tables(a.tablesRead())).containsExactly("customers", "orders");
  }

  @Test
  void recursiveCte() {
    Analysis a = analysed("WITH RECURSIVE tree AS (SELECT id, parent_id FROM categories WHERE id = ? "
        + "UNION ALL SELECT c.id, c.parent_id FROM categories c JOIN tree t ON c.parent_id = t.id) "
        + "SELECT * FROM tree WHERE id <> ?");
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("id@categories EQUALS", "id@categories NOT_EQUALS");
    assertThat(tables(a.tablesRead())).containsExactly("categories");
  }

  @Test
  void unionCountsSelectsAndConstantOnlyOnes() {
    Analysis a = analysed("SELECT name, email FROM customers WHERE id = ? UNION ALL SELECT NULL, ? "
        + "UNION SELECT 1, 2");
    assertThat(a.unionSelects()).isEqualTo(3);
    assertThat(a.constantOnlyUnionSelects()).isEqualTo(2);
    assertThat(a.bindings()).extracting(Analyses::compact).containsExactly("id@customers EQUALS", "OTHER");
  }

  @Test
  void parenthesisedUnionWithOrderAndLimit() {
    Analysis a = analysed("(SELECT a FROM t WHERE x = ?) UNION (SELECT b FROM u WHERE y = ?) ORDER BY 1 LIMIT ?");
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("x@t EQUALS", "y@u EQUALS", "OTHER");
    assertThat(a.unionSelects()).isEqualTo(2);
    assertThat(a.maxSubqueryDepth()).isZero();
  }

  @Test
  void derivedUnionColumnCoversBothTables() {
    assertThat(bindings("SELECT * FROM (SELECT email FROM customers UNION SELECT email FROM leads) u "
        + "WHERE u.email = ?"))
        .containsExactly("email@customers,leads EQUALS");
  }

  @Test
  void windowFunctions() {
    Analysis a = analysed("SELECT id, ROW_NUMBER() OVER (PARTITION BY region ORDER BY total DESC "
        + "ROWS BETWEEN ? PRECEDING AND CURRENT ROW) rn, LAG(total, ?) OVER w FROM orders "
        + "WHERE status = ? WINDOW w AS (ORDER BY created)");
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("OTHER", "OTHER", "status@orders EQUALS");
    assertThat(a.functions()).contains("ROW_NUMBER", "LAG");
  }

  @Test
  void groupByHavingOrderByLimit() {
    Analysis a = analysed("SELECT region, SUM(total) s FROM orders WHERE created >= ? GROUP BY region "
        + "HAVING SUM(total) > ? ORDER BY s DESC LIMIT ?");
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("created@orders RANGE", "total@orders RANGE fn", "OTHER");
  }

  @Test
  void subqueryDepthCountsNesting() {
    Analysis a = analysed("SELECT * FROM a WHERE x IN (SELECT y FROM b WHERE z IN (SELECT w FROM c WHERE v = ?))");
    assertThat(a.maxSubqueryDepth()).isEqualTo(2);
    assertThat(Analyses.compact(a.bindings().get(0))).isEqualTo("v@c EQUALS");
  }

  @Test
  void hibernateStyle() {
    assertThat(bindings("select c1_0.id,c1_0.email from customers c1_0 where c1_0.email=? and c1_0.id<>?"))
        .containsExactly("email@customers EQUALS", "id@customers NOT_EQUALS");
  }

  @Test
  void jooqStyleBacktickQuotedSchemaQualified() {
    Analysis a = analysed("select `shop`.`customers`.`id`, `shop`.`customers`.`email` from `shop`.`customers` "
        + "where `shop`.`customers`.`email` = ? limit ?");
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("email@shop.customers EQUALS", "OTHER");
    assertThat(tables(a.tablesRead())).containsExactly("shop.customers");
    assertThat(a.schemas()).containsExactly("shop");
  }

  @Test
  void systemSchemasAreReported() {
    Analysis a = analysed("SELECT table_name FROM information_schema.tables WHERE table_schema = database() "
        + "UNION SELECT user FROM mysql.user");
    assertThat(a.schemas()).containsExactlyInAnyOrder("information_schema", "mysql");
    assertThat(a.functions()).contains("DATABASE");
  }
}
