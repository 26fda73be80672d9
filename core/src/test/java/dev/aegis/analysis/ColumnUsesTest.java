package dev.aegis.analysis;

import static dev.aegis.analysis.Analyses.ANALYZER;
import static dev.aegis.analysis.Analyses.analysed;
import static dev.aegis.analysis.Analyses.bindings;
import static dev.aegis.analysis.Analyses.uses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Column references that carry no placeholder but make the server read the column's value: what column
 * encryption must judge besides the bindings.
 */
class ColumnUsesTest {

  // ---- EXPRESSION ------------------------------------------------------------------------------

  @Test
  void functionOnAColumn() {
    assertThat(uses("SELECT LOWER(email) FROM customers"))
        .containsExactly("EXPRESSION LOWER email@customers");
  }

  @Test
  void aggregateThroughAnAlias() {
    assertThat(uses("SELECT MAX(c.email) FROM customers c"))
        .containsExactly("EXPRESSION MAX email@customers");
  }

  @Test
  void countDistinctIsRecordedForTheConsumerToJudge() {
    // COUNT(DISTINCT) tells rows apart by equal values, like GROUP BY; a plain COUNT only counts them.
    assertThat(uses("SELECT COUNT(DISTINCT email) FROM customers"))
        .containsExactly("GROUP_BY COUNT(DISTINCT) email@customers");
    assertThat(uses("SELECT COUNT(email) FROM customers"))
        .containsExactly("EXPRESSION COUNT email@customers");
    assertThat(uses("SELECT COUNT(*) FROM customers")).isEmpty();
  }

  @Test
  void innermostFunctionNamesTheOperation() {
    assertThat(uses("SELECT UPPER(TRIM(email)), CONCAT(name, ?) FROM customers"))
        .containsExactly("EXPRESSION TRIM email@customers", "EXPRESSION CONCAT name@customers");
  }

  @Test
  void arithmeticComparedWithAPlaceholder() {
    Analysis a = analysed("SELECT * FROM customers WHERE id + 1 = ?");
    assertThat(a.columnUses()).extracting(Analyses::compact).containsExactly("EXPRESSION + id@customers");
    assertThat(a.bindings()).extracting(Analyses::compact).containsExactly("id@customers EQUALS fn");
  }

  @Test
  void functionComparedWithAPlaceholder() {
    assertThat(uses("SELECT id FROM customers WHERE LOWER(email) = ?"))
        .containsExactly("EXPRESSION LOWER email@customers");
  }

  @Test
  void castConvertCollateCaseAndSign() {
    assertThat(uses("SELECT CAST(a AS CHAR), CONVERT(b USING utf8mb4), c COLLATE utf8mb4_bin, "
        + "CASE WHEN ? THEN d ELSE e END, -f FROM t"))
        .containsExactly("EXPRESSION CAST a@t", "EXPRESSION CONVERT b@t", "EXPRESSION COLLATE c@t",
            "EXPRESSION CASE d@t", "EXPRESSION CASE e@t", "EXPRESSION - f@t");
  }

  @Test
  void columnTestedForTruth() {
    assertThat(uses("SELECT * FROM t WHERE active AND NOT deleted OR flagged IS TRUE"))
        .containsExactly("EXPRESSION AND active@t", "EXPRESSION NOT deleted@t",
            "EXPRESSION IS TRUE flagged@t");
    assertThat(uses("SELECT * FROM t WHERE active")).containsExactly("EXPRESSION IS TRUE active@t");
  }

  @Test
  void isNullOnABareColumnIsHarmless() {
    assertThat(uses("SELECT * FROM customers WHERE email IS NULL")).isEmpty();
    assertThat(uses("SELECT * FROM customers WHERE email IS NOT NULL AND phone IS UNKNOWN")).isEmpty();
    assertThat(uses("SELECT * FROM customers WHERE LOWER(email) IS NULL"))
        .containsExactly("EXPRESSION LOWER email@customers");
  }

  @Test
  void bareColumnsInTheSelectListAndComparedWithPlaceholdersAreNotRecorded() {
    assertThat(uses("SELECT email FROM customers WHERE id = ?")).isEmpty();
    assertThat(uses("SELECT c.email AS e, name FROM customers c WHERE email IN (?) AND id BETWEEN ? AND ? "
        + "AND name LIKE ? AND phone <> NULL")).isEmpty();
  }

  @Test
  void groupConcatAndItsOrder() {
    assertThat(uses("SELECT GROUP_CONCAT(email ORDER BY phone) FROM customers"))
        .containsExactly("EXPRESSION GROUP_CONCAT email@customers", "ORDER_BY ORDER BY phone@customers");
  }

  // ---- ORDER BY / GROUP BY --------------------------------------------------------------------

  @Test
  void orderBy() {
    assertThat(uses("SELECT * FROM customers ORDER BY email"))
        .containsExactly("ORDER_BY ORDER BY email@customers");
  }

  @Test
  void orderByASelectAlias() {
    assertThat(uses("SELECT email AS e FROM customers ORDER BY e DESC"))
        .containsExactly("ORDER_BY ORDER BY email@customers");
  }

  @Test
  void expressionInOrderByIsAnExpression() {
    assertThat(uses("SELECT * FROM customers ORDER BY LOWER(email)"))
        .containsExactly("EXPRESSION LOWER email@customers");
  }

  @Test
  void orderByPositionMayNameAnySelectItem() {
    // ORDER BY 2 reaches the analyser as ORDER BY ?.
    assertThat(uses("SELECT id, email FROM customers ORDER BY ?"))
        .containsExactly("ORDER_BY ORDER BY id@customers", "ORDER_BY ORDER BY email@customers");
    assertThat(uses("SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY ?"))
        .contains("ORDER_BY ORDER BY null@customers,orders");
  }

  @Test
  void groupByAndHaving() {
    assertThat(uses("SELECT email, COUNT(*) FROM customers GROUP BY email HAVING COUNT(*) > ?"))
        .containsExactly("GROUP_BY GROUP BY email@customers");
    assertThat(uses("SELECT email FROM customers GROUP BY ?"))
        .containsExactly("GROUP_BY GROUP BY email@customers");
  }

  @Test
  void orderAndLimitOfUpdateAndDelete() {
    assertThat(uses("DELETE FROM sessions WHERE created < ? ORDER BY created LIMIT ?"))
        .containsExactly("ORDER_BY ORDER BY created@sessions");
  }

  @Test
  void windowPartitionAndOrder() {
    assertThat(uses("SELECT id, ROW_NUMBER() OVER (PARTITION BY email ORDER BY phone) FROM customers"))
        .containsExactly("GROUP_BY PARTITION BY email@customers", "ORDER_BY ORDER BY phone@customers");
    assertThat(uses("SELECT SUM(total) OVER w FROM orders "
        + "WINDOW w AS (PARTITION BY region ORDER BY created)"))
        .containsExactly("EXPRESSION SUM total@orders", "GROUP_BY PARTITION BY region@orders",
            "ORDER_BY ORDER BY created@orders");
  }

  @Test
  void distinctAndUnionTellRowsApartByValue() {
    assertThat(uses("SELECT DISTINCT email FROM customers"))
        .containsExactly("GROUP_BY DISTINCT email@customers");
    assertThat(uses("SELECT email FROM customers UNION SELECT contact FROM leads"))
        .containsExactly("GROUP_BY UNION email@customers", "GROUP_BY UNION contact@leads");
    assertThat(uses("SELECT email FROM customers UNION ALL SELECT contact FROM leads")).isEmpty();
  }

  // ---- COMPARED -------------------------------------------------------------------------------

  @Test
  void joinOnComparesBothSides() {
    assertThat(uses("SELECT a.id FROM customers a JOIN leads b ON a.email = b.contact"))
        .containsExactly("COMPARED = email@customers ~ contact@leads",
            "COMPARED = contact@leads ~ email@customers");
  }

  @Test
  void joinUsing() {
    assertThat(uses("SELECT * FROM customers JOIN leads USING (email)"))
        .containsExactly("COMPARED USING email@customers ~ email@leads",
            "COMPARED USING email@leads ~ email@customers");
  }

  @Test
  void joinUsingAfterSeveralTablesListsEveryCandidateOnTheLeft() {
    assertThat(uses("SELECT * FROM a JOIN b ON b.a_id = a.id JOIN c USING (email)"))
        .contains("COMPARED USING email@a,b ~ email@c", "COMPARED USING email@c ~ email@a,b");
  }

  @Test
  void naturalJoinComparesColumnsNoOneCanName() {
    assertThat(uses("SELECT * FROM customers NATURAL JOIN leads"))
        .containsExactly("COMPARED NATURAL JOIN null@customers", "COMPARED NATURAL JOIN null@leads");
  }

  @Test
  void rangeBetweenTwoColumns() {
    assertThat(uses("SELECT * FROM customers WHERE email < phone"))
        .containsExactly("COMPARED < email@customers ~ phone@customers",
            "COMPARED < phone@customers ~ email@customers");
  }

  @Test
  void likeAgainstAnExpression() {
    assertThat(uses("SELECT * FROM customers WHERE email LIKE CONCAT(name, '%')"))
        .containsExactly("EXPRESSION CONCAT name@customers", "COMPARED LIKE email@customers");
  }

  @Test
  void columnComparedWithAnExpressionHasNoOther() {
    assertThat(uses("SELECT * FROM customers WHERE email = LOWER(name)"))
        .containsExactly("EXPRESSION LOWER name@customers", "COMPARED = email@customers");
    assertThat(uses("SELECT * FROM customers WHERE email = CONCAT(?, ?)"))
        .containsExactly("COMPARED = email@customers");
  }

  @Test
  void inSubqueryComparesWithItsOutputColumn() {
    assertThat(uses("SELECT * FROM customers WHERE email IN (SELECT contact FROM leads)"))
        .containsExactly("COMPARED IN email@customers ~ contact@leads",
            "COMPARED IN contact@leads ~ email@customers");
    assertThat(uses("SELECT * FROM customers WHERE email NOT IN (SELECT LOWER(contact) FROM leads)"))
        .containsExactly("EXPRESSION LOWER contact@leads", "COMPARED IN email@customers",
            "COMPARED IN contact@leads ~ email@customers");
  }

  @Test
  void subqueryOutputComparedWithAValueIsRecorded() {
    // No binding covers it: the ? is bound to nothing.
    Analysis a = analysed("SELECT * FROM customers WHERE ? IN (SELECT contact FROM leads)");
    assertThat(a.bindings()).extracting(Analyses::compact).containsExactly("OTHER");
    assertThat(a.columnUses()).extracting(Analyses::compact).containsExactly("COMPARED IN contact@leads");
  }

  @Test
  void scalarAndAnySubqueries() {
    assertThat(uses("SELECT * FROM customers WHERE email = (SELECT MAX(contact) FROM leads)"))
        .containsExactly("EXPRESSION MAX contact@leads", "COMPARED = email@customers",
            "COMPARED = contact@leads ~ email@customers");
    assertThat(uses("SELECT * FROM customers WHERE email = ANY (SELECT contact FROM leads)"))
        .containsExactly("COMPARED = email@customers ~ contact@leads",
            "COMPARED = contact@leads ~ email@customers");
  }

  @Test
  void rowInSubqueryPairsByPosition() {
    assertThat(uses("SELECT * FROM customers WHERE (email, phone) IN (SELECT contact, tel FROM leads)"))
        .containsExactly("COMPARED IN email@customers ~ contact@leads",
            "COMPARED IN contact@leads ~ email@customers", "COMPARED IN phone@customers ~ tel@leads",
            "COMPARED IN tel@leads ~ phone@customers");
  }

  @Test
  void inListOfColumns() {
    assertThat(uses("SELECT * FROM customers WHERE email IN (phone, ?)"))
        .containsExactly("COMPARED IN email@customers ~ phone@customers",
            "COMPARED IN phone@customers ~ email@customers");
  }

  @Test
  void betweenWithColumnBounds() {
    assertThat(uses("SELECT * FROM orders WHERE ? BETWEEN created AND shipped")).isEmpty();
    assertThat(uses("SELECT * FROM orders WHERE total BETWEEN low AND ?"))
        .containsExactly("COMPARED BETWEEN total@orders ~ low@orders",
            "COMPARED BETWEEN low@orders ~ total@orders");
  }

  @Test
  void caseOnAColumnComparedWithColumns() {
    assertThat(uses("SELECT CASE status WHEN ? THEN ? WHEN previous THEN ? END FROM orders"))
        .containsExactly("COMPARED CASE status@orders ~ previous@orders",
            "COMPARED CASE previous@orders ~ status@orders");
  }

  @Test
  void correlatedSubqueryComparesWithTheOuterTable() {
    assertThat(uses("SELECT * FROM customers c "
        + "WHERE EXISTS (SELECT 1 FROM leads l WHERE l.contact = c.email)"))
        .containsExactly("COMPARED = contact@leads ~ email@customers",
            "COMPARED = email@customers ~ contact@leads");
  }

  // ---- ASSIGNED -------------------------------------------------------------------------------

  @Test
  void updateSetFromAnotherColumn() {
    Analysis a = analysed("UPDATE customers SET email = phone WHERE id = ?");
    assertThat(a.columnUses()).extracting(Analyses::compact)
        .containsExactly("ASSIGNED SET email@customers ~ phone@customers");
    assertThat(a.bindings()).extracting(Analyses::compact).containsExactly("id@customers EQUALS");
  }

  @Test
  void updateSetFromAnExpression() {
    assertThat(uses("UPDATE customers SET email = UPPER(email)"))
        .containsExactly("EXPRESSION UPPER email@customers", "ASSIGNED SET email@customers");
  }

  @Test
  void updateSetPlaceholderNullAndDefaultAreNotRecorded() {
    assertThat(uses("UPDATE customers SET email = ?, phone = NULL, name = DEFAULT WHERE id = ?")).isEmpty();
  }

  @Test
  void updateSetSelf() {
    assertThat(uses("UPDATE customers SET email = email"))
        .containsExactly("ASSIGNED SET email@customers ~ email@customers");
  }

  @Test
  void multiTableUpdateResolvesBothSides() {
    assertThat(uses("UPDATE customers c JOIN leads l ON l.id = c.lead_id SET c.email = l.contact"))
        .containsExactly("COMPARED = id@leads ~ lead_id@customers", "COMPARED = lead_id@customers ~ id@leads",
            "ASSIGNED SET email@customers ~ contact@leads");
  }

  @Test
  void insertSelectPairsTargetsWithSelectItems() {
    assertThat(uses("INSERT INTO customers (email, name) SELECT contact, name FROM leads"))
        .containsExactly("ASSIGNED INSERT … SELECT email@customers ~ contact@leads",
            "ASSIGNED INSERT … SELECT name@customers ~ name@leads");
    assertThat(uses("REPLACE INTO customers (email, name) SELECT LOWER(contact), ? FROM leads"))
        .containsExactly("EXPRESSION LOWER contact@leads", "ASSIGNED INSERT … SELECT email@customers");
  }

  @Test
  void insertSelectWithoutColumnListNamesTheTable() {
    assertThat(uses("INSERT INTO customers SELECT * FROM leads"))
        .containsExactly("ASSIGNED INSERT … SELECT null@customers");
    assertThat(uses("INSERT INTO customers SELECT contact, ?, NULL FROM leads"))
        .containsExactly("ASSIGNED INSERT … SELECT null@customers ~ contact@leads");
  }

  @Test
  void insertSelectStarFillsEveryLaterTarget() {
    assertThat(uses("INSERT INTO customers (id, email, name) SELECT ?, l.* FROM leads l"))
        .containsExactly("ASSIGNED INSERT … SELECT email@customers",
            "ASSIGNED INSERT … SELECT name@customers");
  }

  @Test
  void insertSelectThroughDerivedTableAndUnion() {
    assertThat(uses("INSERT INTO customers (email) SELECT e FROM (SELECT contact AS e FROM leads) d"))
        .containsExactly("ASSIGNED INSERT … SELECT email@customers ~ contact@leads");
    assertThat(uses("INSERT INTO customers (email) "
        + "SELECT contact FROM leads UNION ALL SELECT mail FROM users"))
        .containsExactly("ASSIGNED INSERT … SELECT email@customers ~ contact@leads",
            "ASSIGNED INSERT … SELECT email@customers ~ mail@users");
  }

  @Test
  void onDuplicateKeyUpdateFromValues() {
    Analysis a = analysed("INSERT INTO customers (email) VALUES (?) "
        + "ON DUPLICATE KEY UPDATE email = VALUES(email)");
    assertThat(a.columnUses()).extracting(Analyses::compact)
        .containsExactly("ASSIGNED SET email@customers ~ email@customers");
    assertThat(a.bindings()).extracting(Analyses::compact).containsExactly("email@customers INSERT_VALUE");
  }

  @Test
  void onDuplicateKeyUpdateArithmetic() {
    assertThat(uses("INSERT INTO counters (name, hits) VALUES (?, ?) "
        + "ON DUPLICATE KEY UPDATE hits = hits + VALUES(hits)"))
        .containsExactly("EXPRESSION + hits@counters", "ASSIGNED SET hits@counters");
  }

  @Test
  void insertValuesAndSetWithAFunction() {
    assertThat(uses("INSERT INTO customers (email, created) VALUES (?, NOW())"))
        .containsExactly("ASSIGNED VALUES created@customers");
    assertThat(uses("INSERT INTO customers (email, name) VALUES (?, DEFAULT)")).isEmpty();
    assertThat(uses("INSERT INTO customers (email, phone) VALUES (?, email)"))
        .containsExactly("ASSIGNED VALUES phone@customers ~ email@customers");
    assertThat(uses("INSERT INTO customers SET email = LOWER(?)"))
        .containsExactly("ASSIGNED SET email@customers");
  }

  // ---- resolution -----------------------------------------------------------------------------

  @Test
  void derivedTableColumnResolvesToTheBaseColumn() {
    assertThat(uses("SELECT e FROM (SELECT email AS e FROM customers) t ORDER BY e"))
        .containsExactly("ORDER_BY ORDER BY email@customers");
  }

  @Test
  void cteColumnResolvesToTheBaseColumn() {
    assertThat(uses("WITH c AS (SELECT email FROM customers) "
        + "SELECT * FROM c JOIN leads l ON l.contact = c.email"))
        .containsExactly("COMPARED = contact@leads ~ email@customers",
            "COMPARED = email@customers ~ contact@leads");
  }

  @Test
  void derivedExpressionIsRecordedWhereItIsWrittenAndUnderItsColumnWhereUsed() {
    assertThat(uses("SELECT * FROM (SELECT LOWER(email) AS e FROM customers) t "
        + "JOIN leads l ON l.contact = t.e"))
        .containsExactly("EXPRESSION LOWER email@customers", "COMPARED = contact@leads",
            "COMPARED = email@customers ~ contact@leads");
  }

  @Test
  void unionColumnOfDifferentColumnsIsRecordedForEach() {
    assertThat(uses("SELECT * FROM (SELECT email FROM customers UNION ALL SELECT contact FROM leads) u "
        + "ORDER BY u.email"))
        .containsExactly("ORDER_BY ORDER BY email@customers", "ORDER_BY ORDER BY contact@leads");
    assertThat(uses("(SELECT email FROM customers) UNION ALL (SELECT contact FROM leads) ORDER BY email"))
        .containsExactly("ORDER_BY ORDER BY email@customers", "ORDER_BY ORDER BY contact@leads");
  }

  @Test
  void unionColumnWhoseFirstSelectHasNoColumnIsRecordedForTheLaterOnes() {
    Analysis a = analysed("SELECT NULL AS e UNION ALL SELECT email FROM customers ORDER BY e");
    assertThat(a.columnUses()).extracting(Analyses::compact)
        .containsExactly("ORDER_BY ORDER BY email@customers");
    assertThat(uses("SELECT * FROM (SELECT ? AS e UNION ALL SELECT email FROM customers) u JOIN leads l "
        + "ON l.contact = u.e"))
        .containsExactly("COMPARED = contact@leads", "COMPARED = email@customers ~ contact@leads");
  }

  @Test
  void distinctrowIsUnanalysableBecauseJsqlParserReadsItAsAColumn() {
    Analysis a = ANALYZER.analyze("SELECT DISTINCTROW email FROM customers ORDER BY email");
    assertThat(a.analysable()).isFalse();
    assertThat(a.unanalysableReason()).contains("DISTINCTROW");
  }

  @Test
  void unqualifiedColumnInAJoinListsEveryTable() {
    assertThat(uses("SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY email"))
        .contains("ORDER_BY ORDER BY email@customers,orders");
  }

  // ---- the rest of Analysis --------------------------------------------------------------------

  @Test
  void bindingsAreUnchanged() {
    assertThat(bindings("SELECT * FROM customers WHERE email = phone AND name = ? ORDER BY email"))
        .containsExactly("name@customers EQUALS");
  }

  @Test
  void repeatsAreRecordedOnce() {
    assertThat(uses("SELECT LOWER(email), LOWER(email) FROM customers ORDER BY email, email"))
        .containsExactly("EXPRESSION LOWER email@customers", "ORDER_BY ORDER BY email@customers");
  }

  @Test
  void unanalysableAndTransactionStatementsHaveNone() {
    assertThat(ANALYZER.analyze("SELECT * FROM customers WHERE email ~ ?").columnUses()).isEmpty();
    assertThat(ANALYZER.analyze("BEGIN").columnUses()).isEmpty();
    assertThat(ANALYZER.analyze("CREATE TABLE t (a VARCHAR(?))").columnUses()).isEmpty();
  }
}
