package dev.aegis.analysis;

import static dev.aegis.analysis.Analyses.analysed;
import static dev.aegis.analysis.Analyses.bindings;
import static dev.aegis.analysis.Analyses.tables;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** INSERT, REPLACE, UPDATE and DELETE in the forms MySQL applications send. */
class WriteBindingTest {

  @Test
  void insertValuesBindByPosition() {
    Analysis a = analysed("INSERT INTO customers (email, name) VALUES (?, LOWER(?))");
    assertThat(a.kind()).isEqualTo(StatementKind.INSERT);
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("email@customers INSERT_VALUE", "name@customers INSERT_VALUE fn");
    assertThat(tables(a.tablesWritten())).containsExactly("customers");
    assertThat(a.tablesRead()).isEmpty();
  }

  @Test
  void insertSeveralRows() {
    assertThat(bindings("INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"))
        .containsExactly("a@t INSERT_VALUE", "b@t INSERT_VALUE", "a@t INSERT_VALUE", "b@t INSERT_VALUE");
  }

  @Test
  void insertWithoutColumnListNamesTheTableOnly() {
    assertThat(bindings("INSERT INTO t VALUES (?, ?)"))
        .containsExactly("null@t INSERT_VALUE", "null@t INSERT_VALUE");
  }

  @Test
  void insertSet() {
    assertThat(bindings("INSERT INTO shop.customers SET email = ?, name = ?"))
        .containsExactly("email@shop.customers INSERT_VALUE", "name@shop.customers INSERT_VALUE");
  }

  @Test
  void insertSelectBindsSelectListToTargetsAndWhereAsUsual() {
    Analysis a = analysed("INSERT INTO archive (email, reason) SELECT c.email, ? FROM customers c WHERE c.id = ?");
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("reason@archive INSERT_VALUE", "id@customers EQUALS");
    assertThat(tables(a.tablesRead())).containsExactly("customers");
    assertThat(tables(a.tablesWritten())).containsExactly("archive");
  }

  @Test
  void onDuplicateKeyUpdate() {
    assertThat(bindings("INSERT INTO counters (name, hits) VALUES (?, ?) "
        + "ON DUPLICATE KEY UPDATE hits = hits + ?, name = VALUES(name), note = ?"))
        .containsExactly("name@counters INSERT_VALUE", "hits@counters INSERT_VALUE",
            "hits@counters ASSIGNMENT fn", "note@counters ASSIGNMENT");
  }

  @Test
  void replaceValuesAndSet() {
    Analysis a = analysed("REPLACE INTO sessions (id, data) VALUES (?, ?)");
    assertThat(a.kind()).isEqualTo(StatementKind.REPLACE);
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("id@sessions INSERT_VALUE", "data@sessions INSERT_VALUE");
    assertThat(bindings("REPLACE INTO sessions SET id = ?")).containsExactly("id@sessions INSERT_VALUE");
  }

  @Test
  void updateSetAndWhere() {
    Analysis a = analysed("UPDATE customers SET email = ?, visits = visits + 1 WHERE id = ?");
    assertThat(a.kind()).isEqualTo(StatementKind.UPDATE);
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("email@customers ASSIGNMENT", "id@customers EQUALS");
    assertThat(tables(a.tablesWritten())).containsExactly("customers");
    assertThat(a.whereless()).isFalse();
  }

  @Test
  void multiTableUpdateWithAliases() {
    Analysis a = analysed("UPDATE orders o JOIN customers c ON c.id = o.customer_id "
        + "SET o.status = ?, c.last_order = ? WHERE c.email = ?");
    assertThat(a.bindings()).extracting(Analyses::compact)
        .containsExactly("status@orders ASSIGNMENT", "last_order@customers ASSIGNMENT",
            "email@customers EQUALS");
    assertThat(tables(a.tablesWritten())).containsExactly("customers", "orders");
  }

  @Test
  void commaUpdate() {
    Analysis a = analysed("UPDATE a, b SET a.x = ? WHERE a.id = b.id AND b.y = ?");
    assertThat(a.bindings()).extracting(Analyses::compact).containsExactly("x@a ASSIGNMENT", "y@b EQUALS");
    assertThat(tables(a.tablesWritten())).containsExactly("a");
  }

  @Test
  void wherelessUpdateAndDelete() {
    assertThat(analysed("UPDATE t SET a = ?").whereless()).isTrue();
    assertThat(analysed("DELETE FROM t").whereless()).isTrue();
    assertThat(analysed("DELETE FROM t WHERE id = ? ORDER BY id LIMIT ?").whereless()).isFalse();
  }

  @Test
  void deleteSimple() {
    Analysis a = analysed("DELETE FROM sessions WHERE expires < ?");
    assertThat(a.kind()).isEqualTo(StatementKind.DELETE);
    assertThat(a.bindings()).extracting(Analyses::compact).containsExactly("expires@sessions RANGE");
    assertThat(tables(a.tablesWritten())).containsExactly("sessions");
  }

  @Test
  void multiTableDeleteResolvesTargetAlias() {
    Analysis a = analysed("DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = ?");
    assertThat(a.bindings()).extracting(Analyses::compact).containsExactly("email@customers EQUALS");
    assertThat(tables(a.tablesWritten())).containsExactly("orders");
    assertThat(tables(a.tablesRead())).contains("customers");
  }

  @Test
  void deleteTwoTables() {
    Analysis a = analysed("DELETE t1, t2 FROM t1 JOIN t2 ON t1.id = t2.id WHERE t1.x = ?");
    assertThat(tables(a.tablesWritten())).containsExactly("t1", "t2");
  }
}
